using System.Security.Cryptography;

namespace Sitrep.Ingest;

public static class InputHash
{
    public static string Sha256(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));
}
