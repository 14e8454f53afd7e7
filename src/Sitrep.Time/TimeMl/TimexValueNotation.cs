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

    private static bool IsDigits(ReadOnlySpan<char> s)
    {
        foreach (var c in s) if (!char.IsAsciiDigit(c)) return false;
        return true;
    }
}
