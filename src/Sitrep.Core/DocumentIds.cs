using System.Security.Cryptography;
using System.Text;

namespace Sitrep.Core;

/// <summary>
/// Stable document ids, shared by readers and the store: the same raw input at the same address always gets
/// the same id, on any machine.
/// </summary>
public static class DocumentIds
{
    /// <summary><c>d</c> + 16 hex digits of sha256(canonical URL, else origin, + "\n" + sha256 of the raw input).</summary>
    public static string For(string? url, string origin, string rawSha256)
    {
        var address = UrlCanonicalizer.Canonicalize(url) ?? origin;
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(address + "\n" + rawSha256));
        return "d" + Convert.ToHexStringLower(hash.AsSpan(0, 8));
    }
}
