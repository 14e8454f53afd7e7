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
}
