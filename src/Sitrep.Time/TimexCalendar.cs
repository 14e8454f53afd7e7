using System.Globalization;

namespace Sitrep.Time;

/// <summary>Calendar arithmetic and TIMEX3 value formatting; every method tolerates out-of-range input by returning null.</summary>
internal static class TimexCalendar
{
    public static string Day(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    public static string Month(int y, int m) => string.Create(CultureInfo.InvariantCulture, $"{y:D4}-{m:D2}");
    public static string Year(int y) => y.ToString("D4", CultureInfo.InvariantCulture);
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
        int k = y * 12 + (m - 1) + n;
        return (k / 12, k % 12 + 1);
    }

    public static int QuarterOf(int month) => (month - 1) / 3 + 1;
}
