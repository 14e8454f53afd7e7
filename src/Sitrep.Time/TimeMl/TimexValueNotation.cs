namespace Sitrep.Time.TimeMl;

/// <summary>
/// One spelling for TIMEX3 values that TimeML corpora write in different notations, for a diagnostic score beside the
/// exact-match one: AQUAINT writes ISO weeks unpadded ("2000-W7") where TimeBank pads them ("1998-W07"), decades and
/// centuries with X digits ("199X", "19XX") where TimeBank mostly truncates ("199", "19"), and years or months with
/// unspecified trailing fields ("1949-XX", "1994-XX-XX") for what TimeBank writes as the year. The exact compare stays
/// the measure; this only tells notation apart from a different date.
/// </summary>
public static class TimexValueNotation
{
    /// <summary>The value with unspecified trailing fields dropped, X decade/century digits truncated and ISO week numbers padded.</summary>
    public static string Canonical(string? value)
    {
        if (string.IsNullOrEmpty(value)) return "";
        var v = value;
        // "1994-XX-XX" → "1994", "1949-XX" → "1949": an unspecified month or day says no more than the year does.
        while (v.Length > 3 && v.EndsWith("-XX", StringComparison.Ordinal)) v = v[..^3];
        // "199X" → "199" (a decade), "19XX" → "19" (a century).
        if (v.Length == 4 && IsDigits(v.AsSpan(0, 2)))
        {
            if (v[2] == 'X' && v[3] == 'X') v = v[..2];
            else if (char.IsAsciiDigit(v[2]) && v[3] == 'X') v = v[..3];
        }
        // "2000-W7" → "2000-W07", also before a weekday or weekend suffix ("2000-W7-WE").
        int w = v.IndexOf("-W", StringComparison.Ordinal);
        if (w > 0 && w + 3 <= v.Length && char.IsAsciiDigit(v[w + 2]) && (w + 3 == v.Length || !char.IsAsciiDigit(v[w + 3])))
            v = string.Concat(v.AsSpan(0, w + 2), "0", v.AsSpan(w + 2));
        return v;
    }

    /// <summary>True when the two values differ at most in notation.</summary>
    public static bool Equivalent(string? gold, string? system) =>
        string.Equals(gold, system, StringComparison.Ordinal) || string.Equals(Canonical(gold), Canonical(system), StringComparison.Ordinal);

    /// <summary>
    /// True when the system value says nothing the gold contradicts: equal up to notation, or equal wherever the system
    /// wrote a digit (<c>XXXX-10-12</c> for 1989-10-12), or a weekday of an unknown week on the gold day's weekday
    /// (<c>XXXX-WXX-5</c> for 1989-10-27, with the same time of day after it). For text scored without its DCT, where
    /// Sitrep leaves unknown what only the DCT could fix.
    /// </summary>
    public static bool AgreesWhereKnown(string? gold, string? system)
    {
        if (Equivalent(gold, system)) return true;
        if (string.IsNullOrEmpty(gold) || string.IsNullOrEmpty(system) || !system.Contains('X', StringComparison.Ordinal)) return false;
        if (system.Length >= 10 && system.StartsWith("XXXX-WXX-", StringComparison.Ordinal) && char.IsAsciiDigit(system[9]) && gold.Length >= 10
            && DateOnly.TryParseExact(gold.AsSpan(0, 10), "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var day))
            return (day.DayOfWeek == DayOfWeek.Sunday ? 7 : (int)day.DayOfWeek) == system[9] - '0' && gold.AsSpan(10).SequenceEqual(system.AsSpan(10));
        if (gold.Length != system.Length) return false;
        for (int i = 0; i < gold.Length; i++)
            if (system[i] != 'X' && system[i] != gold[i]) return false;
        return true;
    }

    private static bool IsDigits(ReadOnlySpan<char> s)
    {
        foreach (var c in s) if (!char.IsAsciiDigit(c)) return false;
        return true;
    }
}
