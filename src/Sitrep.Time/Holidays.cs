namespace Sitrep.Time;

/// <summary>
/// Named holidays news dates events by: fixed dates, U.S. federal holidays defined by weekday rules, and the moveable
/// Christian feasts counted from Easter (Gregorian computus). Names are as written in the text, white space collapsed.
/// </summary>
internal static class Holidays
{
    /// <summary>The regex alternation of the names (case-sensitive; longest first where one name begins another).</summary>
    public const string Pattern =
        @"Election\s+Day|Christmas\s+Eve|Christmas\s+Day|Christmas|New\s+Year['’]s\s+Eve|New\s+Year['’]s\s+Day|New\s+Year['’]s|Independence\s+Day|Halloween|Valentine['’]s\s+Day|Labor\s+Day|Memorial\s+Day|Thanksgiving(?:\s+Day)?"
        + @"|Easter\s+(?:Sunday|Monday|[Ww]eekend|[Ww]eek)\b|Easter\b|Good\s+Friday|Palm\s+Sunday|Maundy\s+Thursday|Holy\s+Week|Ash\s+Wednesday|Pentecost\b"
        + @"|Veterans['’]?\s+Day|Armistice\s+Day|Remembrance\s+Day|Boxing\s+Day|May\s+Day|Bastille\s+Day|Victory\s+Day|St\.?\s+Patrick['’]s\s+Day|Juneteenth"
        + @"|Martin\s+Luther\s+King(?:\s+Jr\.?)?\s+Day|Presidents['’]?\s+Day|Columbus\s+Day|Mother['’]s\s+Day|Father['’]s\s+Day";

    /// <summary>The first word of each name, as the scan looks it up (letters only: "Valentine's" begins with "Valentine").</summary>
    public const string FirstWords = "Election Christmas New Independence Halloween Valentine Labor Memorial Thanksgiving Easter Good Palm Maundy Holy Ash Pentecost"
        + " Veterans Armistice Remembrance Boxing May Bastille Victory St Juneteenth Martin Presidents Columbus Mother Father";

    /// <summary>Whether the name denotes a week (the ISO week of Easter Sunday), not a day.</summary>
    public static bool IsWeek(string name) => name is "Easter week" or "Easter Week" or "Holy Week";

    /// <summary>Whether the name denotes the weekend of Easter Sunday.</summary>
    public static bool IsWeekend(string name) => name is "Easter weekend" or "Easter Weekend";

    /// <summary>The holiday's date in <paramref name="year"/>, or null for an unknown name or a year out of range.</summary>
    public static DateOnly? Date(string name, int year)
    {
        // News pages write typographic apostrophes: "Valentine’s Day" is "Valentine's Day".
        if (name.Contains('’', StringComparison.Ordinal)) name = name.Replace('’', '\'');
        if (year is < 1583 or > 9999) return null;
        if (name.StartsWith("Martin Luther King", StringComparison.Ordinal)) return NthWeekday(year, 1, DayOfWeek.Monday, 3);
        if (name.StartsWith("St", StringComparison.Ordinal) && name.EndsWith("Patrick's Day", StringComparison.Ordinal)) return new DateOnly(year, 3, 17);
        return name switch
        {
            "Christmas Eve" => new DateOnly(year, 12, 24),
            "Christmas" or "Christmas Day" => new DateOnly(year, 12, 25),
            "Boxing Day" => new DateOnly(year, 12, 26),
            "New Year's Eve" => new DateOnly(year, 12, 31),
            "New Year's Day" or "New Year's" => new DateOnly(year, 1, 1),
            "Independence Day" => new DateOnly(year, 7, 4),
            "Halloween" => new DateOnly(year, 10, 31),
            "Valentine's Day" => new DateOnly(year, 2, 14),
            "Veterans Day" or "Veterans' Day" or "Armistice Day" or "Remembrance Day" => new DateOnly(year, 11, 11),
            "May Day" => new DateOnly(year, 5, 1),
            "Bastille Day" => new DateOnly(year, 7, 14),
            "Victory Day" => new DateOnly(year, 5, 9),
            "Juneteenth" => new DateOnly(year, 6, 19),
            // U.S. Election Day: the Tuesday after the first Monday in November.
            "Election Day" => NthWeekday(year, 11, DayOfWeek.Monday, 1).AddDays(1),
            "Labor Day" => NthWeekday(year, 9, DayOfWeek.Monday, 1),
            "Memorial Day" => LastWeekday(year, 5, DayOfWeek.Monday),
            "Thanksgiving" or "Thanksgiving Day" => NthWeekday(year, 11, DayOfWeek.Thursday, 4),
            "Presidents Day" or "Presidents' Day" => NthWeekday(year, 2, DayOfWeek.Monday, 3),
            "Columbus Day" => NthWeekday(year, 10, DayOfWeek.Monday, 2),
            "Mother's Day" => NthWeekday(year, 5, DayOfWeek.Sunday, 2),
            "Father's Day" => NthWeekday(year, 6, DayOfWeek.Sunday, 3),
            "Easter" or "Easter Sunday" or "Easter week" or "Easter Week" or "Easter weekend" or "Easter Weekend" or "Holy Week" => EasterSunday(year),
            "Easter Monday" => EasterSunday(year).AddDays(1),
            "Good Friday" => EasterSunday(year).AddDays(-2),
            "Maundy Thursday" => EasterSunday(year).AddDays(-3),
            "Palm Sunday" => EasterSunday(year).AddDays(-7),
            "Ash Wednesday" => EasterSunday(year).AddDays(-46),
            "Pentecost" => EasterSunday(year).AddDays(49),
            _ => null,
        };
    }

    /// <summary>The month and day of a holiday that falls on the same date every year; null for a moveable one.</summary>
    public static (int Month, int Day)? FixedDate(string name) =>
        Date(name, 2001) is { } a && Date(name, 2002) is { } b && a.Month == b.Month && a.Day == b.Day ? (a.Month, a.Day) : null;

    /// <summary>Western Easter Sunday by the anonymous Gregorian algorithm (Meeus/Jones/Butcher).</summary>
    public static DateOnly EasterSunday(int year)
    {
        int a = year % 19, b = year / 100, c = year % 100, d = b / 4, e = b % 4;
        int f = (b + 8) / 25, g = (b - f + 1) / 3, h = (19 * a + b - d - g + 15) % 30;
        int i = c / 4, k = c % 4, l = (32 + 2 * e + 2 * i - h - k) % 7;
        int m = (a + 11 * h + 22 * l) / 451;
        int month = (h + l - 7 * m + 114) / 31, day = (h + l - 7 * m + 114) % 31 + 1;
        return new DateOnly(year, month, day);
    }

    private static DateOnly NthWeekday(int year, int month, DayOfWeek dow, int n)
    {
        var first = new DateOnly(year, month, 1);
        return first.AddDays(((int)dow - (int)first.DayOfWeek + 7) % 7 + 7 * (n - 1));
    }

    private static DateOnly LastWeekday(int year, int month, DayOfWeek dow)
    {
        var last = new DateOnly(year, month, DateTime.DaysInMonth(year, month));
        return last.AddDays(-(((int)last.DayOfWeek - (int)dow + 7) % 7));
    }
}
