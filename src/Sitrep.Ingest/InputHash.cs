using System.Security.Cryptography;
using System.Text;
using Sitrep.Core;

namespace Sitrep.Ingest;

/// <summary>Stable document ids: the same input at the same address always gets the same id.</summary>
public static class DocumentIds
{
    /// <summary><c>d</c> + 16 hex digits of sha256(address + "\n" + sha256 of the raw input).</summary>
    public static string For(string address, SourceText raw)
    {
        var key = address + "\n" + raw.Sha256();
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(key));
        return "d" + Convert.ToHexStringLower(hash.AsSpan(0, 8));
    }
}

public static class InputHash
{
    public static string Sha256(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));
}
