using System.Globalization;
using Sitrep.Core;

namespace Sitrep.Time;

/// <summary>
/// TIMEX3 values for a text with no creation time (DCT). The tagger resolves the text against two probe DCTs that differ
/// in every calendar field but the century (year, decade, quarter, half, season, month, ISO week, weekday, day) and keeps of each value
/// only the digits both agree on; the rest become TimeML's unknown digits. So "last year" is <c>XXXX</c>, "last week"
/// <c>XXXX-WXX</c>, "in March" <c>XXXX-03</c>, "Oct. 12" <c>XXXX-10-12</c>, "on Friday" <c>XXXX-WXX-5</c> (both probes
/// gave a Friday), "yesterday" <c>XXXX-XX-XX</c>, "Friday night" <c>XXXX-WXX-5TNI</c>, while "in 1944", "P3Y" and a
/// history's "in October" after its 1944 keep their values. This spares the tagger a second, DCT-less copy of every
/// rule, and it cannot state a date the text does not fix.
/// </summary>
public static class UnanchoredValues
{
    /// <summary>
    /// A Wednesday in February (Q1, H1, winter, ISO week 7) of the 2000s. Both probes lie in this century and after 2001,
    /// so a text with no date is taken to be of this century: "this century" is <c>20</c>, "9/11" the attacks, "'73"
    /// 1973. They lie 15 years apart, so a year chosen as the nearest to the DCT in which a date falls on its weekday
    /// ("Thursday, Jan. 6", repeating within 11 years) differs between them.
    /// </summary>
    public static DateOnly EarlyProbe { get; } = new(2009, 2, 11);

    /// <summary>A Friday in August (Q3, H2, summer, ISO week 35) of the 2020s.</summary>
    public static DateOnly LateProbe { get; } = new(2024, 8, 30);

    /// <summary>
    /// Pairs the expressions found against each probe by extent (recognition hardly depends on the DCT) and keeps the
    /// agreed part of each value. An expression found against one probe only ("since September 11" is the attacks only
    /// after 2001) keeps no digit.
    /// </summary>
    public static IReadOnlyList<Timex> Merge(IReadOnlyList<Timex> early, IReadOnlyList<Timex> late)
    {
        ArgumentNullException.ThrowIfNull(early);
        ArgumentNullException.ThrowIfNull(late);
        var byExtent = new Dictionary<TextSpan, Timex>(late.Count);
        foreach (var t in late) byExtent.TryAdd(t.Span, t);
        var merged = new List<Timex>(early.Count);
        foreach (var a in early)
            merged.Add(Settle(a, byExtent.TryGetValue(a.Span, out var b) ? Agree(a.Value, b.Value) : Unknown(a.Value)));
        bool added = false;
        foreach (var b in late)
        {
            if (early.Any(a => a.Span.Start < b.Span.End && b.Span.Start < a.Span.End)) continue;
            merged.Add(Settle(b, Unknown(b.Value)));
            added = true;
        }
        if (added) merged.Sort((x, y) => x.Span.Start != y.Span.Start ? x.Span.Start.CompareTo(y.Span.Start) : x.Span.End.CompareTo(y.Span.End));
        return merged;
    }

    // A value that kept every digit is fixed by the text (or needs no anchor); one that lost some had no anchor.
    private static Timex Settle(Timex t, string value) =>
        t with { Value = value, Anchor = value != t.Value || t.Anchor == "dct" ? "none" : t.Anchor };

    /// <summary>
    /// The part of two values both probes agree on. Two calendar days on the same weekday are that weekday of an unknown
    /// week (<c>XXXX-WXX-5</c>); otherwise values of the same shape keep each run of digits they share and write X for the
    /// others (<c>2009-W07</c>, <c>2024-W35</c> → <c>XXXX-WXX</c>); values of different shapes keep no digit.
    /// </summary>
    public static string Agree(string a, string b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (string.Equals(a, b, StringComparison.Ordinal)) return a;
        // A month and day the text wrote keep their digits below; only two different days can be one named weekday.
        if (a.Length >= 10 && b.Length >= 10 && TryDay(a, out var da) && TryDay(b, out var db) && (da.Month != db.Month || da.Day != db.Day) && da.DayOfWeek == db.DayOfWeek)
        {
            int dow = da.DayOfWeek == DayOfWeek.Sunday ? 7 : (int)da.DayOfWeek;
            return "XXXX-WXX-" + dow.ToString(CultureInfo.InvariantCulture) + Agree(a[10..], b[10..]);
        }
        if (a.Length != b.Length) return Unknown(a);
        var chars = a.ToCharArray();
        int i = 0;
        while (i < a.Length)
        {
            if (!char.IsAsciiDigit(a[i]))
            {
                if (a[i] != b[i]) return Unknown(a);
                i++;
                continue;
            }
            int run = i;
            while (i < a.Length && char.IsAsciiDigit(a[i])) i++;
            if (i < b.Length && char.IsAsciiDigit(b[i]) || !IsDigitRun(b, run, i)) return Unknown(a);
            if (!a.AsSpan(run, i - run).SequenceEqual(b.AsSpan(run, i - run)))
                chars.AsSpan(run, i - run).Fill('X');
        }
        return new string(chars);
    }

    /// <summary>The value with every digit unknown (<c>2009-02-11T15:00</c> → <c>XXXX-XX-XXTXX:XX</c>).</summary>
    public static string Unknown(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return string.Create(value.Length, value, static (span, v) =>
        {
            for (int i = 0; i < v.Length; i++) span[i] = char.IsAsciiDigit(v[i]) ? 'X' : v[i];
        });
    }

    private static bool IsDigitRun(string s, int start, int end)
    {
        for (int i = start; i < end; i++)
            if (!char.IsAsciiDigit(s[i])) return false;
        return true;
    }

    private static bool TryDay(string value, out DateOnly day) =>
        DateOnly.TryParseExact(value.AsSpan(0, 10), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out day)
        && (value.Length == 10 || value[10] == 'T');
}
