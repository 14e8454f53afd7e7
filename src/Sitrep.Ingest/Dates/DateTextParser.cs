using System.Globalization;
using System.Text.RegularExpressions;
using Sitrep.Core;

namespace Sitrep.Ingest.Dates;

/// <summary>How to read an all-numeric date whose first two fields are both &lt;= 12 (e.g. <c>03/04/2023</c>).</summary>
public enum NumericDateOrder
{
    /// <summary>Day first (<c>03/04/2023</c> = 3 April): the convention of most of the world and of every dotted form.</summary>
    DayFirst,
    /// <summary>Month first (<c>03/04/2023</c> = 4 March): US usage. Only applies to ambiguous slash/dash dates.</summary>
    MonthFirst,
}

/// <summary>A date found inside a longer text.</summary>
public readonly record struct DateTextMatch(DocumentDate Date, TextSpan Span, bool IsNumericOnly);

/// <summary>
/// Parses dates written as people and servers write them: ISO 8601, RFC 1123/822, English and German, French,
/// Spanish, Italian, Dutch and Portuguese month names, dotted/slashed numeric forms, 12/24-hour times, time zone
/// abbreviations and numeric offsets, and Unix timestamps. Time and offset are returned only when the text has them.
/// </summary>
/// <remarks>
/// Rules worth knowing:
/// <list type="bullet">
/// <item>Dotted numeric dates (<c>30.08.2023</c>) are always day-month-year. Slash or dash numeric dates are read by
/// whichever field is &gt; 12; when both are &lt;= 12 the <see cref="NumericDateOrder"/> decides (default day first).</item>
/// <item>Two-digit years (<c>30.08.23</c>) are 20yy below 70, else 19yy.</item>
/// <item>US zone names without a season (<c>ET</c>, <c>CT</c>, <c>MT</c>, <c>PT</c>) take daylight time when the local
/// date falls in the US daylight-saving period of that year (2nd Sunday of March to 1st Sunday of November since 2007;
/// 1st Sunday of April to last Sunday of October 1987–2006), else standard time.</item>
/// <item>Ambiguous abbreviations take one fixed reading: IST = India (+05:30), CST = US Central (-06:00), BST = British Summer (+01:00).</item>
/// <item>A weekday name is accepted and ignored (a wrong weekday does not reject the date).</item>
/// </list>
/// </remarks>
public static partial class DateTextParser
{
    // Month alternation: English, German, French, Spanish, Italian, Dutch, Portuguese names and their usual abbreviations.
    // A trailing (?!\p{L}) in the pattern stops "mar" from matching inside "marching".
    private const string Months =
        "january|jan|januar|jänner|jaenner|janvier|janv|enero|ene|gennaio|gen|januari|janeiro|" +
        "february|febr|feb|februar|feber|février|fevrier|févr|fevr|febrero|febbraio|februari|fevereiro|fev|" +
        "march|mar|märz|maerz|marz|mär|mars|marzo|maart|mrt|março|marco|" +
        "april|apr|avril|avr|abril|abr|aprile|" +
        "may|mai|mei|mayo|maggio|mag|maio|" +
        "june|jun|juni|juin|junio|giugno|giu|junho|" +
        "july|jul|juli|juillet|juil|julio|luglio|lug|julho|" +
        "august|aug|août|aout|agosto|ago|augustus|" +
        "september|sept|sep|septembre|septiembre|setiembre|settembre|set|setembro|" +
        "october|oct|oktober|okt|octobre|octubre|ottobre|ott|outubro|out|" +
        "november|nov|novembre|noviembre|novembro|" +
        "december|dec|dezember|dez|décembre|decembre|déc|diciembre|dic|dicembre|dezembro";

    private const string Weekdays =
        "monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tues|tue|wed|thurs|thur|thu|fri|sat|sun|" +
        "montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonnabend|sonntag|mo|di|mi|do|fr|sa|so|" +
        "lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|lun|mer|jeu|ven|sam|dim|" +
        "lunes|martes|miércoles|miercoles|jueves|viernes|sábado|sabado|domingo|" +
        "lunedì|lunedi|martedì|martedi|mercoledì|mercoledi|giovedì|giovedi|venerdì|venerdi|sabato|domenica|" +
        "maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag|" +
        "segunda-feira|terça-feira|terca-feira|quarta-feira|quinta-feira|sexta-feira|segunda|terça|terca|quarta|quinta|sexta";

    private const string Ordinal = @"(?:st|nd|rd|th|er|º|°|\.)?";

    private const string DatePart =
        @"(?:" +
        // 2023-08-30, 2023/08/30, 2023.08.30
        @"(?<y>\d{4})(?<s1>[-/.])(?<m>\d{1,2})\k<s1>(?<d>\d{1,2})(?!\d)" +
        // 30 Aug 2023, 30. August 2023, 30-Aug-2023, 30 de agosto de 2023, 30th of August, 2023
        @"|(?<d>\d{1,2})" + Ordinal + @"(?:\s*(?:de|of)\s+|[\s\-/.]*)(?<mon>" + Months + @")(?!\p{L})\.?(?:\s*,?\s*(?:de\s+)?|[\-/])(?<y>\d{4})(?!\d)" +
        // August 30, 2023; Aug. 30 2023; Aug 30th, 2023
        @"|(?<mon>" + Months + @")(?!\p{L})\.?[\s\-/]*(?<d>\d{1,2})(?:st|nd|rd|th)?(?!\d)\s*,?\s*(?<y>\d{4})(?!\d)" +
        // 30.08.2023, 30/08/2023, 08/30/2023, 30-08-2023, 30.08.23
        @"|(?<a>\d{1,2})(?<s2>[./-])(?<b>\d{1,2})\k<s2>(?<y>\d{4}|\d{2})(?!\d|[./-]\d)" +
        @")";

    private const string TimePart =
        @"(?:" +
        @"(?:\s*(?:,|;|\bat\b|\bum\b|\bà\b|\ba\s+las\b|\balle\b|\bom\b|\bàs\b|\bas\b|-|–|—|\||·|T)?\s*)" +
        @"(?<H>[01]?\d|2[0-3])" +
        @"(?:[:h](?<M>[0-5]\d)(?::(?<S>[0-5]\d|60)(?:[.,]\d{1,9})?)?" +
        @"|\.(?<M>[0-5]\d)(?=\s*(?:uhr\b|h\b|[ap]\.?\s?m\b))" +
        @"|(?=\s*[ap]\.?\s?m\b))" +
        @"(?:\s*(?<ap>[ap])\.?\s?m\b\.?)?" +
        @"(?:\s*(?:uhr|h)\b)?" +
        @"(?:\s*\(?(?<tz>(?:GMT|UTC|UT)\s?[+\-−]\s?\d{1,2}(?::?\d{2})?|[+\-−]\d{2}(?::?\d{2})?|(?-i:Z|[A-Z]{2,5}))(?![\p{L}\p{N}]))?" +
        @")?";

    private const string FullPattern =
        @"(?<![\p{L}\p{N}./\-])" +
        @"(?:(?:" + Weekdays + @")(?!\p{L})\.?,?\s+(?:the\s+|le\s+|den\s+)?)?" +
        DatePart + TimePart;

    [GeneratedRegex(FullPattern, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DateRegex();

    // After a whole-string match: only punctuation or a parenthesised zone name like "(CEST)" may follow.
    [GeneratedRegex(@"^[\s.,;]*(?:\([\p{L} ]{1,40}\))?[\s.,;]*$", RegexOptions.CultureInvariant)]
    private static partial Regex TrailingNoise();

    [GeneratedRegex(@"^(?<s>\d{9,10}|\d{12,13})(?:\.\d+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex UnixTimestamp();

    [GeneratedRegex(@"^(?<y>\d{4})(?<m>\d{2})(?<d>\d{2})$", RegexOptions.CultureInvariant)]
    private static partial Regex CompactDate();

    private static readonly Dictionary<string, int> MonthByName = BuildMonthTable();

    private static readonly Dictionary<string, TimeSpan> ZoneOffsets = new(StringComparer.Ordinal)
    {
        ["Z"] = TimeSpan.Zero, ["UT"] = TimeSpan.Zero, ["UTC"] = TimeSpan.Zero, ["GMT"] = TimeSpan.Zero, ["WET"] = TimeSpan.Zero,
        ["WEST"] = H(1), ["BST"] = H(1), ["CET"] = H(1), ["MEZ"] = H(1), ["WAT"] = H(1),
        ["CEST"] = H(2), ["MESZ"] = H(2), ["EET"] = H(2), ["SAST"] = H(2), ["CAT"] = H(2),
        ["EEST"] = H(3), ["MSK"] = H(3), ["EAT"] = H(3), ["TRT"] = H(3),
        ["PKT"] = H(5), ["IST"] = new TimeSpan(5, 30, 0), ["NPT"] = new TimeSpan(5, 45, 0),
        ["ICT"] = H(7), ["WIB"] = H(7),
        ["HKT"] = H(8), ["SGT"] = H(8), ["PHT"] = H(8), ["AWST"] = H(8), ["MYT"] = H(8),
        ["JST"] = H(9), ["KST"] = H(9), ["ACST"] = new TimeSpan(9, 30, 0), ["ACDT"] = new TimeSpan(10, 30, 0),
        ["AEST"] = H(10), ["AEDT"] = H(11), ["NZST"] = H(12), ["NZDT"] = H(13),
        ["AST"] = H(-4), ["ADT"] = H(-3), ["NST"] = new TimeSpan(-3, -30, 0), ["NDT"] = new TimeSpan(-2, -30, 0),
        ["EST"] = H(-5), ["EDT"] = H(-4), ["CST"] = H(-6), ["CDT"] = H(-5),
        ["MST"] = H(-7), ["MDT"] = H(-6), ["PST"] = H(-8), ["PDT"] = H(-7),
        ["AKST"] = H(-9), ["AKDT"] = H(-8), ["HST"] = H(-10),
    };

    // US zone names without a season: standard offset; one hour more during US daylight-saving time.
    private static readonly Dictionary<string, TimeSpan> UsGenericZones = new(StringComparer.Ordinal)
    {
        ["ET"] = H(-5), ["CT"] = H(-6), ["MT"] = H(-7), ["PT"] = H(-8),
    };

    private static TimeSpan H(int hours) => TimeSpan.FromHours(hours);

    public static bool TryParse(ReadOnlySpan<char> text, out DocumentDate value) =>
        TryParse(text, NumericDateOrder.DayFirst, out value);

    /// <summary>Parses a text that is a date (with optional weekday, time and zone) and nothing else.</summary>
    public static bool TryParse(ReadOnlySpan<char> text, NumericDateOrder order, out DocumentDate value)
    {
        value = default;
        text = text.Trim();
        if (text.IsEmpty || text.Length > 200) return false;
        var s = text.ToString();

        var unix = UnixTimestamp().Match(s);
        if (unix.Success)
        {
            var digits = unix.Groups["s"].Value;
            long n = long.Parse(digits, NumberStyles.None, CultureInfo.InvariantCulture);
            long ms = digits.Length >= 12 ? n : n * 1000;
            // Only instants from 1990 to 2100: other 9–13 digit numbers are ids, not times.
            if (ms < 631152000000L || ms > 4102444800000L) return false;
            value = DocumentDate.FromDateTimeOffset(DateTimeOffset.FromUnixTimeMilliseconds(ms));
            return true;
        }

        var compact = CompactDate().Match(s);
        if (compact.Success)
            return TryMakeDate(Int(compact.Groups["y"]), Int(compact.Groups["m"]), Int(compact.Groups["d"]), out var cd)
                   && Assign(new DocumentDate(cd), out value);

        var m = DateRegex().Match(s);
        if (!m.Success || m.Index != 0) return false;
        if (!TryBuild(m, order, out value, out int end)) return false;
        return TrailingNoise().IsMatch(s.AsSpan(end).ToString());
    }

    public static bool TryFind(string text, out DocumentDate value, out TextSpan span) =>
        TryFind(text, NumericDateOrder.DayFirst, out value, out span);

    /// <summary>Finds the first valid date inside <paramref name="text"/>.</summary>
    public static bool TryFind(string text, NumericDateOrder order, out DocumentDate value, out TextSpan span)
    {
        foreach (var found in FindAll(text, order))
        {
            value = found.Date;
            span = found.Span;
            return true;
        }
        value = default;
        span = default;
        return false;
    }

    /// <summary>Every valid date in <paramref name="text"/>, in order of position.</summary>
    public static IEnumerable<DateTextMatch> FindAll(string text, NumericDateOrder order = NumericDateOrder.DayFirst)
    {
        ArgumentNullException.ThrowIfNull(text);
        // Every supported form has a 4-digit year or a dd.mm.yy triple, so the full pattern only runs in windows around
        // those anchors: scanning a whole page with it is several times slower.
        foreach (var (start, end) in Windows(text))
        {
            for (var m = DateRegex().Match(text, start, end - start); m.Success; m = m.NextMatch())
            {
                // The pattern's look-behind cannot see before the window, so check the boundary here.
                if (m.Index > 0 && IsJoiner(text[m.Index - 1])) continue;
                if (TryBuild(m, order, out var date, out int e))
                    yield return new DateTextMatch(date, new TextSpan(m.Index, e), m.Groups["a"].Success || m.Groups["s1"].Success);
            }
        }
    }

    private static bool IsJoiner(char c) => char.IsLetterOrDigit(c) || c is '.' or '/' or '-';

    private const int WindowBefore = 70, WindowAfter = 120;

    private static IEnumerable<(int Start, int End)> Windows(string text)
    {
        int curStart = -1, curEnd = -1;
        for (var a = Anchor().Match(text); a.Success; a = a.NextMatch())
        {
            int s = Math.Max(0, a.Index - WindowBefore), e = Math.Min(text.Length, a.Index + a.Length + WindowAfter);
            if (curEnd >= 0 && s <= curEnd)
            {
                curEnd = Math.Max(curEnd, e);
                continue;
            }
            if (curEnd >= 0) yield return (curStart, curEnd);
            // Start the window at a word boundary so that the look-behind check above stays meaningful.
            while (s > 0 && s < a.Index && IsJoiner(text[s - 1])) s++;
            curStart = s;
            curEnd = e;
        }
        if (curEnd >= 0) yield return (curStart, curEnd);
    }

    [GeneratedRegex(@"\d{4}|\d\d[./-]\d\d[./-]\d\d", RegexOptions.CultureInvariant)]
    private static partial Regex Anchor();

    private static bool Assign(DocumentDate d, out DocumentDate value)
    {
        value = d;
        return true;
    }

    private static int Int(Group g) => int.Parse(g.ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture);

    private static bool TryBuild(Match m, NumericDateOrder order, out DocumentDate value, out int end)
    {
        value = default;
        end = m.Index + m.Length;
        int year, month, day;
        if (m.Groups["a"].Success)
        {
            int a = Int(m.Groups["a"]), b = Int(m.Groups["b"]);
            var yg = m.Groups["y"];
            year = Int(yg);
            if (yg.Length == 2)
            {
                // "30.08.23" yes, "1.2.34" (a version number) no: short years only with zero-padded fields.
                if (m.Groups["a"].Length != 2 || m.Groups["b"].Length != 2) return false;
                year += year < 70 ? 2000 : 1900;
            }
            char sep = m.Groups["s2"].ValueSpan[0];
            bool monthFirst;
            if (sep == '.') monthFirst = false;            // dotted dates are day-first everywhere they are used
            else if (a > 12) monthFirst = false;
            else if (b > 12) monthFirst = true;
            else monthFirst = order == NumericDateOrder.MonthFirst;
            (day, month) = monthFirst ? (b, a) : (a, b);
        }
        else
        {
            year = Int(m.Groups["y"]);
            day = Int(m.Groups["d"]);
            if (m.Groups["mon"].Success)
            {
                var name = m.Groups["mon"].Value.ToLowerInvariant();
                if (!MonthByName.TryGetValue(name, out month)) return false;
            }
            else month = Int(m.Groups["m"]);
        }
        if (!TryMakeDate(year, month, day, out var date)) return false;

        if (!m.Groups["H"].Success)
        {
            // The optional time group failed as a whole, so the match already ends after the date.
            value = new DocumentDate(date);
            return true;
        }

        int hour = Int(m.Groups["H"]);
        int minute = m.Groups["M"].Success ? Int(m.Groups["M"]) : 0;
        int second = m.Groups["S"].Success ? Math.Min(59, Int(m.Groups["S"])) : 0;
        if (m.Groups["ap"].Success)
        {
            bool pm = char.ToLowerInvariant(m.Groups["ap"].ValueSpan[0]) == 'p';
            if (hour is < 1 or > 12)
            {
                if (hour > 12 && !pm) return Fallback(m, date, out value, out end);
                // "14:00 pm": the 24-hour reading wins.
            }
            else if (pm) hour = hour == 12 ? 12 : hour + 12;
            else if (hour == 12) hour = 0;
        }
        else if (!m.Groups["M"].Success)
        {
            return Fallback(m, date, out value, out end);
        }
        var time = new TimeOnly(hour, minute, second);

        TimeSpan? offset = null;
        var tz = m.Groups["tz"];
        if (tz.Success)
        {
            // A bare "-12:00" after "10:00" is the end of a time range, not an offset: bare offsets with a colon
            // count only after seconds or in the ISO "T" form ("+0530" and "+02" have no such ambiguity).
            var zv = tz.ValueSpan;
            bool bare = zv[0] is '+' or '-' or '−';
            int h = m.Groups["H"].Index;
            bool isoForm = h > 0 && m.Value[h - 1 - m.Index] is 'T' or 't';
            offset = bare && zv.Contains(':') && !m.Groups["S"].Success && !isoForm ? null : ResolveZone(tz.Value, date, time);
            if (offset is null) end = TrimEnd(m, tz.Index);
        }
        value = new DocumentDate(date, time, offset);
        return true;
    }

    // The time part matched something that is not a usable time: keep the date alone, ending where the date ends.
    private static bool Fallback(Match m, DateOnly date, out DocumentDate value, out int end)
    {
        value = new DocumentDate(date);
        end = TrimEnd(m, m.Groups["H"].Index);
        return true;
    }

    private static int TrimEnd(Match m, int upTo)
    {
        int e = upTo;
        while (e > m.Index && (char.IsWhiteSpace(m.Value[e - 1 - m.Index]) || m.Value[e - 1 - m.Index] is ',' or '(' or '-' or '|' or ';'))
            e--;
        return e;
    }

    private static bool TryMakeDate(int year, int month, int day, out DateOnly date)
    {
        date = default;
        if (year is < 1 or > 9999 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month)) return false;
        date = new DateOnly(year, month, day);
        return true;
    }

    /// <summary>A zone name or numeric offset as a UTC offset; null when unknown or out of range.</summary>
    public static TimeSpan? ResolveZone(string zone, DateOnly date, TimeOnly? time = null)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var z = zone.Trim().Replace('−', '-');
        if (ZoneOffsets.TryGetValue(z, out var fixedOffset)) return fixedOffset;
        if (UsGenericZones.TryGetValue(z, out var standard))
            return IsUsDaylightTime(date, time) ? standard + TimeSpan.FromHours(1) : standard;

        // "+0530", "+05:30", "GMT+2", "UTC-05:00"
        var s = z;
        if (s.StartsWith("GMT", StringComparison.OrdinalIgnoreCase) || s.StartsWith("UTC", StringComparison.OrdinalIgnoreCase)) s = s[3..];
        else if (s.StartsWith("UT", StringComparison.OrdinalIgnoreCase)) s = s[2..];
        s = s.Replace(" ", "", StringComparison.Ordinal);
        if (s.Length < 2 || (s[0] != '+' && s[0] != '-')) return null;
        int sign = s[0] == '-' ? -1 : 1;
        var body = s[1..].Replace(":", "", StringComparison.Ordinal);
        int hours, minutes = 0;
        if (body.Length <= 2)
        {
            if (!int.TryParse(body, NumberStyles.None, CultureInfo.InvariantCulture, out hours)) return null;
        }
        else if (body.Length is 3 or 4)
        {
            if (!int.TryParse(body.AsSpan(0, body.Length - 2), NumberStyles.None, CultureInfo.InvariantCulture, out hours)
                || !int.TryParse(body.AsSpan(body.Length - 2), NumberStyles.None, CultureInfo.InvariantCulture, out minutes)) return null;
        }
        else return null;
        if (hours > 14 || minutes > 59) return null;
        return new TimeSpan(sign * hours, sign * minutes, 0);
    }

    /// <summary>Whether US daylight-saving time applies on that local date (and time, when given).</summary>
    public static bool IsUsDaylightTime(DateOnly date, TimeOnly? time = null) => UsDaylightSaving.InEffect(date, time);

    private static Dictionary<string, int> BuildMonthTable()
    {
        var table = new Dictionary<string, int>(StringComparer.Ordinal);
        var groups = Months.Split('|');
        // Each month's names are listed together in Months; the first name of each month is its English full name.
        string[] englishFirst = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];
        int month = 0;
        foreach (var name in groups)
        {
            int idx = Array.IndexOf(englishFirst, name);
            if (idx >= 0) month = idx + 1;
            table[name] = month;
        }
        return table;
    }

    /// <summary>The month number for a month name or abbreviation in any supported language, or 0.</summary>
    public static int MonthFromName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return MonthByName.TryGetValue(name.Trim().TrimEnd('.').ToLowerInvariant(), out var m) ? m : 0;
    }
}
