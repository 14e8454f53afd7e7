using System.Globalization;
using System.Text;

namespace Sitrep.Ingest.Dedup;

/// <summary>
/// Normalizes a body for de-duplication: compatibility folding, lowercase, punctuation and symbols dropped,
/// whitespace collapsed to single spaces. Fully managed on purpose: the project runs with
/// InvariantGlobalization, where <see cref="string.Normalize(NormalizationForm)"/> leaves non-ASCII text
/// unchanged, and an ICU-backed NFKC would also make signatures depend on the machine's ICU version.
/// </summary>
/// <remarks>
/// What it does, character by character (by <see cref="Rune"/>):
/// <list type="bullet">
/// <item>The NFKC compatibility mappings that occur in news text: fullwidth ASCII, the ideographic space,
/// Latin ligatures (ﬁ → fi), superscript/subscript digits, vulgar fractions, ordinal indicators, ™, µ, ſ, ĳ.</item>
/// <item>Accent folding of precomposed Latin-1 and Latin Extended-A letters (é → e) and dropping combining
/// marks. NFKC would compose <c>e + ◌́</c> into <c>é</c>; without composition tables we fold both forms to
/// <c>e</c> instead, which makes precomposed and decomposed spellings equal (slightly stronger than NFKC).</item>
/// <item>Dashes (Unicode Pd) count as whitespace, so "said—and" and "said - and" agree; all other
/// punctuation and all symbols are dropped ("U.S." → "us", "don’t" → "dont"); control and format characters
/// (soft hyphen, zero-width space) are dropped.</item>
/// <item>Letters are lowercased with the invariant culture; whitespace runs become one space, trimmed.</item>
/// </list>
/// </remarks>
public static class DedupNormalizer
{
    // U+00C0..U+00FF: the base letter, or '\0' to keep the character (Æ, Ø, ß, þ, … do not decompose).
    private const string Latin1Fold =
        "AAAAAA\0CEEEEIIII" +
        "\0NOOOOO\0\0UUUUY\0\0" +
        "aaaaaa\0ceeeeiiii" +
        "\0nooooo\0\0uuuuy\0y";

    // U+0100..U+017F, same convention (Đ, Ħ, ı, Ł, Œ, Ŧ, … do not decompose; ĳ, ŀ, ŉ are compatibility-mapped separately).
    private const string LatinExtAFold =
        "AaAaAa" + "CcCcCcCc" + "Dd" + "\0\0" + "EeEeEeEeEe" + "GgGgGgGg" + "Hh" + "\0\0" + "IiIiIiIiI" + "\0" +
        "\0\0" + "Jj" + "Kk" + "\0" + "LlLlLl" + "\0\0\0\0" + "NnNnNn" + "\0\0\0" + "OoOoOo" + "\0\0" +
        "RrRrRr" + "SsSsSsSs" + "TtTt" + "\0\0" + "UuUuUuUuUuUu" + "Ww" + "YyY" + "ZzZzZz" + "s";

    /// <summary>The normalized form of <paramref name="text"/>; equal outputs mean exact duplicates.</summary>
    public static string Normalize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var sb = new StringBuilder(text.Length);
        bool pendingSpace = false;
        foreach (var rune in text.EnumerateRunes())
        {
            var compat = CompatibilityMapping(rune.Value);
            if (compat is not null)
            {
                foreach (var r in compat.EnumerateRunes()) Append(sb, r, ref pendingSpace);
            }
            else
            {
                Append(sb, rune, ref pendingSpace);
            }
        }
        return sb.ToString();
    }

    private static void Append(StringBuilder sb, Rune rune, ref bool pendingSpace)
    {
        if (Rune.IsWhiteSpace(rune))
        {
            pendingSpace = true;
            return;
        }
        int v = rune.Value;
        if (v is >= 0xC0 and <= 0xFF && Latin1Fold[v - 0xC0] != '\0') rune = new Rune(Latin1Fold[v - 0xC0]);
        else if (v is >= 0x100 and <= 0x17F && LatinExtAFold[v - 0x100] != '\0') rune = new Rune(LatinExtAFold[v - 0x100]);

        switch (Rune.GetUnicodeCategory(rune))
        {
            case UnicodeCategory.DashPunctuation:
                pendingSpace = true;
                return;
            case UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark:
            case UnicodeCategory.ConnectorPunctuation or UnicodeCategory.OpenPunctuation or UnicodeCategory.ClosePunctuation:
            case UnicodeCategory.InitialQuotePunctuation or UnicodeCategory.FinalQuotePunctuation or UnicodeCategory.OtherPunctuation:
            case UnicodeCategory.MathSymbol or UnicodeCategory.CurrencySymbol or UnicodeCategory.ModifierSymbol or UnicodeCategory.OtherSymbol:
            case UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.Surrogate or UnicodeCategory.PrivateUse:
            case UnicodeCategory.OtherNotAssigned:
                return;
        }
        if (pendingSpace && sb.Length > 0) sb.Append(' ');
        pendingSpace = false;
        var lower = Rune.ToLowerInvariant(rune);
        Span<char> buf = stackalloc char[2];
        int n = lower.EncodeToUtf16(buf);
        sb.Append(buf[..n]);
    }

    // The NFKC compatibility decompositions that matter for news text; null when the code point maps to itself.
    private static string? CompatibilityMapping(int v) => v switch
    {
        >= 0xFF01 and <= 0xFF5E => ((char)(v - 0xFEE0)).ToString(), // fullwidth ASCII
        0x3000 => " ",
        0xFB00 => "ff",
        0xFB01 => "fi",
        0xFB02 => "fl",
        0xFB03 => "ffi",
        0xFB04 => "ffl",
        0xFB05 or 0xFB06 => "st",
        0x00AA => "a",
        0x00BA => "o",
        0x00B2 => "2",
        0x00B3 => "3",
        0x00B9 => "1",
        0x00B5 => "\u03BC",
        0x00BC => "1\u20444",
        0x00BD => "1\u20442",
        0x00BE => "3\u20444",
        0x2070 => "0",
        0x2071 => "i",
        >= 0x2074 and <= 0x2079 => ((char)('4' + v - 0x2074)).ToString(),
        >= 0x2080 and <= 0x2089 => ((char)('0' + v - 0x2080)).ToString(),
        0x2122 => "TM",
        0x0132 => "IJ",
        0x0133 => "ij",
        0x013F => "L\u00B7",
        0x0140 => "l\u00B7",
        0x0149 => "\u02BCn",
        0x017F => "s",
        _ => null,
    };
}
