using System.Text;

namespace Sitrep.Actors.Kb;

/// <summary>
/// Keys for alias lookup. Names compare without case, diacritics, curly quotes or a leading "the";
/// acronyms ("US", "U.S.", "DPRK") compare exactly so that the pronoun "us" never matches the United States.
/// </summary>
public static class AliasKeys
{
    /// <summary>Removes a leading "the " (any case) and collapses whitespace.</summary>
    public static string Trim(string text)
    {
        var t = CollapseSpaces(text.Trim());
        if (t.Length > 4 && (t.StartsWith("the ", StringComparison.OrdinalIgnoreCase))) t = t[4..];
        return t;
    }

    /// <summary>True when the alias, without a leading "the", has letters and none of them is lowercase.</summary>
    public static bool IsAcronym(string text)
    {
        var t = Trim(text);
        var letters = 0;
        foreach (var c in t)
        {
            if (char.IsLower(c)) return false;
            if (char.IsLetter(c)) letters++;
        }
        return letters > 0;
    }

    /// <summary>The exact key: trimmed, quotes unified, case kept.</summary>
    public static string ExactKey(string text) => UnifyQuotes(Trim(text));

    /// <summary>The folded key: trimmed, quotes and dashes unified, lowercased, Latin diacritics removed.</summary>
    public static string FoldedKey(string text)
    {
        var t = ExactKey(text);
        var sb = new StringBuilder(t.Length);
        foreach (var c in t) sb.Append(Fold(char.ToLowerInvariant(c)));
        return sb.ToString();
    }

    private static string UnifyQuotes(string t)
    {
        if (t.AsSpan().IndexOfAny("\u2018\u2019\u02bc\u2010\u2011\u2013\u2014") < 0) return t;
        return t.Replace('\u2018', '\'').Replace('\u2019', '\'').Replace('\u02bc', '\'')
                .Replace('\u2010', '-').Replace('\u2011', '-').Replace('\u2013', '-').Replace('\u2014', '-');
    }

    private static string CollapseSpaces(string t)
    {
        if (!t.Contains("  ", StringComparison.Ordinal) && t.AsSpan().IndexOfAny('\t', '\n', '\u00a0') < 0) return t;
        var sb = new StringBuilder(t.Length);
        var space = false;
        foreach (var c in t)
        {
            if (char.IsWhiteSpace(c)) { if (!space) sb.Append(' '); space = true; }
            else { sb.Append(c); space = false; }
        }
        return sb.ToString();
    }

    // Why a table: the project runs with InvariantGlobalization, so Unicode decomposition is not relied on.
    private const string Accented = "àáâãäåāăąçćčďđèéêëēėęěğìíîïīįıľłñńňòóôõöøōőŕřśşšţťùúûüūůűųýÿźżžșț";
    private const string Plain    = "aaaaaaaaacccddeeeeeeeegiiiiiiillnnnoooooooorrsssttuuuuuuuuyyzzzst";

    private static char Fold(char c)
    {
        if (c < 0x80) return c;
        var i = Accented.IndexOf(c, StringComparison.Ordinal);
        return i >= 0 ? Plain[i] : c;
    }
}
