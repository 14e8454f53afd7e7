using System.Globalization;

namespace Sitrep.Time;

/// <summary>Calendar arithmetic and TIMEX3 value formatting; every method tolerates out-of-range input by returning null.</summary>
internal static class TimexCalendar
{
    public static string Day(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    public static string Month(int y, int m) => string.Create(CultureInfo.InvariantCulture, $"{Year(y)}-{m:D2}");

    // Years are astronomical inside the tagger (0 is 1 BC, -489 is 490 BC), so arithmetic runs across the era;
    // TIMEX3 writes BC years with the historical number: "BC0490".
    public static string Year(int y) => y > 0 ? y.ToString("D4", CultureInfo.InvariantCulture) : "BC" + BcYear(y).ToString("D4", CultureInfo.InvariantCulture);

    /// <summary>The astronomical year of a year written with BC: 490 BC is -489.</summary>
    public static int FromBc(int bc) => 1 - bc;

    /// <summary>The historical BC number of an astronomical year at or before 0.</summary>
    public static int BcYear(int astronomical) => 1 - astronomical;
    public static string Week(DateOnly d) => string.Create(CultureInfo.InvariantCulture, $"{ISOWeek.GetYear(d.ToDateTime(TimeOnly.MinValue)):D4}-W{ISOWeek.GetWeekOfYear(d.ToDateTime(TimeOnly.MinValue)):D2}");
    public static string Quarter(int y, int q) => string.Create(CultureInfo.InvariantCulture, $"{y:D4}-Q{q}");

    public static DateOnly? TryDate(int y, int m, int d) =>
        y is >= 1 and <= 9999 && m is >= 1 and <= 12 && d >= 1 && d <= DateTime.DaysInMonth(y, m) ? new DateOnly(y, m, d) : null;

    public static DateOnly? AddDays(DateOnly d, int n)
    {
        int dn = d.DayNumber + n;
        return dn >= DateOnly.MinValue.DayNumber && dn <= DateOnly.MaxValue.DayNumber ? DateOnly.FromDayNumber(dn) : null;
    }

    /// <summary>ISO day of week: Monday 1 … Sunday 7.</summary>
    public static int IsoDow(DateOnly d) => d.DayOfWeek == DayOfWeek.Sunday ? 7 : (int)d.DayOfWeek;

    public static (int Y, int M) AddMonths(int y, int m, int n)
    {
        // Floor division: BC years are at or below 0 and must still give months 1-12.
        int k = y * 12 + (m - 1) + n;
        int yy = k >= 0 ? k / 12 : -((-k + 11) / 12);
        return (yy, k - yy * 12 + 1);
    }

    public static int QuarterOf(int month) => (month - 1) / 3 + 1;

    // Designators of a TIMEX3 duration, largest first, with T marking where the time part begins.
    private const string DurationUnits = "YMDTHMS";

    /// <summary>
    /// The sum of two whole-number durations whose units do not overlap and run from larger to smaller ("PT15H" and
    /// "PT15M" → "PT15H15M", "P2Y" and "P3M" → "P2Y3M"); null for anything else (weeks, vague or fractional values).
    /// </summary>
    public static string? AddDurations(string larger, string smaller)
    {
        if (Parts(larger) is not { } a || Parts(smaller) is not { } b) return null;
        int lastA = -1, firstB = -1;
        for (int i = 0; i < a.Length; i++) if (a[i] is not null) lastA = i;
        for (int i = b.Length - 1; i >= 0; i--) if (b[i] is not null) firstB = i;
        if (lastA < 0 || firstB <= lastA) return null;
        var sb = new System.Text.StringBuilder("P");
        bool time = false;
        for (int i = 0; i < a.Length; i++)
        {
            var v = a[i] ?? b[i];
            if (v is null) continue;
            if (i >= 3 && !time) { sb.Append('T'); time = true; }
            sb.Append(v).Append(DurationUnits[i < 3 ? i : i + 1]);
        }
        return sb.ToString();
    }

    // A duration's amounts by unit: Y M D (date part), H M S (time part); null unless every amount is a whole number.
    private static string?[]? Parts(string value)
    {
        if (value.Length < 3 || value[0] != 'P') return null;
        var parts = new string?[6];
        bool time = false;
        int i = 1;
        while (i < value.Length)
        {
            if (value[i] == 'T') { if (time) return null; time = true; i++; continue; }
            int s = i;
            while (i < value.Length && char.IsAsciiDigit(value[i])) i++;
            if (i == s || i >= value.Length) return null;
            int slot = (time, value[i]) switch { (false, 'Y') => 0, (false, 'M') => 1, (false, 'D') => 2, (true, 'H') => 3, (true, 'M') => 4, (true, 'S') => 5, _ => -1 };
            if (slot < 0 || parts[slot] is not null) return null;
            parts[slot] = value[s..i];
            i++;
        }
        return parts;
    }
}
