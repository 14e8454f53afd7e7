using System.Security.Cryptography;

namespace Sitrep.Core;

/// <summary>The sha256 of a model or dictionary file as manifests and record versions write it (lower-case hex).</summary>
public static class DataFileHash
{
    public static string Sha256(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }
}
