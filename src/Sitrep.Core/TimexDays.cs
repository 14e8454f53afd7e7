using System.Globalization;

namespace Sitrep.Core;

/// <summary>Calendar days of TIMEX3 values, for dating events and matching them across reports.</summary>
public static class TimexDays
{
    /// <summary>
    /// The day range a TIMEX3 value covers: <c>2023-08-30</c> one day, <c>2023-08</c> the month, <c>2022</c> the year,
    /// <c>2023-W35</c> the ISO week; a date-time gives its day. Null for values without a calendar date (PRESENT_REF, P3Y).
    /// </summary>
    public static (DateOnly Start, DateOnly End)? Range(string? value)
    {
        if (string.IsNullOrEmpty(value) || value.Length < 4 || !int.TryParse(value.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out int year) || year < 1)
            return null;
        if (value.Length == 4) return (new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
        if (value[4] != '-') return null;
        if (value.Length >= 8 && value[5] == 'W' && int.TryParse(value.AsSpan(6, 2), NumberStyles.None, CultureInfo.InvariantCulture, out int week) && week is >= 1 and <= 53)
        {
            try
            {
                var monday = DateOnly.FromDateTime(ISOWeek.ToDateTime(year, week, DayOfWeek.Monday));
                return (monday, monday.AddDays(6));
            }
            catch (ArgumentOutOfRangeException) { return null; }
        }
        if (value.Length < 7 || !int.TryParse(value.AsSpan(5, 2), NumberStyles.None, CultureInfo.InvariantCulture, out int month) || month is < 1 or > 12)
            return null;
        if (value.Length == 7 || value[7] != '-')
            return (new DateOnly(year, month, 1), new DateOnly(year, month, DateTime.DaysInMonth(year, month)));
        if (value.Length < 10 || !int.TryParse(value.AsSpan(8, 2), NumberStyles.None, CultureInfo.InvariantCulture, out int day) || day < 1 || day > DateTime.DaysInMonth(year, month))
            return null;
        var d = new DateOnly(year, month, day);
        return (d, d);
    }

}
