using System.Globalization;
using System.Text.RegularExpressions;
using Sitrep.Core;
using static Sitrep.Time.TimexCalendar;

namespace Sitrep.Time;

public sealed partial class TimexTagger
{
    internal static readonly Dictionary<string, double> NumberWords = BuildNumbers();

    private static Dictionary<string, double> BuildNumbers()
    {
        var d = new Dictionary<string, double>(StringComparer.Ordinal);
        string[] small = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"];
        for (int i = 0; i < small.Length; i++) d[small[i]] = i;
        string[] tens = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"];
        for (int i = 0; i < tens.Length; i++) d[tens[i]] = 20 + 10 * i;
        d["a"] = 1; d["an"] = 1; d["a dozen"] = 12; d["a hundred"] = 100; d["one hundred"] = 100; d["two hundred"] = 200;
        d["a thousand"] = 1000; d["two thousand"] = 2000; d["a half"] = 0.5; d["half a"] = 0.5; d["half an"] = 0.5; d["one and a half"] = 1.5; d["a couple of"] = 2; d["couple of"] = 2;
        return d;
    }

    /// <summary>The number a quantity phrase denotes; null for vague ones ("several", "a few") written X in TIMEX3.</summary>
    private static double? ParseNumber(string s)
    {
        s = Regex.Replace(s.Trim().ToLowerInvariant(), @"\s+", " ");
        if (double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var v)) return v;
        // "1,460 years": thousands separators.
        if (s.Contains(',') && double.TryParse(s, NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out v)) return v;
        if (NumberWords.TryGetValue(s, out v)) return v;
        // "5 1/2", "2 3/4": a whole number and a simple fraction.
        var frac = Regex.Match(s, @"^(\d+) ([13])/([24])$");
        if (frac.Success) return int.Parse(frac.Groups[1].ValueSpan, CultureInfo.InvariantCulture) + (double)(frac.Groups[2].Value[0] - '0') / (frac.Groups[3].Value[0] - '0');
        var parts = s.Split([' ', '-'], StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length == 2 && NumberWords.TryGetValue(parts[0], out var a) && NumberWords.TryGetValue(parts[1], out var b) && a >= 20 && b < 10) return a + b;
        return null;
    }

    /// <summary>"1996" or "nineteen ninety-six" → 1996; -1 if not a year.</summary>
    /// <summary>"June '22": the year of that century nearest the reference year, not more than ten years after it.</summary>
    private static int ShortYear(int twoDigits, Context ctx)
    {
        int reference = ctx.Dct?.Year ?? ctx.RefYear ?? 2000;
        int y = reference / 100 * 100 + twoDigits;
        return y > reference + 10 ? y - 100 : y;
    }

    private static int YearNumber(string s)
    {
        if (int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var y)) return y;
        var parts = Regex.Replace(s.ToLowerInvariant(), @"^(?:the\s+)?year\s+", "").Split([' ', '-', '\t', '\n'], StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length == 0) return -1;
        if (parts[0] == "nineteen")
        {
            if (parts.Length == 2 && parts[1] == "hundred") return 1900;
            int k = 1;
            if (parts.Length > 1 && parts[1] is "oh" or "o") k = 2;
            var rest = ParseNumber(string.Join(' ', parts.Skip(k)));
            return rest is { } r && r < 100 ? 1900 + (int)r : -1;
        }
        if (parts.Length >= 2 && parts[0] == "two" && parts[1] == "thousand")
        {
            var rest = parts.Skip(2).Where(p => p != "and").ToArray();
            if (rest.Length == 0) return 2000;
            var r = ParseNumber(string.Join(' ', rest));
            return r is { } rr && rr < 100 ? 2000 + (int)rr : -1;
        }
        return -1;
    }

    private static int MonthNumber(string name)
    {
        var k = name.Length >= 3 ? name[..3].ToLowerInvariant() : "";
        return k switch
        {
            "jan" => 1, "feb" => 2, "mar" => 3, "apr" => 4, "may" => 5, "jun" => 6, "jul" => 7, "aug" => 8, "sep" => 9, "oct" => 10, "nov" => 11, "dec" => 12, _ => 0,
        };
    }

    private static int WeekdayNumber(string name) => (name.Length >= 2 ? name[..2].ToLowerInvariant() : "") switch
    {
        "mo" => 1, "tu" => 2, "we" => 3, "th" => 4, "fr" => 5, "sa" => 6, "su" => 7, _ => 0,
    };

    private static string PartCode(string part) => part.ToLowerInvariant() switch
    {
        "morning" => "MO", "afternoon" => "AF", "evening" => "EV", "night" => "NI", _ => "",
    };

    private static string SeasonCode(string s) => s.ToLowerInvariant() switch
    {
        "spring" => "SP", "summer" => "SU", "fall" or "autumn" => "FA", _ => "WI",
    };

    /// <summary>Unit letter and how a quantity of it is written: P3Y, PT48H, P2W, P20Y for two decades, P9M for three quarters.</summary>
    private static string DurationValue(double? n, string unit)
    {
        unit = unit.ToLowerInvariant();
        if (unit.EndsWith('s')) unit = unit[..^1];
        if (unit == "centurie") unit = "century";
        string N(double k) => k.ToString("0.##", CultureInfo.InvariantCulture);
        return unit switch
        {
            "second" => n is { } a ? $"PT{N(a)}S" : "PTXS",
            "minute" => n is { } b ? $"PT{N(b)}M" : "PTXM",
            "hour" => n is { } c ? $"PT{N(c)}H" : "PTXH",
            "day" or "night" => n is { } d ? $"P{N(d)}D" : "PXD",
            "week" => n is { } e ? $"P{N(e)}W" : "PXW",
            "weekend" => n is { } e2 ? $"P{N(e2)}WE" : "PXWE",
            "fortnight" => n is { } f ? $"P{N(2 * f)}W" : "PXW",
            "month" => n is { } g ? $"P{N(g)}M" : "PXM",
            "quarter" => n is { } h ? $"P{N(3 * h)}M" : "PXQ",
            "year" => n is { } i ? $"P{N(i)}Y" : "PXY",
            "decade" => n is { } j ? $"P{N(10 * j)}Y" : "PXDE",
            "century" => n is { } k ? $"P{N(100 * k)}Y" : "PXC",
            _ => n is { } l ? $"P{N(1000 * l)}Y" : "PXML",
        };
    }

    /// <summary>
    /// Two days of one month, "April 24 and 25", "6-7 January 1916": two TIMEX3s, the first ending after its day (and any
    /// ordinal suffix), the second running from its day to the match's end; without a year, the first day is resolved
    /// by the tense and the second takes its year.
    /// </summary>
    private Norm? NormalizeDayRange(Candidate c, Context ctx, string anchor, int mon, Group day1, Group day2, Group year)
    {
        int d1 = Int(day1), d2 = Int(day2);
        if (mon == 0 || d1 < 1 || d2 <= d1 || d2 > 31) return null;
        int firstEnd = day1.Index + day1.Length;
        if (firstEnd + 1 < ctx.Text.Length && ctx.Text.AsSpan(firstEnd, 2) is var sfx && (sfx.SequenceEqual("st") || sfx.SequenceEqual("nd") || sfx.SequenceEqual("rd") || sfx.SequenceEqual("th"))) firstEnd += 2;
        DateOnly? a, b;
        string anc = "none";
        if (year.Success)
        {
            int y = Int(year);
            a = TryDate(y, mon, d1);
            b = TryDate(y, mon, d2);
            if (a is null || b is null) return null;
            Remember(ctx, a.Value);
        }
        else
        {
            if (TryDate(2000, mon, d2) is null) return null;
            a = ResolveMonthDay(mon, d1, TenseOf(c, ctx), ctx, SinceBefore(c, ctx));
            if (a is null)
                return new Norm(TimexType.Date, string.Create(CultureInfo.InvariantCulture, $"XXXX-{mon:D2}-{d1:D2}"), Anchor: "none")
                { EndAt = firstEnd, Second = (day2.Index, c.End, string.Create(CultureInfo.InvariantCulture, $"XXXX-{mon:D2}-{d2:D2}")) };
            b = TryDate(a.Value.Year, mon, d2);
            if (b is null) return null;
            ctx.LastDay = a;
            anc = anchor;
        }
        return new Norm(TimexType.Date, Day(a.Value), Anchor: anc) { EndAt = firstEnd, Second = (day2.Index, c.End, Day(b.Value)) };
    }

    /// <summary>Which month (-1, 0, +1 from <paramref name="d"/>'s) has its day <paramref name="n"/> nearest to <paramref name="d"/>.</summary>
    private static int NearestMonth(DateOnly d, int n)
    {
        int best = 0, bestDistance = int.MaxValue;
        foreach (var k in (ReadOnlySpan<int>)[0, -1, 1])
        {
            var (y, m) = AddMonths(d.Year, d.Month, k);
            if (TryDate(y, m, n) is not { } day) continue;
            int distance = Math.Abs(day.DayNumber - d.DayNumber);
            if (distance < bestDistance) { best = k; bestDistance = distance; }
        }
        return best;
    }

    // "Since Oct. 7, more than 1,200 people have been killed": whatever the parse makes of the clause, a date after
    // "since" lies behind.
    private static TenseHint TenseOf(Candidate c, Context ctx) =>
        SinceBefore(c, ctx) ? TenseHint.Past : ctx.Tense.At(new TextSpan(c.Start, c.End));

    private static bool SinceBefore(Candidate c, Context ctx) => PrevWord(ctx.Text, c.Start, out _) == "since";

    private Norm? Normalize(Candidate c, Context ctx)
    {
        var m = c.Match;
        var g = m.Groups;
        var dct = ctx.Dct;
        var refDay = ctx.RefDay;
        string anchor = ctx.Narrative ? "ref" : "dct";
        switch (c.Rule)
        {
            case Rule.Iso:
            {
                var d = TryDate(Int(g[1]), Int(g[2]), Int(g[3]));
                if (d is null) return null;
                Remember(ctx, d.Value);
                if (g[4].Success)
                {
                    int hh = Int(g[4]), mi = Int(g[5]);
                    if (hh > 24 || mi > 59) return null;
                    TimeSpan? isoZone = g["zone"].Success ? TimeZones.Offset(g["zone"].Value) : null;
                    return new Norm(TimexType.Time, Day(d.Value) + string.Create(CultureInfo.InvariantCulture, $"T{hh:D2}:{mi:D2}"), Anchor: "none", Zone: isoZone);
                }
                return new Norm(TimexType.Date, Day(d.Value), Anchor: "none");
            }
            case Rule.NumericDate:
            {
                var d = TryDate(Int(g["y"]), Int(g["m"]), Int(g["d"]));
                if (d is null) return null;
                Remember(ctx, d.Value);
                return new Norm(TimexType.Date, Day(d.Value), Anchor: "none");
            }
            case Rule.Slash:
            {
                if (g["nine"].Success)
                    return dct is { } after && after < NineEleven ? null : new Norm(TimexType.Date, Day(NineEleven), Anchor: "none");
                int y = Int(g[3]);
                if (g[3].Length == 2) y += y < 50 ? 2000 : 1900;
                // Month first, as US news writes it, unless only day first makes a date ("25/08/2023"), or the text's own
                // date says so: of two readings of "10/06/2023" in a report of 12 June 2023, the one within weeks of it.
                DateOnly? monthFirst = TryDate(y, Int(g[1]), Int(g[2])), dayFirst = TryDate(y, Int(g[2]), Int(g[1]));
                var d = monthFirst ?? dayFirst;
                if (monthFirst is { } mf && dayFirst is { } df && mf != df && dct is { } near
                    && Math.Abs(df.DayNumber - near.DayNumber) <= 60 && Math.Abs(mf.DayNumber - near.DayNumber) > 60) d = df;
                if (d is null) return null;
                Remember(ctx, d.Value);
                return new Norm(TimexType.Date, Day(d.Value), Anchor: "none");
            }
            case Rule.MonthDayYear:
            case Rule.DayMonthYear:
            {
                bool mdy = c.Rule == Rule.MonthDayYear;
                int mon = MonthNumber((mdy ? g[2] : g[3]).Value), day = Int(mdy ? g[3] : g[2]);
                if (mon == 0 || day is < 1 or > 31) return null;
                if (g[4].Success)
                {
                    var d = TryDate(Int(g[4]), mon, day);
                    if (d is null) return null;
                    if (!IsFlashForward(c, ctx, d.Value.Year)) Remember(ctx, d.Value);
                    return new Norm(TimexType.Date, Day(d.Value), Anchor: "none");
                }
                if (TryDate(2000, mon, day) is null) return null; // February 30 never exists (leap 2000 allows Feb 29)
                // "26 June - 4 August 1952", "between January 12 and January 19, 1936": the year of the range's end.
                if (YearOfRangeEnd(mon, c, ctx) is { } rangeYear && TryDate(rangeYear, mon, day) is { } ranged)
                {
                    ctx.LastDay = ranged;
                    return new Norm(TimexType.Date, Day(ranged), Anchor: "none");
                }
                // "the Jan. 6 attack", "the October 7 massacre": a day that names an event is that event's, whatever the year now.
                if (NamedEventDay(mon, day, c, ctx) is { } named)
                {
                    ctx.LastDay = named;
                    return new Norm(TimexType.Date, Day(named), Anchor: "none");
                }
                var r = ResolveMonthDay(mon, day, EffectiveDate(c, ctx) ? TenseHint.Future : TenseOf(c, ctx), ctx, SinceBefore(c, ctx));
                if (r is null) return new Norm(TimexType.Date, string.Create(CultureInfo.InvariantCulture, $"XXXX-{mon:D2}-{day:D2}"), Anchor: "none");
                // "Friday, Sept. 17" written in a year when 17 September is no Friday: the nearest year in which it is.
                if (g[1].Success && WeekdayNumber(g[1].Value) is > 0 and var named2 && IsoDow(r.Value) != named2)
                {
                    for (int k = 1; k <= 6; k++)
                    {
                        if (TryDate(r.Value.Year - k, mon, day) is { } before && IsoDow(before) == named2) { r = before; break; }
                        if (TryDate(r.Value.Year + k, mon, day) is { } after && IsoDow(after) == named2) { r = after; break; }
                    }
                }
                ctx.LastDay = r.Value;
                return new Norm(TimexType.Date, Day(r.Value), Anchor: anchor);
            }
            case Rule.MilitaryTime:
            {
                int hh = Int(g[1]), mi = Int(g[2]);
                var t = string.Create(CultureInfo.InvariantCulture, $"T{hh:D2}:{mi:D2}");
                TimeSpan? zone = g[3].Success ? TimeSpan.Zero : null;
                // "4:30 a.m. local time (0130 GMT) on Thursday": the day written after the parenthesis dates the time in it.
                if (LocalTimeDay().Match(ctx.Text, c.End) is { Success: true } later && DayFromWord(later.Groups[1].Value, c, ctx) is { } written)
                {
                    // No zone is more than 14 hours from GMT, so a local clock over 12 hours from this one is across midnight
                    // from it ("1:30 a.m. local time (2230 GMT) on Thursday" is Wednesday in GMT).
                    if (LocalClockBefore(ctx.Text, c.Start) is { } local && AddDays(written, hh - local > 12 ? -1 : local - hh > 12 ? 1 : 0) is { } across)
                        written = across;
                    return new Norm(TimexType.Time, Day(written) + t, Zone: zone);
                }
                var d = ctx.LastDay ?? dct;
                return d is { } dd ? new Norm(TimexType.Time, Day(dd) + t, Zone: zone) : new Norm(TimexType.Time, "XXXX-XX-XX" + t, Anchor: "none", Zone: zone);
            }
            case Rule.Era:
            {
                int y = Int(g[1]);
                if (y <= 0) return null;
                // "490 BC" moves a history of antiquity as "1914" moves one of the Great War.
                int year = g[2].Value.StartsWith('B') ? FromBc(y) : y;
                // An aside far from the years the history mostly speaks of ("part of the empire since 513 BC") does not.
                if (!(ctx.CentralYears is { } cy && (year < cy.Lo || year > cy.Hi))) ctx.LastYear = year;
                return new Norm(TimexType.Date, Year(year), Anchor: "none");
            }
            case Rule.SpelledYearRule:
            {
                int y = YearNumber(g[1].Value);
                if (y < 0) return null;
                ctx.LastYear = y;
                return new Norm(TimexType.Date, Year(y), Anchor: "none");
            }
            case Rule.MonthRelYear:
            {
                int mon = MonthNumber(g[1].Value);
                var q = Regex.Replace(g[3].Value.ToLowerInvariant(), @"\s+", " ");
                // "that year", "the same year" are the year last written; "the following year" the one after it.
                int? ry = q is "that" or "the same" or "the following" or "the previous"
                    ? (ctx.LastYear ?? ctx.RefYear) is { } ly ? ly + (q == "the following" ? 1 : q == "the previous" ? -1 : 0) : null
                    : RelYear(q, ctx);
                if (mon == 0 || ry is not { } y) return null;
                if (g[2].Success)
                {
                    if (TryDate(y, mon, Int(g[2])) is not { } day) return null;
                    ctx.LastDay = day;
                    return new Norm(TimexType.Date, Day(day));
                }
                ctx.LastMonth = (y, mon);
                return new Norm(TimexType.Date, Month(y, mon));
            }
            case Rule.MonthYear:
            {
                int mon = MonthNumber(g[1].Value), y = g[2].Value[0] is '\'' or '\u2019' ? ShortYear(int.Parse(g[2].ValueSpan[1..], NumberStyles.None, CultureInfo.InvariantCulture), ctx) : YearNumber(g[2].Value);
                if (mon == 0 || y < 0 || g[3].Success && y == 0) return null;
                if (g[3].Success) y = FromBc(y); // "April 480 BC"
                if (!IsFlashForward(c, ctx, y))
                {
                    // The year first, so that the month stands as the reference written last (as in Remember).
                    ctx.LastYear = y;
                    ctx.LastMonth = (y, mon);
                }
                return new Norm(TimexType.Date, Month(y, mon), Anchor: "none");
            }
            case Rule.Month:
            {
                int mon = MonthNumber(g[2].Value);
                if (mon == 0) return null;
                var q = g[1].Value.ToLowerInvariant();
                string? mod = q switch { "early" => "START", "late" => "END", "mid" => "MID", _ => null };
                int? year = q switch
                {
                    "last" or "past" or "previous" => refDay is { } r1 ? (mon < r1.Month ? r1.Year : r1.Year - 1) : null,
                    "next" or "coming" => refDay is { } r2 ? (mon > r2.Month ? r2.Year : r2.Year + 1) : null,
                    "this" => ctx.RefYear,
                    _ when ElectionNovember(mon, c, ctx) is { } ey => ey,
                    _ => YearOfRangeEnd(mon, c, ctx) ?? ResolveMonthYear(mon, EffectiveDate(c, ctx) ? TenseHint.Future : TenseOf(c, ctx), ctx, SinceBefore(c, ctx)),
                };
                if (year is { } y5) ctx.LastMonth = (y5, mon);
                return new Norm(TimexType.Date, year is { } yy ? Month(yy, mon) : string.Create(CultureInfo.InvariantCulture, $"XXXX-{mon:D2}"), mod, year is null ? "none" : anchor);
            }
            case Rule.Year:
            {
                int y = Int(g[1]);
                // "RTX 2080", "the 2080 Ti": a number decades ahead after a short all-capital name is a model, where "the NATO
                // 2023 summit" is a year.
                if (dct is { } now && y > now.Year + 20 && PrevWord(ctx.Text, m.Index, out int modelAt) is { Length: >= 2 and <= 4 }
                    && IsModelPrefix(ctx.Text.AsSpan(modelAt, m.Index - modelAt).TrimEnd())) return null;
                // A year in parentheses is an aside ("the Civil Constitution (1790)"): the narrative's reference year stays.
                bool aside = m.Index > 0 && ctx.Text[m.Index - 1] == '(' && m.Index + m.Length < ctx.Text.Length && ctx.Text[m.Index + m.Length] == ')';
                // So is a year far from those a history mostly speaks of: "the largest cavalry battle since 1813" in 1920.
                if (ctx.CentralYears is { } cy && (y < cy.Lo || y > cy.Hi)) aside = true;
                // And so is a year a history looks ahead to from its current date: "a campaign planned for 1976", told on
                // 10 March 1975, does not move the story to 1976.
                if (ctx.Narrative && ctx.LastDay is { } ld && y > ld.Year && ctx.LastDayWritten > ctx.LastYearWritten && TenseOf(c, ctx) == TenseHint.Future) aside = true;
                if (IsFlashForward(c, ctx, y)) aside = true;
                if (!aside) ctx.LastYear = y;
                return new Norm(TimexType.Date, Year(y), Anchor: "none");
            }
            case Rule.Fiscal:
            {
                int y = Int(g[1]);
                if (g[1].Length == 2) y += y < 50 ? 2000 : 1900;
                ctx.LastYear = y;
                return new Norm(TimexType.Date, Year(y), Anchor: "none");
            }
            case Rule.Decade:
            {
                string? mod = g[1].Value.ToLowerInvariant() switch { "early" => "START", "mid" => "MID", "late" => "END", _ => null };
                if (g[2].Success) return new Norm(TimexType.Date, g[2].Value, mod, "none");
                // "the 470s BC": the decade of 479-470 BC.
                if (g[5].Success)
                {
                    int bcDecade = Int(g[5]);
                    ctx.LastYear = FromBc(bcDecade * 10 + 9);
                    return new Norm(TimexType.Date, "BC" + bcDecade.ToString("D3", CultureInfo.InvariantCulture), mod, "none");
                }
                // "the aughts", "the mid-two-thousands": the first decade of this century.
                if (g["aughts"].Success) return new Norm(TimexType.Date, "200", mod, "none");
                int dec = g[3].Success ? Int(g[3]) : Array.IndexOf(DecadeWords, g[4].Value.ToLowerInvariant()) + 2;
                // "the twenty-twenties" are this century's.
                int century = g["c21"].Success ? 20 : 19;
                if (dct is { } d && dec * 10 <= d.Year % 100 && d.Year >= 2000 && g[3].Success && dec <= 2) century = d.Year / 100;
                return new Norm(TimexType.Date, string.Create(CultureInfo.InvariantCulture, $"{century:D2}{dec}"), mod, "none");
            }
            case Rule.Century:
            {
                int n = g[1].Success ? Int(g[1]) : Array.IndexOf(CenturyWords, g[2].Value.ToLowerInvariant()) + 1;
                if (n is < 1 or > 30) return null;
                // "the 4th century BC" is the fourth century before year 1, written BC03 as TimeML writes BC years.
                return new Norm(TimexType.Date, (g[3].Success ? "BC" : "") + (n - 1).ToString("D2", CultureInfo.InvariantCulture), Anchor: "none");
            }
            case Rule.Quarter:
                return NormalizeQuarter(c, ctx);
            case Rule.DashDate:
            {
                var d = TryDate(g[3].Length == 4 ? Int(g[3]) : ShortYear(Int(g[3]), ctx), MonthNumber(g[2].Value), Int(g[1]));
                if (d is null) return null;
                Remember(ctx, d.Value);
                return new Norm(TimexType.Date, Day(d.Value), Anchor: "none");
            }
            case Rule.MonthQuarter:
            {
                int last = MonthNumber(g[3].Value), mq = last / 3;
                int? my = g[4].Success ? Int(g[4]) : ResolveMonthYear(last, TenseOf(c, ctx), ctx);
                ctx.SawQuarter = true;
                if (my is not { } qy) return new Norm(TimexType.Date, $"XXXX-Q{mq}", Anchor: "none");
                ctx.LastQuarter = (qy, mq);
                return new Norm(TimexType.Date, Quarter(qy, mq), Anchor: g[4].Success ? "none" : anchor);
            }
            case Rule.QuarterPair:
            {
                int? year = g[4].Success ? Int(g[4]) : g[5].Success ? RelYear(g[5].Value, ctx) : null;
                ctx.SawQuarter = true;
                if (g["firsttwo"].Success) return year is { } hy ? new Norm(TimexType.Date, Year(hy) + "-H1") : null;
                int q1 = OrdinalNumber(g[2].Value), q2 = OrdinalNumber(g[3].Value);
                if (q2 <= q1) return null;
                // Both quarters take the later one's year: "the third and fourth quarters" in a September report of the past
                // are last year's, not this year's third and last year's fourth.
                if ((year ?? ResolveQuarterYear(q2, TenseOf(c, ctx), ctx)) is not { } py)
                    return new Norm(TimexType.Date, $"XXXX-Q{q1}", Anchor: "none") { EndAt = g[2].Index + g[2].Length, Second = (g[3].Index, c.End, $"XXXX-Q{q2}") };
                ctx.LastQuarter = (py, q2);
                return new Norm(TimexType.Date, Quarter(py, q1)) { EndAt = g[2].Index + g[2].Length, Second = (g[3].Index, c.End, Quarter(py, q2)) };
            }
            case Rule.QuarterShort:
            {
                int q = Int(g[1]);
                int? y = g[2].Success ? Int(g[2]) : g["yy"].Success ? ShortYear(Int(g["yy"]), ctx) : ResolveQuarterYear(q, TenseOf(c, ctx), ctx);
                if (y is { } yy) ctx.LastQuarter = (yy, q);
                ctx.SawQuarter = true;
                return new Norm(TimexType.Date, y is { } y2 ? Quarter(y2, q) : $"XXXX-Q{q}");
            }
            case Rule.WeekOfMonth:
                return NormalizeWeekOfMonth(c, ctx, anchor);
            case Rule.BeforeLast:
            {
                if (refDay is not { } rb) return null;
                int step = g[2].Value.StartsWith("before", StringComparison.OrdinalIgnoreCase) ? -2 : 2;
                var unit = g[1].Value.ToLowerInvariant();
                switch (unit)
                {
                    case "week" or "weekend":
                        if (AddDays(rb, 7 * step) is not { } wb) return null;
                        return new Norm(TimexType.Date, Week(wb) + (unit == "weekend" ? "-WE" : ""), Anchor: anchor);
                    case "month":
                    {
                        var (yb, mb) = AddMonths(rb.Year, rb.Month, step);
                        return yb is < 1 or > 9999 ? null : new Norm(TimexType.Date, Month(yb, mb), Anchor: anchor);
                    }
                    default:
                        return rb.Year + step is < 1 or > 9999 ? null : new Norm(TimexType.Date, Year(rb.Year + step), Anchor: anchor);
                }
            }
            case Rule.HalfShort:
                return new Norm(TimexType.Date, Year(Int(g[2])) + "-H" + g[1].Value);
            case Rule.Half:
            {
                int h = g[1].Value.Equals("first", StringComparison.OrdinalIgnoreCase) ? 1 : 2;
                int? y = g[2].Success ? Int(g[2]) : g[3].Success ? RelYear(g[3].Value, ctx) : ctx.RefYear;
                if (!g[2].Success && !g[3].Success && !m.Value.Contains("the year", StringComparison.OrdinalIgnoreCase) && !m.Value.Contains('-')) return null;
                return new Norm(TimexType.Date, y is { } yy ? $"{Year(yy)}-H{h}" : $"XXXX-H{h}");
            }
            case Rule.Relative:
                return NormalizeRelative(c, ctx);
            case Rule.DayRef:
            {
                if (dct is null) return new Norm(g[2].Success || g[4].Success ? TimexType.Time : TimexType.Date, "XXXX-XX-XX", Anchor: "none");
                var w = (g[1].Success ? g[1].Value : g[3].Value).ToLowerInvariant();
                var part = g[2].Success ? g[2].Value : g[4].Success ? g[4].Value : null;
                // "It is us today. It will be you tomorrow.", quoted in a history: the speaker's day, which is not the
                // article's and which the text does not give.
                if (ctx.Narrative && InsideQuotation(ctx.Text, c.Start))
                {
                    if (w is "tonight" or "overnight") part = "night";
                    return new Norm(part is null ? TimexType.Date : TimexType.Time, "XXXX-XX-XX" + (part is null ? "" : "T" + PartCode(part)), Anchor: "none");
                }
                DateOnly? d = w switch
                {
                    "today" or "tonight" or "this" => dct,
                    // "London shares were depressed by overnight losses in New York" on Friday: the night before the day
                    // spoken of, when that day is of the report's week (an older one is an aside: "the bombings, on Aug. 7");
                    // TimeML dates a night by the day it begins.
                    "overnight" => AddDays(ctx.LastDay is { } ol && Math.Abs(ol.DayNumber - dct.Value.DayNumber) <= 7 ? ol : dct.Value, -1),
                    "yesterday" => AddDays(dct.Value, -1),
                    "tomorrow" => AddDays(dct.Value, 1),
                    "last" => part is not null && part.Equals("night", StringComparison.OrdinalIgnoreCase) ? AddDays(dct.Value, -1) : dct,
                    _ => dct,
                };
                if (d is null) return null;
                // The night before stays an aside: the story is still on the day it was told from.
                if (w == "overnight") return new Norm(TimexType.Time, Day(d.Value) + "TNI");
                ctx.LastDay = d;
                if (w == "tonight") part = "night";
                if (part is null) return new Norm(TimexType.Date, Day(d.Value));
                return new Norm(TimexType.Time, Day(d.Value) + "T" + PartCode(part));
            }
            case Rule.Weekday:
            {
                int wd = WeekdayNumber(g[2].Value);
                if (wd == 0) return null;
                var q = g[1].Value.ToLowerInvariant();
                var baseDay = ctx.Narrative ? ctx.LastDay : dct;
                // "grabbing breakfast on a Saturday morning", "any Monday": some such day, not a particular one; but in "a
                // Sunday night memorial service" the article is the service's.
                bool generic = q.Length == 0 && !g[4].Success && PrevWord(ctx.Text, c.Start, out _) is "a" or "any"
                    && NextWord(ctx.Text, c.End).ToLowerInvariant() is var after && (after.Length == 0 || FuzzyFollowers.Contains(after));
                if (baseDay is null || generic) return new Norm(g[3].Success ? TimexType.Time : TimexType.Date, $"XXXX-WXX-{wd}" + (g[3].Success ? "T" + PartCode(g[3].Value) : ""), Anchor: "none");
                // "Monday last week", "Thursday next week": that weekday of the week before or after the reference's.
                if (g[4].Success)
                {
                    int weeks = g[4].Value.ToLowerInvariant() switch { "last" => -1, "next" => 1, _ => 0 };
                    var inWeek = AddDays(baseDay.Value, 7 * weeks + wd - IsoDow(baseDay.Value));
                    if (inWeek is null) return null;
                    ctx.LastDay = inWeek;
                    return g[3].Success ? new Norm(TimexType.Time, Day(inWeek.Value) + "T" + PartCode(g[3].Value), Anchor: anchor)
                        : new Norm(TimexType.Date, Day(inWeek.Value), Anchor: anchor);
                }
                var tense = TenseOf(c, ctx);
                // "Wednesday's ruling", "Saturday night's debate": a possessive weekday names a day whose event the text treats
                // as known, whatever the clause's tense ("would look for ways around Wednesday's ruling"): the most recent such day.
                // But a scheduled event ("will win Tuesday's primary", "ahead of Wednesday's Budget") is as far ahead as the clause says.
                if (q.Length == 0 && PossessiveAt(ctx.Text, c.End) && !(tense != TenseHint.Past && ScheduledAfterPossessive(ctx.Text, c.End + 2))) tense = TenseHint.Past;
                var d = ResolveWeekday(wd, q, tense, baseDay.Value);
                if (d is null) return null;
                ctx.LastDay = d;
                if (g[3].Success) return new Norm(TimexType.Time, Day(d.Value) + "T" + PartCode(g[3].Value), Anchor: anchor);
                return new Norm(TimexType.Date, Day(d.Value), Anchor: anchor);
            }
            case Rule.WeekdayPlural:
            {
                int wd = WeekdayNumber(g[1].Value);
                var part = g[2].Success ? g[2] : g[3];
                return new Norm(TimexType.Set, $"XXXX-WXX-{wd}" + (part.Success ? "T" + PartCode(part.Value) : ""), Anchor: "none");
            }
            case Rule.Ago:
                return NormalizeAgo(c, ctx);
            case Rule.Duration:
            {
                var unit = g[3].Value;
                var numText = g[2].Value;
                // "Islam will one day be …", "hopes to one day provide": some day to come, not a day's length (TimeBank's
                // FUTURE_REF).
                if (m.Length == 7 && m.Value.Equals("one day", StringComparison.OrdinalIgnoreCase)
                    && PrevWord(ctx.Text, c.Start, out _) is "will" or "would" or "could" or "may" or "might" or "can" or "shall" or "to" or "'ll")
                    return new Norm(TimexType.Date, "FUTURE_REF", Anchor: "none");
                double? n = ParseNumber(numText);
                if (numText.Equals("some", StringComparison.OrdinalIgnoreCase) || numText.Equals("many", StringComparison.OrdinalIgnoreCase)) n = null;
                // "three and a half years", "a year and a half" (not again for "one and a half", a number of its own).
                if (!numText.Contains("half", StringComparison.OrdinalIgnoreCase) && m.Value.Contains("and a half", StringComparison.OrdinalIgnoreCase) && n is { } nn) n = nn + 0.5;
                if (n is { } h && h != Math.Floor(h))
                {
                    // Fractional amounts as whole units plus the rest in the next smaller unit, as TimeBank writes them:
                    // 2 1/2 years = P2Y6M, 5 1/2 hours = PT5H30M, a minute and a half = PT1M30S (a half alone: PT30M, P6M).
                    var u = unit.ToLowerInvariant();
                    double whole = Math.Floor(h), rest = h - whole;
                    string W(string designator) => whole > 0 ? string.Create(CultureInfo.InvariantCulture, $"{whole:0}{designator}") : "";
                    if (u.StartsWith("hour", StringComparison.Ordinal)) return new Norm(TimexType.Duration, string.Create(CultureInfo.InvariantCulture, $"PT{W("H")}{rest * 60:0}M"), Anchor: "none");
                    if (u.StartsWith("minute", StringComparison.Ordinal)) return new Norm(TimexType.Duration, string.Create(CultureInfo.InvariantCulture, $"PT{W("M")}{rest * 60:0}S"), Anchor: "none");
                    if (u.StartsWith("year", StringComparison.Ordinal)) return new Norm(TimexType.Duration, string.Create(CultureInfo.InvariantCulture, $"P{W("Y")}{rest * 12:0}M"), Anchor: "none");
                    if (u.StartsWith("day", StringComparison.Ordinal)) return new Norm(TimexType.Duration, string.Create(CultureInfo.InvariantCulture, $"P{W("D")}T{rest * 24:0}H"), Anchor: "none");
                }
                return new Norm(TimexType.Duration, DurationValue(n, unit), Anchor: "none");
            }
            case Rule.BarePlural:
            {
                var unit = g[2].Value;
                return new Norm(TimexType.Duration, DurationValue(null, unit), Anchor: "none");
            }
            case Rule.Season:
            {
                var season = NormalizeSeason(c, ctx, refDay, anchor);
                if (season is { Value: [>= '0' and <= '9', _, _, _, '-', _, _] sv }) ctx.LastSeason = (int.Parse(sv.AsSpan(0, 4), CultureInfo.InvariantCulture), sv[5..], c.End);
                return season;
            }
            case Rule.Fuzzy:
            {
                var w = m.Value.ToLowerInvariant();
                string v = w switch
                {
                    "now" or "right now" or "currently" or "current" or "nowadays" or "these days" => "PRESENT_REF",
                    _ when w.Contains("future", StringComparison.Ordinal) || w.Contains("soon", StringComparison.Ordinal) || w.EndsWith("term", StringComparison.Ordinal) => "FUTURE_REF",
                    _ => "PAST_REF",
                };
                return new Norm(TimexType.Date, v, Anchor: "dct");
            }
            case Rule.RecentPlural:
                return g[1].Value.ToLowerInvariant() is "years" or "decades"
                    ? new Norm(TimexType.Date, "PAST_REF")
                    : new Norm(TimexType.Duration, DurationValue(null, g[1].Value), Anchor: "none");
            case Rule.SetEvery:
            {
                var what = g[3].Value;
                // TimeML's quant: EVERY or EACH, as written.
                var quant = g[1].Value.ToUpperInvariant();
                int wd = WeekdayNumber(what), mon = MonthNumber(what);
                if (char.IsUpper(what[0]) && WeekdayNumber(what) > 0 && what.Length > 5) return new Norm(TimexType.Set, $"XXXX-WXX-{wd}", Anchor: "none") { Quant = quant };
                if (char.IsUpper(what[0]) && mon > 0) return new Norm(TimexType.Set, string.Create(CultureInfo.InvariantCulture, $"XXXX-{mon:D2}"), Anchor: "none") { Quant = quant };
                var lw = what.ToLowerInvariant();
                if (lw is "morning" or "evening" or "night") return new Norm(TimexType.Set, "XXXX-XX-XXT" + PartCode(lw), Anchor: "none") { Quant = quant };
                if (lw is "spring" or "summer" or "fall" or "autumn" or "winter") return new Norm(TimexType.Set, "XXXX-" + SeasonCode(lw), Anchor: "none") { Quant = quant };
                double? n = g[2].Success ? ParseNumber(g[2].Value) : 1;
                // "every other week" is every second one.
                if (m.Value.Contains(" other ", StringComparison.OrdinalIgnoreCase) && n is { } every) n = every * 2;
                if (lw == "quarter") return new Norm(TimexType.Set, n is { } qn ? string.Create(CultureInfo.InvariantCulture, $"P{qn:0}Q") : "PXQ", Anchor: "none") { Quant = quant };
                return new Norm(TimexType.Set, DurationValue(n, lw), Anchor: "none") { Quant = quant };
            }
            case Rule.SetAdverb:
            {
                var v = m.Value.ToLowerInvariant() switch
                {
                    "annually" or "yearly" => "P1Y", "monthly" => "P1M", "weekly" => "P1W", "daily" => "P1D", "hourly" => "PT1H",
                    "quarterly" => "P1Q", "nightly" => "P1D", "biweekly" => "P2W", _ => "P6M",
                };
                return new Norm(TimexType.Set, v, Anchor: "none");
            }
            case Rule.SetPer:
            {
                var unit = g[3].Value.ToLowerInvariant();
                // TimeML's freq: how often in the period, "2X" for twice, "3D" for three days.
                string? freq = null;
                if (g[1].Success)
                {
                    var times = g[1].Value.ToLowerInvariant();
                    int gap = 0;
                    while (gap < times.Length && !char.IsWhiteSpace(times[gap])) gap++;
                    double? k = times switch { "once" => 1, "twice" => 2, "thrice" => 3, _ => ParseNumber(times[..gap]) };
                    if (k is { } kk && kk >= 1 && kk == Math.Floor(kk)) freq = kk.ToString("0", CultureInfo.InvariantCulture) + "X";
                }
                else if (g["fn"].Success && ParseNumber(g["fn"].Value) is { } fk && fk >= 1)
                    freq = fk.ToString("0", CultureInfo.InvariantCulture) + char.ToUpperInvariant(g["fu"].Value[0] is 'n' or 'N' ? 'D' : g["fu"].Value[0]);
                return new Norm(TimexType.Set, unit == "quarter" ? "P1Q" : DurationValue(1, unit), Anchor: "none") { Freq = freq };
            }
            case Rule.Time:
                return NormalizeTime(c, ctx);
            case Rule.NoonMidnight:
            {
                var w = g[1].Value.ToLowerInvariant();
                bool fromRef = !g[2].Success && ctx.LastDay is not null;
                var d = g[2].Success ? DayFromWord(g[2].Value, c, ctx) : ctx.LastDay ?? dct;
                string t = w == "midnight" ? "T24" : "T12:00";
                TimeSpan? zone = g["zone"].Success ? TimeZones.Offset(g["zone"].Value, d, w == "midnight" ? TimeOnly.MaxValue : new TimeOnly(12, 0)) : null;
                if (d is null) return new Norm(TimexType.Time, "XXXX-XX-XX" + t, Anchor: "none", Zone: zone);
                return new Norm(TimexType.Time, Day(d.Value) + t, Anchor: fromRef || ctx.Narrative ? "ref" : "dct", Zone: zone);
            }
            case Rule.Holiday:
            {
                var name = Regex.Replace(g[1].Value, @"\s+", " ");
                var rel = g["rel"].Success ? g["rel"].Value.ToLowerInvariant() : null;
                int? y = g[2].Success ? Int(g[2]) : ctx.Narrative && rel is null ? ctx.RefYear : null;
                if (y is null && refDay is { } r && Holidays.Date(name, r.Year) is { } thisYear)
                {
                    // A week is under way from its first day, Palm Sunday for Holy Week.
                    if (Holidays.IsWeek(name)) thisYear = thisYear.AddDays(-7);
                    if (rel is not null)
                        y = rel == "this" ? r.Year : rel == "last" ? (thisYear < r ? r.Year : r.Year - 1) : (thisYear > r ? r.Year : r.Year + 1);
                    else
                    {
                        // Without a year, the tense picks this year's holiday or the one before or after it, with the same
                        // window ahead as a month's day: "the trail has opened for Easter" a month before it is this Easter,
                        // "sad before Christmas" told in February is the Christmas gone by.
                        var tense = TenseOf(c, ctx);
                        int diff = thisYear.DayNumber - r.DayNumber, ahead = AheadWindow(tense);
                        y = tense == TenseHint.Future ? (thisYear >= r ? r.Year : r.Year + 1)
                            : diff > ahead ? r.Year - 1 : diff < ahead - 365 && tense != TenseHint.Past ? r.Year + 1 : r.Year;
                    }
                }
                if (y is not { } yy || Holidays.Date(name, yy) is not { } d)
                {
                    if (Holidays.IsWeek(name)) return new Norm(TimexType.Date, "XXXX-WXX", Anchor: "none");
                    if (Holidays.IsWeekend(name)) return new Norm(TimexType.Date, "XXXX-WXX-WE", Anchor: "none");
                    return new Norm(TimexType.Date, Holidays.FixedDate(name) is { } f ? string.Create(CultureInfo.InvariantCulture, $"XXXX-{f.Month:D2}-{f.Day:D2}") : "XXXX", Anchor: "none");
                }
                return new Norm(TimexType.Date, Holidays.IsWeek(name) ? Week(d) : Holidays.IsWeekend(name) ? Week(d) + "-WE" : Day(d));
            }
            case Rule.OrdinalDay:
            {
                int n = Int(g[1]);
                if (n is < 1 or > 31) return null;
                var rel = g[2].Success ? Regex.Replace(g[2].Value.ToLowerInvariant(), @"\s+", " ") : null;
                DateOnly baseDay;
                int shift = 0;
                bool fromRef = false;
                if (rel is "this" or "last" or "next")
                {
                    if (dct is not { } dd) return null;
                    baseDay = dd;
                    shift = rel == "last" ? -1 : rel == "next" ? 1 : 0;
                }
                else if (ctx.LastDay is { } ld && (ctx.Narrative || rel is not null))
                {
                    // The month last spoken of: "on 2 October ... On the 5th" in a history, "on the 28th of that month".
                    baseDay = ld;
                    fromRef = true;
                    shift = rel == "the following" ? 1 : 0;
                }
                else if (refDay is { } rd)
                {
                    baseDay = rd;
                    // Against the report's date, the tense picks the month: "resumed on the 25th" written on the 3rd is last
                    // month's, "will meet on the 4th" written on the 30th next month's; without a tense, the nearest such day.
                    var tense = TenseOf(c, ctx);
                    shift = tense == TenseHint.Past ? (n > rd.Day ? -1 : 0) : tense == TenseHint.Future ? (n < rd.Day ? 1 : 0) : NearestMonth(rd, n);
                }
                else return null;
                var (yy, mm) = AddMonths(baseDay.Year, baseDay.Month, shift);
                if (TryDate(yy, mm, n) is not { } day) return null;
                ctx.LastDay = day;
                return new Norm(TimexType.Date, Day(day), Anchor: fromRef ? "ref" : anchor);
            }
            case Rule.RefDay:
            {
                var w = Regex.Replace(m.Value.ToLowerInvariant(), @"\s+", " ");
                // In a history of antiquity no full date is known: "that same day" is a day of the BC year (and month) last
                // written, never the DCT.
                if (ctx.AncientYear is { } ancient && (w.EndsWith("day", StringComparison.Ordinal) || w.EndsWith("morning", StringComparison.Ordinal)
                    || w.EndsWith("afternoon", StringComparison.Ordinal) || w.EndsWith("evening", StringComparison.Ordinal) || w.EndsWith("night", StringComparison.Ordinal)))
                    return new Norm(TimexType.Date, (ctx.LastMonth is { } am && am.Y == ancient ? Month(ancient, am.M) : Year(ancient) + "-XX") + "-XX", Anchor: "ref");
                var last = ctx.LastDay ?? dct;
                int shift = w.Contains("following", StringComparison.Ordinal) || w.Contains("next", StringComparison.Ordinal) ? 1 : w.Contains("previous", StringComparison.Ordinal) ? -1 : 0;
                if (w.EndsWith("year", StringComparison.Ordinal)) return (ctx.LastYear ?? ctx.RefYear) is { } ry ? new Norm(TimexType.Date, Year(ry + shift), Anchor: "ref") : null;
                if (w.EndsWith("month", StringComparison.Ordinal))
                {
                    var lm = ctx.LastMonth ?? (last is { } ld ? (ld.Year, ld.Month) : ((int, int)?)null);
                    if (lm is not { } lmv) return null;
                    var (yy, mm) = AddMonths(lmv.Item1, lmv.Item2, shift);
                    return new Norm(TimexType.Date, Month(yy, mm), Anchor: "ref");
                }
                if (w.EndsWith("week", StringComparison.Ordinal)) return last is { } lw && AddDays(lw, 7 * shift) is { } lw2 ? new Norm(TimexType.Date, Week(lw2), Anchor: "ref") : null;
                if (last is null) return new Norm(TimexType.Date, "XXXX-XX-XX", Anchor: "none");
                int delta = w.StartsWith("the following", StringComparison.Ordinal) || w.StartsWith("the next", StringComparison.Ordinal) ? 1
                    : w.StartsWith("the previous", StringComparison.Ordinal) ? -1 : 0;
                var d = AddDays(last.Value, delta);
                if (d is null) return null;
                ctx.LastDay = d;
                // "that afternoon", "the next morning", "later that night": a part of the day in the story, a TIME.
                int space = w.LastIndexOf(' ');
                var part = w[(space + 1)..];
                if (part is "morning" or "afternoon" or "evening" or "night") return new Norm(TimexType.Time, Day(d.Value) + "T" + PartCode(part), Anchor: "ref");
                return new Norm(TimexType.Date, Day(d.Value), Anchor: "ref");
            }
            case Rule.TheUnit:
            {
                var w = Regex.Replace(g[1].Value.ToLowerInvariant(), @"\s+", " ");
                var prev = PrevWord(ctx.Text, c.Start, out _);
                if (g["ba"].Success) return NormalizeUnitBeforeAfter(w, g["ba"].Value.Equals("before", StringComparison.OrdinalIgnoreCase) ? -1 : 1, ctx, refDay);
                switch (w)
                {
                    case "year" or "fiscal year" or "full year" or "current fiscal year":
                        // "In 2013, the year the brewery opened, …": the year in apposition is the one just written.
                        if (w == "year" && AppositiveYear().Match(ctx.Text, Math.Max(0, c.Start - 8), c.Start - Math.Max(0, c.Start - 8)) is { Success: true } ap)
                            return new Norm(TimexType.Date, ap.Groups[1].Value, Anchor: "none");
                        if (prev is "for" or "during" or "over" or "throughout" || w == "fiscal year" && prev != "in") return new Norm(TimexType.Duration, "P1Y", Anchor: "none");
                        return ctx.RefYear is { } y ? new Norm(TimexType.Date, Year(y)) : null;
                    case "week":
                        return refDay is { } rw ? new Norm(TimexType.Date, Week(rw)) : null;
                    case "month":
                    {
                        // "by the end of the month": the month the story is in, else the reference date's.
                        var um = NarrativeMonth(ctx) ?? ctx.LastMonth;
                        // In news, a month written long before the report is an aside ("a caption of 1981"): the report's month.
                        if (!ctx.Narrative && refDay is { } rm && (um is not { } spoken || Math.Abs(spoken.Item1 * 12 + spoken.Item2 - (rm.Year * 12 + rm.Month)) > 2))
                            um = (rm.Year, rm.Month);
                        return um is { } umv ? new Norm(TimexType.Date, Month(umv.Item1, umv.Item2), Anchor: "ref") : null;
                    }
                    case "weekend":
                        return refDay is { } re ? new Norm(TimexType.Date, Week(WeekendOf(re, TenseOf(c, ctx))) + "-WE") : null;
                    case "year-end":
                        return ctx.RefYear is { } ye ? new Norm(TimexType.Date, Year(ye) + "-12-31") : null;
                    case "decade" or "century":
                        // The decade or century of the reference year (AD only: a BC one has no such anaphor in the corpora).
                        if (ctx.RefYear is not ({ } yd and > 0)) return null;
                        return new Norm(TimexType.Date, w == "decade" ? (yd / 10).ToString("D3", CultureInfo.InvariantCulture) : (yd / 100).ToString("D2", CultureInfo.InvariantCulture));
                    default: // the period, the latest period, the year-ago period
                        var rq = ReportQuarter(ctx);
                        if (rq is null) return null;
                        var (qy, qq) = rq.Value;
                        if (w.Contains("year-", StringComparison.Ordinal)) qy--;
                        else if (w == "period" && !ctx.SawQuarter) return null;
                        return new Norm(TimexType.Date, Quarter(qy, qq));
                }
            }
            case Rule.MonthDayRange:
                return NormalizeDayRange(c, ctx, anchor, MonthNumber(g[1].Value), g[2], g[3], g[4]);
            case Rule.DayMonthRange:
                return NormalizeDayRange(c, ctx, anchor, MonthNumber(g[3].Value), g[1], g[2], g[4]);
            case Rule.YearRange:
            {
                int y1 = Int(g[1]), y2 = Int(g[2]);
                // "2023-05": ISO 8601's year and month, where the end would have to run into the next century.
                if (g[2].Length == 2 && !g["slash"].Success && y2 <= y1 % 100 && y2 != (y1 + 1) % 100 && y2 is >= 1 and <= 12)
                {
                    ctx.LastYear = y1;
                    ctx.LastMonth = (y1, y2);
                    return new Norm(TimexType.Date, Month(y1, y2), Anchor: "none");
                }
                if (g[2].Length == 2)
                {
                    y2 += y1 / 100 * 100;
                    if (y2 <= y1) y2 += 100;
                }
                if (y2 <= y1 || y2 - y1 > 100) return null;
                ctx.LastYear = y1;
                return new Norm(TimexType.Date, Year(y1), Anchor: "none") { EndAt = g[1].Index + g[1].Length, Second = (g[2].Index, g[2].Index + g[2].Length, Year(y2)) };
            }
            case Rule.LongAdj:
            {
                // "day-long" is one day; "decades-long" an unspecified number of decades; "two-week-long" two weeks.
                double? n = g[1].Success ? ParseNumber(g[1].Value) : g[3].Length > 0 ? null : 1;
                return new Norm(TimexType.Duration, DurationValue(n, g[2].Value), Anchor: "none");
            }
            case Rule.YearAgoAdj:
            {
                var w = m.Value.ToLowerInvariant();
                if (w is "year-end" or "yearend" or "year end") return ctx.RefYear is { } ye ? new Norm(TimexType.Date, Year(ye) + "-12-31") : null;
                if (w == "year-to-date") return null;
                if (ctx.SawQuarter && ReportQuarter(ctx) is { } rq) return new Norm(TimexType.Date, Quarter(rq.Y - 1, rq.Q));
                return ctx.RefYear is { } y ? new Norm(TimexType.Date, Year(y - 1)) : null;
            }
        }
        return null;
    }

    private static readonly string[] DecadeWords = ["twenties", "thirties", "forties", "fifties", "sixties", "seventies", "eighties", "nineties"];
    private static readonly string[] CenturyWords = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth", "eighteenth", "nineteenth", "twentieth", "twenty-first"];

    private static readonly HashSet<string> ScheduledEvents = new(StringComparer.OrdinalIgnoreCase)
    {
        "primary", "primaries", "election", "elections", "vote", "referendum", "deadline", "game", "match", "race", "final", "finals", "summit",
        "hearing", "trial", "caucus", "caucuses", "budget", "launch", "kickoff", "parade", "showdown", "session", "auction", "ceremony", "opening",
        "premiere", "sentencing", "inauguration", "runoff", "debate", "meeting", "talks", "rally", "speech", "address", "cutoff",
    };

    // The possessed noun, or the one after a modifier ("Saturday's shutdown deadline"), names a scheduled event.
    private static bool ScheduledAfterPossessive(string text, int pos)
    {
        // NextWord skips spaces only, so the first word ends at its start plus its length.
        int start = pos;
        while (start < text.Length && text[start] == ' ') start++;
        var first = NextWord(text, start);
        return ScheduledEvents.Contains(first) || first.Length > 0 && ScheduledEvents.Contains(NextWord(text, start + first.Length));
    }

    private static bool PossessiveAt(string text, int pos) =>
        pos + 1 < text.Length && text[pos] is '\'' or '\u2019' && text[pos + 1] is 's' or 'S' && (pos + 2 == text.Length || !char.IsLetter(text[pos + 2]));

    private static int Int(Group g) => int.TryParse(g.ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : -1;

    /// <summary>
    /// In a history, a later date reached by "until" ends a state the story then leaves behind ("occupied Hungary
    /// until the fall of Budapest in February 1945. By the start of July, ..." stays in 1944).
    /// </summary>
    private static bool IsFlashForward(Candidate c, Context ctx, int year)
    {
        if (!ctx.Narrative || ctx.RefYear is not { } current || year <= current) return false;
        int from = Math.Max(0, c.Start - 60);
        var before = ctx.Text.AsSpan(from, c.Start - from);
        int cut = before.LastIndexOfAny(".;:,");
        if (cut >= 0) before = before[(cut + 1)..];
        return UntilWord().IsMatch(before);
    }

    [GeneratedRegex(@"\b(?:until|till)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex UntilWord();

    /// <summary>
    /// "the first week of September" is the ISO week holding 4 September (the week of the month's first days), "the
    /// last week of August" the one holding 28 August; "the first weekend of October" is that of its first Saturday.
    /// </summary>
    /// <summary>A season: of its written year, of a year it shares with the season it is joined to, of the story's year
    /// in a history, or the nearest one the clause's tense allows.</summary>
    private Norm? NormalizeSeason(Candidate c, Context ctx, DateOnly? refDay, string anchor)
    {
        var g = c.Match.Groups;
        var code = SeasonCode(g[2].Value);
        var q = g[1].Value.ToLowerInvariant();
        int? y = g["bc"].Success ? Int(g["bc"]) : g[3].Success ? YearNumber(g[3].Value) : null;
        if (y < 0 || g["bc"].Success && y == 0) return null;
        if (g["bc"].Success) ctx.LastYear = y = FromBc(y!.Value); // "the spring of 480 BC"
        // "By the spring of 1915 ... in May": a season with its year moves the story's year, as "June 1955" does.
        else if (y is { } sy && !IsFlashForward(c, ctx, sy)) ctx.LastYear = sy;
        // ... and its months, so that "the autumn of 481 BC ... the winter" is the winter that autumn leads into.
        if (y is { } sm && ctx.LastYear == sm && code is "SP" or "SU" or "FA") ctx.LastMonth = (sm, code == "SP" ? 4 : code == "SU" ? 7 : 10);
        string? mod = q switch { "early" => "START", "late" => "END", "mid" => "MID", _ => null };
        // "the spring of that year": the year last spoken of; "of last year" counts from the reference date.
        if (g[4].Success)
        {
            var rel = Regex.Replace(g[4].Value.ToLowerInvariant(), @"\s+", " ");
            bool anaphoric = rel is "that" or "the same" or "the following" or "the previous";
            int? baseYear = anaphoric ? ctx.LastYear ?? ctx.RefYear : refDay?.Year;
            if (baseYear is not { } by) return new Norm(TimexType.Date, "XXXX-" + code, mod, "none");
            int yr = rel switch { "last" or "the previous" => by - 1, "next" or "the following" => by + 1, _ => by };
            return new Norm(TimexType.Date, Year(yr) + "-" + code, mod, anaphoric ? "ref" : anchor);
        }
        // "the fall and winter": the second of two seasons joined is of the first's year (in a history, a winter after
        // an autumn is the one that autumn leads into, named by its January).
        if (y is null && q.Length == 0 && ctx.LastSeason is { } ls && c.Start - ls.End is > 0 and < 12
            && ctx.Text.AsSpan(ls.End, c.Start - ls.End).Trim().TrimStart(',').Trim() is "and" or "or")
        {
            int sy = ctx.Narrative && code == "WI" && ls.Code == "FA" ? ls.Y + 1 : ls.Y;
            return new Norm(TimexType.Date, Year(sy) + "-" + code, mod, "ref");
        }
        // "the spring and summer of 2022", "summer and autumn 2021": a season joined to one with its year takes it.
        if (y is null && !g[4].Success && SeasonPairYear().Match(ctx.Text, c.End) is { Success: true } pair)
        {
            if (pair.Groups[1].Success) y = Int(pair.Groups[1]);
            else if (refDay is { } pr) y = pair.Groups[2].Value.ToLowerInvariant() switch { "last" => pr.Year - 1, "next" => pr.Year + 1, _ => pr.Year };
            if (y is { } py) return new Norm(TimexType.Date, Year(py) + "-" + code, mod, pair.Groups[1].Success ? "none" : anchor);
        }
        // In a history of antiquity a season is of the BC year last written.
        if (y is null && ctx.AncientYear is { } ay)
        {
            if (q is "" or "the" && code == "WI" && ctx.LastMonth is { } alm && alm.Y == ay && alm.M >= 9) return new Norm(TimexType.Date, Year(ay + 1) + "-WI", mod, "ref");
            int yr = q switch { "last" or "past" => ay - 1, "next" or "coming" => ay + 1, _ => ay };
            return new Norm(TimexType.Date, Year(yr) + "-" + code, mod, "ref");
        }
        // In a history, a bare season is of the year the story is in; a winter after its autumn months is the winter
        // then beginning, named by the year of its January ("December 1777 ... Over the winter" is 1778-WI).
        if (y is null && ctx.Narrative && q is "" or "the" && NarrativeMonth(ctx) is { } nm)
        {
            int sy = code == "WI" && nm.M >= 9 ? nm.Y + 1 : nm.Y;
            return new Norm(TimexType.Date, Year(sy) + "-" + code, mod, "ref");
        }
        if (y is null && refDay is { } r)
        {
            int cur = SeasonIndex(r.Month), idx = SeasonIndex(code);
            var tense = TenseOf(c, ctx);
            y = q switch
            {
                "last" or "past" => idx < cur ? r.Year : r.Year - 1,
                "next" or "coming" => idx > cur ? r.Year : r.Year + 1,
                "this" => r.Year,
                _ => tense == TenseHint.Past ? (idx <= cur ? r.Year : r.Year - 1) : tense == TenseHint.Future ? (idx >= cur ? r.Year : r.Year + 1) : r.Year,
            };
        }
        return new Norm(TimexType.Date, (y is { } yy ? Year(yy) : "XXXX") + "-" + code, mod, y is null ? "none" : anchor);
    }

    /// <summary>"the year before", "the day after" closing a clause: one unit back or on from the time the story is at.</summary>
    private static Norm? NormalizeUnitBeforeAfter(string unit, int shift, Context ctx, DateOnly? refDay)
    {
        switch (unit)
        {
            case "year":
                return (ctx.YearSpoken ?? ctx.LastYear ?? ctx.RefYear) is { } y && y + shift is >= 1 and <= 9999 ? new Norm(TimexType.Date, Year(y + shift), Anchor: "ref") : null;
            case "month":
            {
                if ((NarrativeMonth(ctx) ?? ctx.LastMonth ?? (refDay is { } rm ? (rm.Year, rm.Month) : ((int, int)?)null)) is not { } lm) return null;
                var (yy, mm) = AddMonths(lm.Item1, lm.Item2, shift);
                return yy is < 1 or > 9999 ? null : new Norm(TimexType.Date, Month(yy, mm), Anchor: "ref");
            }
            case "week":
                return (ctx.LastDay ?? refDay) is { } lw && AddDays(lw, 7 * shift) is { } wd ? new Norm(TimexType.Date, Week(wd), Anchor: "ref") : null;
            default:
            {
                if ((ctx.LastDay ?? refDay) is not { } ld || AddDays(ld, shift) is not { } d) return null;
                ctx.LastDay = d;
                return new Norm(TimexType.Date, Day(d), Anchor: "ref");
            }
        }
    }

    private static Norm? NormalizeWeekOfMonth(Candidate c, Context ctx, string anchor)
    {
        var g = c.Match.Groups;
        int mon = MonthNumber(g[3].Value);
        if (mon == 0) return null;
        bool written = g[4].Success;
        int? year = written ? Int(g[4]) : ResolveMonthYear(mon, TenseOf(c, ctx), ctx);
        bool weekend = g[2].Value.Equals("weekend", StringComparison.OrdinalIgnoreCase);
        if (year is not (>= 1 and <= 9999) || TryDate(year.Value, mon, 1) is not { } first)
            return new Norm(TimexType.Date, weekend ? "XXXX-WXX-WE" : "XXXX-WXX", Anchor: "none");
        int y = year.Value;
        int days = DateTime.DaysInMonth(y, mon);
        int ordinal = g[1].Value.ToLowerInvariant() switch { "first" => 0, "second" => 1, "third" => 2, "fourth" => 3, _ => -1 };
        DateOnly day;
        if (weekend)
        {
            int firstSaturday = 1 + (6 - IsoDow(first) + 7) % 7;
            int lastSaturday = firstSaturday + (days - firstSaturday) / 7 * 7;
            day = first.AddDays((ordinal < 0 ? lastSaturday : firstSaturday + 7 * ordinal) - 1);
        }
        else day = first.AddDays((ordinal < 0 ? days - 3 : 4 + 7 * ordinal) - 1);
        ctx.LastMonth = (y, mon);
        return new Norm(TimexType.Date, Week(day) + (weekend ? "-WE" : ""), Anchor: written ? "none" : anchor);
    }

    /// <summary>
    /// "a new office of the chairman, effective Feb. 1": the day a change takes effect is announced ahead of it, whatever
    /// the tense of the report ("retroactive to" is how news writes a past one).
    /// </summary>
    private static bool EffectiveDate(Candidate c, Context ctx)
    {
        int from = Math.Max(0, c.Start - 24);
        return EffectiveBefore().IsMatch(ctx.Text.AsSpan(from, c.Start - from));
    }

    [GeneratedRegex(@"\beffective\s+(?:on\s+|in\s+|as\s+of\s+|from\s+)?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex EffectiveBefore();

    private static void Remember(Context ctx, DateOnly d)
    {
        // The year first, so that the full date stands as the one written last.
        ctx.LastYear = d.Year;
        ctx.LastDay = d;
    }

    private static int SeasonIndex(int month) => month switch { 3 or 4 or 5 => 1, 6 or 7 or 8 => 2, 9 or 10 or 11 => 3, _ => month == 12 ? 4 : 0 };
    private static int SeasonIndex(string code) => code switch { "SP" => 1, "SU" => 2, "FA" => 3, _ => 4 };

    private static DateOnly WeekendOf(DateOnly r, TenseHint tense)
    {
        // The weekend just past in a past-tense clause (or on a Saturday/Sunday), the coming one otherwise.
        int dow = IsoDow(r);
        if (dow >= 6) return r;
        if (tense == TenseHint.Future) return AddDays(r, 6 - dow) ?? r;
        return AddDays(r, -dow) ?? r;
    }

    /// <summary>
    /// A weekday by tense: past (and unknown, the usual news case) → the most recent such day, the reference day
    /// itself included; future → the next, today included. "last Friday" on a Friday is a week before; "next" is strictly after.
    /// </summary>
    internal static DateOnly? ResolveWeekday(int wd, string qualifier, TenseHint tense, DateOnly baseDay)
    {
        int dow = IsoDow(baseDay);
        int back = (dow - wd + 7) % 7, ahead = (wd - dow + 7) % 7;
        return qualifier switch
        {
            "last" or "past" or "previous" or "preceding" or "this past" => AddDays(baseDay, -(back == 0 ? 7 : back)),
            "next" or "coming" or "following" or "this coming" => AddDays(baseDay, ahead == 0 ? 7 : ahead),
            "this" => tense == TenseHint.Past ? AddDays(baseDay, -back) : AddDays(baseDay, ahead),
            _ => tense == TenseHint.Future ? AddDays(baseDay, ahead) : AddDays(baseDay, -back),
        };
    }

    // How far ahead (days) of the DCT a date without a year may lie, by tense; the rest of the year lies behind.
    // Past-tense clauses still speak of dates just ahead ("the dividend is payable Dec. 15", "said it will … in January").
    private static int AheadWindow(TenseHint tense) => tense switch { TenseHint.Past => 75, TenseHint.Future => 300, _ => 182 };

    [GeneratedRegex(@"\b(?:could|would|will|may|might|can|should|must)\s+(?:\w+\s+){0,4}\w+\s+(?:in|by|until|for|before)\s+$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ModalBefore();

    [GeneratedRegex(@"(?<!\d)(\d{4}),\s+$")]
    private static partial Regex AppositiveYear();

    private static readonly DateOnly NineEleven = new(2001, 9, 11);

    private static readonly HashSet<string> ElectionWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "election", "elections", "ballot", "ballots", "voters", "vote", "votes", "voting", "polls", "race", "races", "campaign", "nominee",
        "candidate", "candidates", "seat", "seats", "senate", "midterm", "midterms", "electorate", "battleground", "win", "wins", "winning", "lose",
        "losing", "defeat", "beat", "contest", "electoral", "reelection", "re-election", "presidency", "majority",
    };

    /// <summary>
    /// In a report from before November, a bare "November" in a sentence about an election is the coming one: U.S.
    /// general elections are held then ("Republicans picking up the seat in November", "could fade by November"). A
    /// past tense keeps its own reading ("Obama carried the state in November").
    /// </summary>
    private static int? ElectionNovember(int mon, Candidate c, Context ctx)
    {
        if (mon != 11 || ctx.Narrative || ctx.Dct is not { } d || d.Month >= 11) return null;
        var text = ctx.Text;
        int s = c.Start, e = c.End;
        while (s > 0 && c.Start - s < 300 && text[s - 1] is not ('.' or '!' or '?' or '\n')) s--;
        // A past tense keeps its reading, unless a modal stands between it and the month: "the senator said the seat could
        // flip in November".
        if (TenseOf(c, ctx) == TenseHint.Past && !ModalBefore().IsMatch(text.AsSpan(s, c.Start - s))) return null;
        while (e < text.Length && e - c.End < 300 && text[e] is not ('.' or '!' or '?' or '\n')) e++;
        int i = s;
        while (i < e)
        {
            while (i < e && !char.IsLetter(text[i])) i++;
            int w = i;
            while (i < e && (char.IsLetter(text[i]) || text[i] == '-')) i++;
            if (i > w && ElectionWordLookup.Contains(text.AsSpan(w, i - w))) return d.Year;
        }
        return null;
    }

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> ElectionWordLookup = ElectionWords.GetAlternateLookup<ReadOnlySpan<char>>();

    // Days news names events by, with the nouns that make the day a name: "the Jan. 6 committee", "Sept. 11 hijackers".
    private static readonly (DateOnly Day, string[] Nouns)[] NamedEventDays =
    [
        (NineEleven, ["attack", "attacks", "hijackers", "hijacker", "commission", "victims", "memorial", "museum", "terrorist", "terror", "plotters", "plot", "families", "anniversary"]),
        (new DateOnly(2021, 1, 6), ["attack", "attacks", "insurrection", "insurrectionists", "riot", "riots", "rioter", "rioters", "committee", "panel", "hearing", "hearings",
            "defendant", "defendants", "report", "probe", "investigation", "prosecution", "prosecutions", "case", "cases", "pardon", "pardons", "mob", "siege", "participants", "anniversary"]),
        (new DateOnly(2023, 10, 7), ["attack", "attacks", "massacre", "massacres", "assault", "raid", "incursion", "atrocities", "hostages", "victims", "survivors", "anniversary"]),
    ];

    /// <summary>The event's day when a month and day without a year name it ("the Jan. 6 committee") in a text written after it.</summary>
    private static DateOnly? NamedEventDay(int mon, int day, Candidate c, Context ctx)
    {
        foreach (var (d, nouns) in NamedEventDays)
        {
            if (d.Month != mon || d.Day != day) continue;
            if (ctx.Dct is not { } dct || dct <= d || ctx.Narrative) return null;
            int p = c.End;
            if (PossessiveAt(ctx.Text, p)) p += 2; // "Jan. 6's attack"
            var next = NextWord(ctx.Text, p).ToLowerInvariant();
            if (Array.IndexOf(nouns, next) >= 0) return d;
            // "the attacks of 11 September", "the attack on Jan. 6".
            var prev = PrevWord(ctx.Text, c.Start, out int prevAt);
            if (prev is "of" or "on" && Array.IndexOf(nouns, PrevWord(ctx.Text, prevAt, out _).ToLowerInvariant()) >= 0) return d;
            // "Since September 11, security has tightened", written in the years right after it.
            if (d == NineEleven && prev is "since" or "after" or "before" or "post" && dct.Year - d.Year <= 5) return d;
            return null;
        }
        return null;
    }

    /// <param name="behind">The month cannot lie after the reference ("since December").</param>
    private static int? ResolveMonthYear(int mon, TenseHint tense, Context ctx, bool behind = false)
    {
        if (ctx.Narrative) return ctx.RefYear;
        if (ctx.Dct is not { } r) return null;
        if (behind) return mon > r.Month ? r.Year - 1 : r.Year;
        // Compare month starts: a month counts as ahead by the days from the DCT's month to it.
        int diffMonths = mon - r.Month;
        int ahead = AheadWindow(tense) / 30;
        if (diffMonths > ahead) return r.Year - 1;
        // A past tense never looks most of a year ahead: "in February" in a December report is this year's February.
        if (diffMonths < ahead - 11 && tense != TenseHint.Past) return r.Year + 1;
        return r.Year;
    }

    /// <param name="behind">The day cannot lie after the reference ("since Oct. 7").</param>
    private static DateOnly? ResolveMonthDay(int mon, int day, TenseHint tense, Context ctx, bool behind = false)
    {
        // No such day in any year ("April 31"): no date. 29 February in a common year is not 28 February: it is the
        // nearest leap year's, before the reference year unless the clause looks ahead.
        if (TryDate(2000, mon, day) is null) return null;
        static int Leap(int y, int step) { while (!DateTime.IsLeapYear(Math.Clamp(y, 1, 9999)) && y is > 1 and < 9999) y += step; return y; }
        if (ctx.Narrative)
        {
            if (ctx.RefYear is not { } y) return null;
            return TryDate(y, mon, day) ?? TryDate(Leap(y, -1), mon, day);
        }
        if (ctx.Dct is not { } r) return null;
        DateOnly? Make(int yy) => TryDate(yy, mon, day);
        // "In November 2005 riots spread. On 5 November, police …": a day of the month the text has just named with its
        // year, as an adverbial of time and with no date written since, is of that year, in news too.
        // Not a day the clause looks ahead to: "Endeavour will launch on April 29" after "first flew on April 12, 1981".
        if (tense != TenseHint.Future && ctx.HeadMonth is { } hm && hm.At == ctx.Written && hm.M == mon && hm.Y != r.Year && Make(hm.Y) is { } inSpoken) return inSpoken;
        var same = Make(r.Year);
        if (same is null) return Make(Leap(r.Year, tense == TenseHint.Future ? 1 : -1));
        int ahead = behind ? 0 : AheadWindow(tense);
        int diff = same.Value.DayNumber - r.DayNumber;
        if (diff > ahead) return Make(r.Year - 1);
        if (diff < ahead - 365 && tense != TenseHint.Past) return Make(r.Year + 1);
        return same;
    }

    private static int? RelYear(string q, Context ctx) => ctx.RefYear is not { } y ? null : q.ToLowerInvariant() switch
    {
        "last" or "previous" or "past" => y - 1,
        "next" or "coming" or "following" => y + 1,
        _ => y,
    };

    private static (int Y, int Q)? ReportQuarter(Context ctx)
    {
        if (ctx.LastQuarter is { } q) return q;
        if (ctx.Dct is not { } d) return null;
        // A company report speaks of the quarter just ended.
        int cq = QuarterOf(d.Month);
        return cq == 1 ? (d.Year - 1, 4) : (d.Year, cq - 1);
    }

    private static int? ResolveQuarterYear(int q, TenseHint tense, Context ctx)
    {
        if (ctx.Narrative) return ctx.RefYear;
        if (ctx.Dct is not { } d) return null;
        int cq = QuarterOf(d.Month);
        if (q > cq && tense == TenseHint.Past) return d.Year - 1;
        // In January a report's "fourth quarter" is the one just ended.
        if (cq == 1 && q == 4 && tense != TenseHint.Future) return d.Year - 1;
        return d.Year;
    }

    private Norm? NormalizeQuarter(Candidate c, Context ctx)
    {
        var g = c.Match.Groups;
        var quals = g[4].Value.ToLowerInvariant();
        bool hasThe = g[1].Success;
        int q = g[5].Success ? OrdinalNumber(g[5].Value) : 0;
        if (q == 0 && !hasThe && quals.Length == 0 && !g[2].Success && !g[3].Success) return null;
        if (c.Match.Value.EndsWith("quarters", StringComparison.OrdinalIgnoreCase)) return null;
        int? year = g[2].Success ? Int(g[2]) : g[6].Success ? Int(g[6]) : g[3].Success ? RelYear(g[3].Value, ctx) : g[7].Success ? RelYear(g[7].Value, ctx) : null;
        bool yearAgo = quals.Contains("year-ago", StringComparison.Ordinal) || quals.Contains("year-earlier", StringComparison.Ordinal);
        ctx.SawQuarter = true;
        if (q == 0)
        {
            var rq = ReportQuarter(ctx);
            if (rq is null) return new Norm(TimexType.Date, "XXXX-QX", Anchor: "none");
            var (ry, rqq) = rq.Value;
            if (quals.Contains("last", StringComparison.Ordinal) || quals.Contains("previous", StringComparison.Ordinal) || quals.Contains("prior", StringComparison.Ordinal) || quals.Contains("preceding", StringComparison.Ordinal))
            {
                if (!quals.Contains("latest", StringComparison.Ordinal) && !quals.Contains("just", StringComparison.Ordinal)) { rqq--; if (rqq == 0) { rqq = 4; ry--; } }
            }
            else if (quals.Contains("current", StringComparison.Ordinal) && ctx.Dct is { } d) (ry, rqq) = (d.Year, QuarterOf(d.Month));
            else if ((quals.Contains("latest", StringComparison.Ordinal) || quals.Contains("just", StringComparison.Ordinal) || quals.Contains("recent", StringComparison.Ordinal)) && ctx.Dct is { } d2)
                (ry, rqq) = QuarterOf(d2.Month) == 1 ? (d2.Year - 1, 4) : (d2.Year, QuarterOf(d2.Month) - 1);
            if (yearAgo) ry--;
            if (year is { } y) ry = y;
            return new Norm(TimexType.Date, Quarter(ry, rqq));
        }
        int yy;
        if (year is { } y0) yy = y0;
        else if (yearAgo && ReportQuarter(ctx) is { } rq2) yy = rq2.Y - 1;
        else if (ResolveQuarterYear(q, TenseOf(c, ctx), ctx) is { } y1) yy = y1;
        else return new Norm(TimexType.Date, $"XXXX-Q{q}", Anchor: "none");
        if (!yearAgo) ctx.LastQuarter = (yy, q);
        int skip = 0;
        // TimeML leaves "the" out of an adjective's extent: "the [third-quarter] results".
        if (hasThe && quals.Length == 0 && !g[2].Success && !g[3].Success && g[5].Index + g[5].Length < ctx.Text.Length && ctx.Text[g[5].Index + g[5].Length] == '-')
            skip = g[5].Index - c.Start;
        return new Norm(TimexType.Date, Quarter(yy, q)) { Skip = skip };
    }

    private static int OrdinalNumber(string s) => s.ToLowerInvariant() switch
    {
        "first" or "1st" => 1, "second" or "2nd" => 2, "third" or "3rd" => 3, "fourth" or "4th" => 4, _ => 0,
    };

    private Norm? NormalizeRelative(Candidate c, Context ctx)
    {
        var g = c.Match.Groups;
        var q = System.Text.RegularExpressions.Regex.Replace(g[1].Value.ToLowerInvariant(), @"^the\s+", "");
        bool the = g[1].Value.StartsWith("the", StringComparison.OrdinalIgnoreCase);
        var what = g[2].Value;
        if (ctx.AncientYear is { } ay) return NormalizeAncientRelative(q, what, ay, ctx);
        var r = q is "following" or "same" or "preceding" or "previous" ? (ctx.LastDay ?? ctx.RefDay) : ctx.RefDay;
        if (r is null) return null;
        var rd = r.Value;
        int dir = q switch { "last" or "past" or "previous" or "preceding" or "this past" => -1, "next" or "coming" or "following" or "this coming" => 1, _ => 0 };
        var unitWord = what.ToLowerInvariant();
        if (unitWord is "week" or "year")
        {
            // "fell 5% last week from the previous week", "rose last year; the previous year they fell": an anaphoric
            // week or year close after a relative one of the same unit counts from it.
            if (q is "previous" or "preceding" or "following" or "same" && ctx.LastRelative is { } lr && lr.Unit == unitWord && c.Start - lr.End is >= 0 and <= 200
                && !ctx.Text.AsSpan(lr.End, c.Start - lr.End).ContainsAny('\n', '\r'))
                rd = lr.Day;
            else if (q is "last" or "next" or "this" or "past" or "coming" && !the && (unitWord == "week" ? AddDays(rd, 7 * dir) : TryDate(rd.Year + dir, 1, 1)) is { } named)
                ctx.LastRelative = (unitWord, named, c.End);
            if (q is "same" && ctx.LastRelative is { } same && same.Unit == unitWord && rd == same.Day)
                return new Norm(TimexType.Date, unitWord == "week" ? Week(rd) : Year(rd.Year));
        }
        int mon = MonthNumber(what), wd = WeekdayNumber(what);
        if (char.IsUpper(what[0]) && what.Length >= 3 && wd > 0 && (what.EndsWith("day", StringComparison.Ordinal) || what.EndsWith('.')))
        {
            var d = ResolveWeekday(wd, q, TenseOf(c, ctx), rd);
            if (d is null) return null;
            ctx.LastDay = d;
            return new Norm(TimexType.Date, Day(d.Value));
        }
        if (char.IsUpper(what[0]) && mon > 0)
        {
            int y = dir < 0 ? (mon < rd.Month ? rd.Year : rd.Year - 1) : dir > 0 ? (mon > rd.Month ? rd.Year : rd.Year + 1) : rd.Year;
            return new Norm(TimexType.Date, Month(y, mon));
        }
        var w = what.ToLowerInvariant();
        switch (w)
        {
            // "the past fortnight", "the next fortnight": two weeks back or ahead, a span rather than a calendar week.
            case "fortnight":
                return new Norm(TimexType.Duration, "P2W", Anchor: "none");
            case "week":
                return AddDays(rd, 7 * dir) is { } dw ? new Norm(TimexType.Date, Week(dw)) : null;
            case "weekend":
                return AddDays(WeekendOf(rd, dir > 0 ? TenseHint.Future : dir < 0 ? TenseHint.Past : TenseOf(c, ctx)), dir > 0 ? 0 : 0) is { } de ? new Norm(TimexType.Date, Week(dir > 0 && IsoDow(rd) >= 6 ? AddDays(de, 7) ?? de : de) + "-WE") : null;
            case "month":
            {
                // "April 2005 (the same month that Git ...)": the month last written, not an earlier full date's month; but
                // "a truce on June 17, 1962. In the same month" is June's. "In March, … The following month": after a month
                // written later than any full date, count from that month.
                var (y, mm) = q is "same" && ctx.LastMonth is { } lm && (ctx.LastDay is null || ctx.LastMonthWritten > ctx.LastDayWritten) ? lm
                    : q is "following" or "previous" or "preceding" && ctx.LastMonth is { } lmf && ctx.LastMonthWritten > ctx.LastDayWritten ? AddMonths(lmf.Y, lmf.M, dir)
                    : AddMonths(rd.Year, rd.Month, dir);
                return new Norm(TimexType.Date, Month(y, mm));
            }
            case "year":
                if (q is "same" && ctx.LastYear is { } ly) return new Norm(TimexType.Date, Year(ly));
                // "diagnosed in 2005 and given the all-clear the next year": in a past-tense clause "the next year" follows
                // the year last written; in a forecast ("over the next year") it is the year after the reference date.
                if (the && q is "next" && ctx.LastYear is { } lyn && lyn != rd.Year && TenseOf(c, ctx) == TenseHint.Past)
                    return new Norm(TimexType.Date, Year(lyn + 1), Anchor: "ref");
                return new Norm(TimexType.Date, Year(rd.Year + dir));
            case "quarter":
            {
                int qq = QuarterOf(rd.Month) + dir, y = rd.Year;
                if (qq == 0) { qq = 4; y--; } else if (qq == 5) { qq = 1; y++; }
                ctx.SawQuarter = true;
                return new Norm(TimexType.Date, Quarter(y, qq));
            }
            case "decade":
                // "the past decade" runs up to now: the ten years, a DURATION (as "the past five years" is); "the last decade"
                // is read as TimeBank does, the calendar decade before this one.
                if (q is "past" or "this past") return new Norm(TimexType.Duration, "P10Y", Anchor: "none");
                return new Norm(TimexType.Date, (rd.Year / 10 + dir).ToString(CultureInfo.InvariantCulture));
            case "century":
                // Likewise "the past century": the hundred years up to now ("one of the significant events of the past century").
                if (q is "past" or "this past") return new Norm(TimexType.Duration, "P100Y", Anchor: "none");
                return new Norm(TimexType.Date, (rd.Year / 100 + dir).ToString("D2", CultureInfo.InvariantCulture));
            default: // seasons
            {
                var code = SeasonCode(w);
                int cur = SeasonIndex(rd.Month), idx = SeasonIndex(code);
                int y = dir < 0 ? (idx < cur ? rd.Year : rd.Year - 1) : dir > 0 ? (idx > cur ? rd.Year : rd.Year + 1) : rd.Year;
                return new Norm(TimexType.Date, Year(y) + "-" + code);
            }
        }
    }

    // "the following year", "the previous decade", "the next spring" in a history of antiquity, from the BC year last
    // written (astronomical): BC years count down, so the following year of 490 BC is 489 BC.
    private static Norm? NormalizeAncientRelative(string q, string what, int year, Context ctx)
    {
        int dir = q switch { "last" or "past" or "previous" or "preceding" or "this past" => -1, "next" or "coming" or "following" or "this coming" => 1, _ => 0 };
        int mon = MonthNumber(what);
        if (char.IsUpper(what[0]) && mon > 0) return new Norm(TimexType.Date, Month(year + (dir > 0 ? 1 : dir < 0 ? -1 : 0), mon), Anchor: "ref");
        switch (what.ToLowerInvariant())
        {
            case "year":
                // "The following year … a campaign for the following year": the story moves on a year each time.
                ctx.LastYear = year + dir;
                return new Norm(TimexType.Date, Year(year + dir), Anchor: "ref");
            case "decade":
            {
                // Decades of antiquity run down too: the 490s BC ("BC049") are followed by the 480s BC ("BC048").
                int bcDecade = BcYear(year) / 10 - dir;
                return bcDecade < 0 ? null : new Norm(TimexType.Date, "BC" + bcDecade.ToString("D3", CultureInfo.InvariantCulture), Anchor: "ref");
            }
            case "spring" or "summer" or "fall" or "autumn" or "winter":
                return new Norm(TimexType.Date, Year(year + dir) + "-" + SeasonCode(what.ToLowerInvariant()), Anchor: "ref");
            default:
                return null; // weeks and weekdays of antiquity: no date to count from
        }
    }

    private Norm? NormalizeAgo(Candidate c, Context ctx)
    {
        var g = c.Match.Groups;
        var unit = g[2].Value.ToLowerInvariant();
        // "five years previously", "two days afterwards" count from the story's date as "earlier" and "later" do.
        var dirWord = g[3].Value.ToLowerInvariant() switch { "previously" => "earlier", "afterward" or "afterwards" or "thereafter" => "later", var w => w };
        bool vague = !g[1].Success || g[1].Value.ToLowerInvariant() is "several" or "few" or "a few" or "some" or "many" or "a couple of" or "couple of";
        double? n = g[1].Success ? ParseNumber(g[1].Value) : null;
        if (g[1].Value.Equals("a couple of", StringComparison.OrdinalIgnoreCase)) { n = 2; vague = false; }
        if (dirWord is "before" or "after")
        {
            // "two years after the war": a duration with a signal, unless nothing follows ("two days after").
            var next = NextWord(ctx.Text, c.End);
            if (next.Length > 0 && char.IsLetter(next[0])) return new Norm(TimexType.Duration, DurationValue(vague ? null : n, unit), Anchor: "none");
            dirWord = dirWord == "before" ? "earlier" : "later";
        }
        bool fromRef = dirWord is "earlier" or "later";
        int sign = dirWord is "ago" or "earlier" ? -1 : 1;
        var baseDay = fromRef ? (ctx.LastDay ?? ctx.RefDay) : ctx.Dct;
        if (unit.EndsWith('s')) unit = unit[..^1];
        if (vague || n is null)
        {
            // "Hours later", "a few minutes later": a time of the day the story is on, as "an hour later" is.
            if (fromRef && unit is "hour" or "minute" && baseDay is { } hb) return new Norm(TimexType.Time, Day(hb) + "TXX", Anchor: "ref");
            if (unit is "year" or "decade" or "century" && !vague && g[1].Success) return null;
            return new Norm(TimexType.Date, sign < 0 ? "PAST_REF" : "FUTURE_REF");
        }
        // "a decade earlier", "14 years later" in a history of antiquity count from the BC year last written.
        if (fromRef && !vague && n is { } na && ctx.AncientYear is { } ay && unit.TrimEnd('s') is "year" or "decade" or "century")
        {
            int years = (int)Math.Round(na) * sign * (unit.StartsWith("decade", StringComparison.Ordinal) ? 10 : unit.StartsWith("centur", StringComparison.Ordinal) ? 100 : 1);
            // As in AD: "N years later" moves the story; a decade or a century is too rough a reckoning to.
            if (unit.StartsWith("year", StringComparison.Ordinal)) ctx.LastYear = ay + years;
            return new Norm(TimexType.Date, Year(ay + years), Anchor: "ref");
        }
        if (baseDay is null) return new Norm(TimexType.Date, sign < 0 ? "PAST_REF" : "FUTURE_REF", Anchor: "none");
        var b = baseDay.Value;
        int k = (int)Math.Round(n.Value) * sign;
        // "a fortnight ago" is two weeks ago.
        if (unit == "fortnight") (unit, k) = ("week", 2 * k);
        string anchor = fromRef ? "ref" : "dct";
        // Financial reports: "a year ago/earlier" is the year-ago quarter.
        if (unit == "year" && Math.Abs(k) == 1 && sign < 0 && ctx.SawQuarter && ReportQuarter(ctx) is { } rq)
            return new Norm(TimexType.Date, Quarter(rq.Y - 1, rq.Q), Anchor: anchor);
        // In a history that has named only a year since its last full date, "three days later" is a day of that year
        // whose date the text does not give (counting from 1 January would invent one).
        if (fromRef && ctx.Narrative && unit is "day" or "night" or "week" && ctx.LastYear is { } onlyYear
            && (ctx.LastDay is not { } ld || ctx.LastYearWritten > ctx.LastDayWritten && ld.Year != onlyYear))
            return new Norm(TimexType.Date, Year(onlyYear) + (unit == "week" ? "-WXX" : "-XX-XX"), Anchor: "ref");
        switch (unit)
        {
            case "day" or "night":
            {
                var d = AddDays(b, k);
                if (d is null) return null;
                if (fromRef) ctx.LastDay = d;
                return new Norm(TimexType.Date, Day(d.Value), Anchor: anchor);
            }
            case "week":
            {
                var d = AddDays(b, 7 * k);
                return d is null ? null : new Norm(TimexType.Date, Week(d.Value), Anchor: anchor);
            }
            case "month":
            {
                // "in July of 1977. Four months later": months later count from the month written last, when it was written
                // after the last full date (as years later count from the year written last).
                var (by, bm) = fromRef && ctx.LastMonth is { } lm && ctx.LastMonthWritten > ctx.LastDayWritten ? lm : (b.Year, b.Month);
                var (y, mm) = AddMonths(by, bm, k);
                return y is < 1 or > 9999 ? null : new Norm(TimexType.Date, Month(y, mm), Anchor: anchor);
            }
            case "quarter":
            {
                var (y, mm) = AddMonths(b.Year, b.Month, 3 * k);
                return new Norm(TimexType.Date, Quarter(y, QuarterOf(mm)), Anchor: anchor);
            }
            case "year":
            {
                // "met in 2009 and married six years later": years later count from the year last written, in news as in
                // histories, not from the report's date.
                int y = (fromRef ? RefYearForLater(ctx, b) : b.Year) + k;
                // "six years later" moves the story on; "just over a year earlier" looks back from it and the story stays.
                if (fromRef && k > 0) ctx.LastYear = y;
                return new Norm(TimexType.Date, Year(y), Anchor: anchor);
            }
            case "decade":
            {
                // "a decade ago" is the year ten years back, as "ten years ago" is, not the calendar decade ("198") around it;
                // so rough a reckoning does not move the reference year.
                return new Norm(TimexType.Date, Year((fromRef ? RefYearForLater(ctx, b) : b.Year) + 10 * k), Anchor: anchor);
            }
            case "hour" or "minute" or "second":
                // "an hour later": a time of that day whose clock the text does not give (a TIME value names its hour).
                return new Norm(TimexType.Time, Day(b) + "TXX", Anchor: anchor);
            default:
                return new Norm(TimexType.Date, sign < 0 ? "PAST_REF" : "FUTURE_REF");
        }
    }

    // The year "N years later/earlier" counts from: the year last written when the last full date is of another year.
    private static int RefYearForLater(Context ctx, DateOnly baseDay) =>
        ctx.LastYear is { } ly && (ctx.LastDay is null || ctx.LastDay.Value.Year != ly && ctx.LastYearWritten > ctx.LastDayWritten) ? ly : baseDay.Year;

    private DateOnly? DayFromWord(string w, Candidate c, Context ctx)
    {
        var dct = ctx.Dct;
        var lw = w.ToLowerInvariant();
        if (dct is null) return null;
        if (lw is "today" or "tonight") return dct;
        if (lw == "yesterday") return AddDays(dct.Value, -1);
        if (lw == "tomorrow") return AddDays(dct.Value, 1);
        int wd = WeekdayNumber(w);
        if (wd > 0 && char.IsUpper(w[0]) && !char.IsDigit(w[^1])) return ResolveWeekday(wd, "", TenseOf(c, ctx), ctx.Narrative ? ctx.LastDay ?? dct.Value : dct.Value);
        var mm = Regex.Match(w, @"^(\S+?)\.?\s*(\d{1,2})(?:,?\s*(\d{4}))?$");
        if (mm.Success && MonthNumber(mm.Groups[1].Value) is > 0 and var mon)
            return mm.Groups[3].Success ? TryDate(Int(mm.Groups[3]), mon, Int(mm.Groups[2])) : ResolveMonthDay(mon, Int(mm.Groups[2]), TenseOf(c, ctx), ctx);
        return null;
    }

    /// <summary>
    /// "In April and June 1955", "from December to February 1943", "26 June - 4 August 1952": a month or a day joined to
    /// one with its year takes that year (the year before when it comes later in the calendar than the month it runs to).
    /// </summary>
    private static int? YearOfRangeEnd(int mon, Candidate c, Context ctx)
    {
        var m = RangeEndYear().Match(ctx.Text, c.End);
        if (!m.Success || MonthNumber(m.Groups["m"].Value) is not (> 0 and var other)) return null;
        int y = Int(m.Groups["y"]);
        return mon <= other ? y : y - 1;
    }

    [GeneratedRegex(@"\G\s*,?\s*(?:and|or|to|through|into|-|\u2013)\s*(?:the\s+|early\s+|late\s+)?(?:spring|summer|fall|autumn|winter)\s+(?:of\s+)?(?:(\d{4})\b|(this|last|next)\s+year\b)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SeasonPairYear();

    // A list runs on through commas: "January, February and March 2016".
    [GeneratedRegex(@"\G(?:\s*,\s*(?:" + Mon + @")\b\.?(?!\s*\d))*\)?,?\s*(?:and|or|to|through|until|till|-|\u2013|\u2014)\s*(?:(?<m>" + Mon + @")(?:\s*\d{1,2}(?:st|nd|rd|th)?)?|\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?(?<m>" + Mon + @")),?\s+(?:(?:in|of)\s+)?(?<y>\d{4})\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex RangeEndYear();

    [GeneratedRegex(@"\G\s+(?:(?:that|this|tomorrow|yesterday|on\s+\w+|(?:mon|tues|wednes|thurs|fri|satur|sun)day)\s+(?:evening|night|afternoon)|at\s+night|tonight)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex EveningAfterClock();

    [GeneratedRegex(@"\G,?\s+(?-i:(Eastern|Central|Mountain|Pacific))\s+(?:(Standard|Daylight|standard|daylight)\s+)?[Tt]ime\b", RegexOptions.CultureInvariant)]
    private static partial Regex UsZoneName();

    /// <summary>In a history, the year and month the story was last put at (the later written of the last date and month,
    /// unless a bare year was written after both); null when only a year is known.</summary>
    private static (int Y, int M)? NarrativeMonth(Context ctx)
    {
        if (ctx.LastYearWritten > Math.Max(ctx.LastDayWritten, ctx.LastMonthWritten)) return null;
        if (ctx.LastMonth is { } lm && ctx.LastMonthWritten > ctx.LastDayWritten) return lm;
        return ctx.LastDay is { } ld ? (ld.Year, ld.Month) : null;
    }

    /// <summary>Whether <paramref name="pos"/> lies inside a double quotation opened earlier in its paragraph (looked for
    /// within 600 characters, so an endless paragraph is not scanned once per expression).</summary>
    private static bool InsideQuotation(string text, int pos)
    {
        int limit = Math.Max(0, pos - 600);
        int start = pos > 0 ? text.LastIndexOf('\n', pos - 1, pos - limit) : -1;
        if (start < 0) start = limit - 1;
        bool open = false;
        for (int i = start + 1; i < pos; i++)
        {
            char ch = text[i];
            if (ch == '\u201C') open = true;
            else if (ch == '\u201D') open = false;
            else if (ch == '"') open = !open;
        }
        return open;
    }

    /// <summary>The hour (0–23) of the clock time a parenthesis opening just before <paramref name="at"/> follows ("4:30 a.m. local time (").</summary>
    private static int? LocalClockBefore(string text, int at)
    {
        int from = Math.Max(0, at - 40);
        var m = ClockBeforeParenthesis().Match(text, from, at - from);
        if (!m.Success) return null;
        int h = Int(m.Groups[1]);
        if (h is < 1 or > 12) return null;
        bool pm = m.Groups[2].Value.Equals("p", StringComparison.OrdinalIgnoreCase);
        return pm ? h % 12 + 12 : h % 12;
    }

    [GeneratedRegex(@"\b(\d{1,2})(?::[0-5]\d)?\s*([ap])\.?m\.?(?:\s+(?:local|[A-Z][a-z]+)\s+time)?,?\s*\(\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ClockBeforeParenthesis();

    private Norm? NormalizeTime(Candidate c, Context ctx)
    {
        var g = c.Match.Groups;
        int h = Int(g[1]);
        int mi = g[2].Success ? Int(g[2]) : 0;
        if (mi is < 0 or > 59) return null;
        if (g[3].Success)
        {
            if (h is < 1 or > 12) return null;
            bool pm = g[3].Value.Equals("p", StringComparison.OrdinalIgnoreCase);
            if (pm && h != 12) h += 12;
            if (!pm && h == 12) h = 0;
        }
        else if (h > 24) return null;
        // "4 in the morning", "8 o'clock in the evening": the part of the day sets a.m. or p.m.
        if (!g[3].Success && g["pod"].Success && h is >= 1 and <= 12)
        {
            if (g["pod"].Value.Equals("morning", StringComparison.OrdinalIgnoreCase)) { if (h == 12) h = 0; }
            else if (h != 12) h += 12;
        }
        // "by 6:30 that evening", "10:00 at night": a later part of the day written after the clock (its own TIMEX3) sets p.m.
        else if (!g[3].Success && h is >= 1 and <= 11 && (EveningAfterClock().IsMatch(ctx.Text, c.End) || g[6].Value.Equals("tonight", StringComparison.OrdinalIgnoreCase))) h += 12;
        // A time without its own day takes the day last spoken of (the reference time), else the DCT's; the anchor says which.
        // "5:34 AM Baghdad time on March 20, 2003", "9 p.m. local time on Friday": the day after a named local time dates the
        // clock time, which TimeML annotates without it (the day is a TIMEX of its own).
        var dayWord = g[6].Success ? g[6] : LocalTimeDay().Match(ctx.Text, c.End) is { Success: true } later ? later.Groups[1] : null;
        // "As of 7.30 am, there are 88 flood warnings": a status as the report is written, on its own day.
        bool asOf = dayWord is null && !ctx.Narrative && ctx.Dct is not null && PrevWord(ctx.Text, c.Start, out int ofAt) == "of" && PrevWord(ctx.Text, ofAt, out _) == "as";
        bool fromRef = dayWord is null && ctx.LastDay is not null && !asOf;
        var d = dayWord is not null ? DayFromWord(dayWord.Value, c, ctx) : asOf ? ctx.Dct : ctx.Narrative ? ctx.LastDay : ctx.LastDay ?? ctx.Dct;
        // "06:03:48 PM" in a mail header keeps its seconds.
        var t = g["sec"].Success ? string.Create(CultureInfo.InvariantCulture, $"T{h:D2}:{mi:D2}:{g["sec"].Value}") : string.Create(CultureInfo.InvariantCulture, $"T{h:D2}:{mi:D2}");
        // "ET" is EDT or EST by the date (the clock time decides on the days the clocks change); so is "Eastern time"
        // written after the clock time, outside the expression as "local time" is.
        TimeSpan? zone = g[5].Success ? TimeZones.Offset(g[5].Value, d, new TimeOnly(h % 24, mi))
            : UsZoneName().Match(ctx.Text, c.End) is { Success: true } named ? TimeZones.Offset(named.Groups[1].Value[..1] + named.Groups[2].Value switch { "Standard" or "standard" => "ST", "Daylight" or "daylight" => "DT", _ => "T" }, d, new TimeOnly(h % 24, mi))
            : null;
        if (d is null) return new Norm(TimexType.Time, "XXXX-XX-XX" + t, Anchor: "none", Zone: zone);
        // "on March 20, 2003" dates the time outright: no anchor.
        bool absolute = dayWord is not null && dayWord.Length >= 4 && char.IsAsciiDigit(dayWord.Value[^1]) && char.IsAsciiDigit(dayWord.Value[^4]);
        return new Norm(TimexType.Time, Day(d.Value) + t, Anchor: absolute ? "none" : fromRef || ctx.Narrative ? "ref" : "dct", Zone: zone);
    }
}
