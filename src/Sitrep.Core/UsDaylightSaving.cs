namespace Sitrep.Core;

/// <summary>
/// When US daylight-saving time applies, for the zone names written without a season ("ET", "CT", "MT", "PT"):
/// since 2007 from the second Sunday of March to the first Sunday of November; 1987–2006 from the first Sunday of
/// April to the last Sunday of October; before that from the last Sunday of April. The change is at 2:00 local time.
/// </summary>
public static class UsDaylightSaving
{
    /// <summary>Whether daylight time applies on that local date (at noon unless <paramref name="time"/> is given).</summary>
    public static bool InEffect(DateOnly date, TimeOnly? time = null)
    {
        DateOnly start, end;
        int y = date.Year;
        if (y >= 2007)
        {
            start = NthSunday(y, 3, 2);
            end = NthSunday(y, 11, 1);
        }
        else if (y >= 1987)
        {
            start = NthSunday(y, 4, 1);
            end = LastSunday(y, 10);
        }
        else
        {
            start = LastSunday(y, 4);
            end = LastSunday(y, 10);
        }
        var t = time ?? new TimeOnly(12, 0);
        var changeover = new TimeOnly(2, 0);
        if (date > start && date < end) return true;
        if (date == start) return t >= changeover;
        if (date == end) return t < changeover;
        return false;
    }

    private static DateOnly NthSunday(int year, int month, int n)
    {
        var first = new DateOnly(year, month, 1);
        int delta = ((int)DayOfWeek.Sunday - (int)first.DayOfWeek + 7) % 7;
        return first.AddDays(delta + 7 * (n - 1));
    }

    private static DateOnly LastSunday(int year, int month)
    {
        var last = new DateOnly(year, month, DateTime.DaysInMonth(year, month));
        return last.AddDays(-(int)last.DayOfWeek);
    }
}
