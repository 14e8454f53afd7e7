using System.Text;

namespace Sitrep.Core;

/// <summary>Encoding look-up by web name, with the legacy code pages registered once.</summary>
public static class TextEncodings
{
    static TextEncodings() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static void EnsureRegistered() { }

    public static Encoding Get(string name)
    {
        var encoding = TryGet(name);
        return encoding ?? throw new ArgumentException($"Unknown encoding '{name}'.", nameof(name));
    }

    public static Encoding? TryGet(string? name)
    {
        if (string.IsNullOrWhiteSpace(name)) return null;
        var n = name.Trim().Trim('"', '\'').ToLowerInvariant();
        // WHATWG: labels for Latin-1 and ASCII mean windows-1252.
        if (n is "iso-8859-1" or "latin1" or "latin-1" or "us-ascii" or "ascii" or "iso8859-1" or "l1" or "cp1252")
            n = "windows-1252";
        if (n is "utf8") n = "utf-8";
        try
        {
            return Encoding.GetEncoding(n, EncoderFallback.ReplacementFallback, DecoderFallback.ReplacementFallback);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }
}
