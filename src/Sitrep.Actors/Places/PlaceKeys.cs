namespace Sitrep.Actors.Places;

/// <summary>
/// Search keys for place names. Names and text windows fold the same way: lowercase, Latin diacritics removed,
/// apostrophes and full stops dropped ("Sana'a" = "Sanaa", "St. Petersburg" = "St Petersburg"), hyphens, dashes
/// and runs of whitespace made one space ("Nagorno-Karabakh" = "Nagorno Karabakh"). Folding writes into a caller's
/// buffer so that looking a token window up allocates nothing.
/// </summary>
public static class PlaceKeys
{
    /// <summary>Longest key the gazetteer holds; a window folding to more is never looked up.</summary>
    public const int MaxKeyLength = 64;

    // Why a table: the project runs with InvariantGlobalization, so Unicode decomposition is not relied on here.
    // The generator also writes an ASCII form of every GeoNames name, which covers the rarer letters.
    private const string Accented = "àáâãäåāăąǎạảấầẩẫậắằẳẵặçćĉċčďđèéêëēĕėęěẹẻẽếềểễệğĝġģĥħìíîïĩīĭįıǐịỉĵķĺļľŀłñńņňŉòóôõöøōŏőǒọỏốồổỗộớờởỡợŕŗřśŝşšșţťŧțùúûüũūŭůűųǔụủứừửữựŵýÿŷỳỹźżžḩḥṭṣḍẓṯḏẖ";
    private const string Plain    = "aaaaaaaaaaaaaaaaaaaaaacccccddeeeeeeeeeeeeeeeeegggghhiiiiiiiiiiiijklllllnnnnnoooooooooooooooooooooorrrsssssttttuuuuuuuuuuuuuuuuuuwyyyyyzzzhhtsdztdh";

    /// <summary>Folds <paramref name="source"/> into <paramref name="destination"/>; returns the key length, or -1 when it does not fit.</summary>
    public static int Fold(ReadOnlySpan<char> source, Span<char> destination)
    {
        int n = 0;
        bool space = true; // drops leading spaces
        foreach (var raw in source)
        {
            var c = raw;
            if (c is '\'' or '\u2019' or '\u2018' or '\u02bc' or '\u02bb' or '`' or '\u00b4' or '.') continue;
            if (char.IsWhiteSpace(c) || c is '-' or '\u2010' or '\u2011' or '\u2012' or '\u2013' or '\u2014' or '_')
            {
                if (!space)
                {
                    if (n == destination.Length) return -1;
                    destination[n++] = ' ';
                    space = true;
                }
                continue;
            }
            if (n == destination.Length) return -1;
            destination[n++] = FoldChar(c);
            space = false;
        }
        if (n > 0 && destination[n - 1] == ' ') n--;
        return n;
    }

    /// <summary>The key of a name, as a string (for building the index). A leading "the " is dropped.</summary>
    public static string Key(string name)
    {
        Span<char> buffer = stackalloc char[Math.Max(name.Length, 1)];
        var n = Fold(name, buffer);
        var key = new string(buffer[..n]);
        return key.StartsWith("the ", StringComparison.Ordinal) && key.Length > 4 ? key[4..] : key;
    }

    /// <summary>Lowercase and Latin-diacritic-free form of one character.</summary>
    public static char FoldChar(char c)
    {
        if (c < 0x80) return c is >= 'A' and <= 'Z' ? (char)(c + 32) : c;
        c = char.ToLowerInvariant(c);
        var i = Accented.IndexOf(c);
        return i >= 0 ? Plain[i] : c;
    }
}
