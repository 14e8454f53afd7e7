using System.Collections.Frozen;
using System.Globalization;
using System.Text.RegularExpressions;
using Sitrep.Core;

namespace Sitrep.Time;

/// <summary>
/// Finds and normalizes TIMEX3 expressions in English news text: one regex per rule over the raw text, longest
/// non-overlapping candidates kept, modifiers attached on the left, then each normalized in text order against
/// the document creation time (DCT) and the locally current reference time, with the clause's tense deciding
/// the direction of weekdays and months. Stateless and thread-safe; never throws on odd input.
/// </summary>
public sealed partial class TimexTagger
{
    /// <summary>Recorded with every output; bump when rules or normalization change.</summary>
    public const string Version = "timex-rules/12";

    public static TimexTagger Default { get; } = new();

    /// <summary>
    /// Annotates <paramref name="text"/> against its creation time <paramref name="dct"/>. Without a DCT every part of a
    /// value that only the DCT could fix is left unknown ("last year" <c>XXXX</c>, "on Friday" <c>XXXX-WXX-5</c>, "in
    /// March" <c>XXXX-03</c>; see <see cref="UnanchoredValues"/>), and the anchor is "none" or the text's own ("ref").
    /// </summary>
    public IReadOnlyList<Timex> Annotate(string text, DateOnly? dct, ITenseHints? tense = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length == 0) return [];
        if (dct is { } known) return Annotate(text, known, IsNarrative(text, known), tense);
        // Resolve against two creation times far apart, and keep of each value only what both agree on: what the text
        // itself fixes. A report's own days stay unknown; a history's months and days still follow the years it writes.
        bool narrative = IsNarrativeWithoutDct(text);
        var early = Annotate(text, UnanchoredValues.EarlyProbe, narrative, tense);
        var late = Annotate(text, UnanchoredValues.LateProbe, narrative, tense);
        return UnanchoredValues.Merge(early, late);
    }

    private IReadOnlyList<Timex> Annotate(string text, DateOnly dct, bool narrative, ITenseHints? tense)
    {
        var candidates = new List<Candidate>(32);
        CollectAll(text, ulong.MaxValue, candidates);
        // Longest first (ties: earlier rule), then greedily keep those that overlap nothing kept.
        candidates.Sort((a, b) => b.Length != a.Length ? b.Length.CompareTo(a.Length) : a.Start != b.Start ? a.Start.CompareTo(b.Start) : a.Rule.CompareTo(b.Rule));
        var kept = new List<Candidate>();
        var taken = new bool[text.Length];
        foreach (var c in candidates)
        {
            bool free = true;
            for (int i = c.Start; i < c.End && free; i++) free = !taken[i];
            if (!free) continue;
            for (int i = c.Start; i < c.End; i++) taken[i] = true;
            kept.Add(c);
        }
        kept.Sort((a, b) => a.Start.CompareTo(b.Start));
        // A wire dateline ("JOHANNESBURG, August 7 (Xinhua) --") gives the day the report speaks from, which can
        // precede the DCT by a day; relative expressions count from it.
        var reference = DatelineDate(text, dct) ?? dct;
        var ctx = new Context(text, reference, tense ?? new LazyHeuristicTense(text), narrative) { CentralYears = narrative ? CentralYears(text) : null };
        var result = new List<Timex>(kept.Count);
        int prevEnd = 0;
        foreach (var c in kept)
        {
            Norm? n;
            try { n = Normalize(c, ctx); }
            catch (Exception e) when (e is ArgumentException or FormatException or OverflowException or InvalidOperationException) { n = null; }
            if (n is null) continue;
            // The year last spoken of, however it was written ("last year", "2019"): "the year before" is the one before it.
            if (n.Type == TimexType.Date && n.Value.Length == 4 && int.TryParse(n.Value, NumberStyles.None, CultureInfo.InvariantCulture, out int spokenYear)) ctx.YearSpoken = spokenYear;
            // "In November 2005 …", "on Nov. 3, 2005, …": a month written with its year as an adverbial of time sets the
            // year of a bare day of that month that follows ("On 5 November"); "the August 1988 cease-fire" does not.
            if (n.Type == TimexType.Date && n.Value.Length >= 7 && n.Value[4] == '-' && char.IsAsciiDigit(n.Value[5]) && int.TryParse(n.Value.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out int hy)
                && int.TryParse(n.Value.AsSpan(5, 2), NumberStyles.None, CultureInfo.InvariantCulture, out int hm)
                && c.Match.Value.Contains(n.Value.AsSpan(0, 4), StringComparison.Ordinal) && PrevWord(text, c.Start, out _).ToLowerInvariant() is "in" or "on" or "since" or "during" or "from" or "by")
                ctx.HeadMonth = (hy, hm, ctx.Written);
            int start = c.Start + Math.Clamp(n.Skip, 0, c.Length - 1);
            int end = n.EndAt is { } ea && ea > start && ea <= c.End ? ea : c.End;
            string? mod = n.Mod;
            // "the week of March 6" is that ISO week; "the day before last Tuesday", "the day after Christmas" shift the date a
            // day; "the night of Aug. 29", "the early hours of 30 April" are that day's part (a TIME).
            if (n.Type == TimexType.Date && n.Second is null && n.Value.Length == 10 && char.IsAsciiDigit(n.Value[0]) && DateOnly.TryParseExact(n.Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            {
                int from = Math.Max(prevEnd, start - 40);
                var la = LeftAnchor().Match(text, from, start - from);
                if (la.Success)
                {
                    if (la.Groups[3].Success || la.Groups[4].Success)
                    {
                        // "the early hours of Sunday": the small hours after midnight.
                        var part = la.Groups[3].Success ? la.Groups[3].Value : "night";
                        n = n with { Type = TimexType.Time, Value = n.Value + "T" + PartCode(part) };
                        start = la.Index;
                    }
                    else
                    {
                        var shifted = la.Groups[1].Success ? TimexCalendar.Week(day) : TimexCalendar.AddDays(day, la.Groups[2].Value.Equals("before", StringComparison.OrdinalIgnoreCase) ? -1 : 1) is { } sd ? TimexCalendar.Day(sd) : null;
                        if (shifted is not null) { n = n with { Value = shifted }; start = la.Index; }
                    }
                }
            }
            // A range of lengths: "the next 12 to 18 months" is one DURATION with an unspecified number, as TimeBank writes it
            // (PXM); "5-7 minutes", "two to six days", "ten or fifteen years" give the low end its own DURATION in the high
            // end's unit, as TimeBank and WikiWars write "two" P2D, "six days" P6D.
            Timex? lowEnd = null;
            if (n.Type == TimexType.Duration && n.Mod is null && SimpleDuration().IsMatch(n.Value))
            {
                int from = Math.Max(prevEnd, start - 40);
                if (RangeLow().Match(text, from, start - from) is { Success: true } low)
                {
                    if (low.Groups["the"].Success)
                    {
                        n = n with { Value = SimpleDuration().Replace(n.Value, "$1X$2") };
                        start = low.Index;
                    }
                    else if (ParseNumber(low.Groups["low"].Value) is { } lowN && lowN >= 1 && lowN == Math.Floor(lowN))
                    {
                        var lowValue = SimpleDuration().Replace(n.Value, "${1}" + lowN.ToString("0", CultureInfo.InvariantCulture) + "$2");
                        lowEnd = new Timex(new TextSpan(low.Groups["low"].Index, low.Groups["low"].Index + low.Groups["low"].Length), TimexType.Duration, lowValue, null, n.Anchor);
                    }
                }
            }
            // Left modifiers: "early", "the end of", "about", "more than" (not for fuzzy references or sets).
            if (n.Type != TimexType.Set && !n.Value.EndsWith("_REF", StringComparison.Ordinal))
            {
                for (int guard = 0; guard < 2; guard++)
                {
                    int from = Math.Max(prevEnd, start - 40);
                    if (!EndsWithModifierWord(text, start)) break;
                    var mm = ModifierBefore().Match(text, from, start - from);
                    if (!mm.Success) break;
                    var word = mm.Groups["m"].Value.ToLowerInvariant();
                    // "early in 1862", "later in the year": the position word is the modifier.
                    if (word.EndsWith(" in", StringComparison.Ordinal)) word = word[..word.IndexOf(' ', StringComparison.Ordinal)];
                    string whole = mm.Value.ToLowerInvariant();
                    var m2 = ModFor(whole, word, n.Type);
                    if (m2 is null) break;
                    // "the beginning of today's hearing", "the end of this year's session": the part is the event's, not the day's.
                    if (m2 is "START" or "END" or "MID" && end + 1 < text.Length && text[end] is '\'' or '\u2019' && text[end + 1] == 's') break;
                    // "over a week", "over an hour" are more than one; "over three years", "over 42 days" mostly mean during.
                    // "for over 50 years" is more than fifty, whatever the number.
                    // "over 24 hours ago" is more than that long ago.
                    if (word == "over" && !OverOneUnit().IsMatch(text.AsSpan(start, end - start)) && PrevWord(text, mm.Index, out _) != "for"
                        && !text.AsSpan(start, end - start).EndsWith(" ago", StringComparison.OrdinalIgnoreCase)) break;
                    // Quantity modifiers only before quantities, not before "the past two years" ("over the past …").
                    // "around Nov. 1", "around March 1981": an approximate calendar date takes its "around" too.
                    if (m2 is "APPROX" or "LESS_THAN" or "MORE_THAN" or "EQUAL_OR_MORE" or "EQUAL_OR_LESS" && !StartsWithQuantity(text, start)
                        && !(m2 == "APPROX" && n.Type == TimexType.Date && MonthNumber(NextWord(text, start)) > 0 && char.IsUpper(text[start]))) break;
                    start = mm.Index;
                    if (m2 != "HALF") mod ??= m2;
                    if (whole.Contains("first half", StringComparison.Ordinal) && n.Value.Length == 4) n = n with { Value = n.Value + "-H1" };
                    else if ((whole.Contains("second half", StringComparison.Ordinal) || whole.Contains("last half", StringComparison.Ordinal) || whole.Contains("latter half", StringComparison.Ordinal)) && n.Value.Length == 4) n = n with { Value = n.Value + "-H2" };
                }
            }
            var timex = new Timex(new TextSpan(start, end), n.Type, n.Value, mod, n.Anchor) { ZoneOffset = n.Zone, Quant = n.Quant, Freq = n.Freq };
            // "30 Aug 2023, 11:10 PM IST": a calendar date and the clock time right after it are one TIME.
            if (timex.Type == TimexType.Time && result.Count > 0 && result[^1] is { Type: TimexType.Date } prev && prev.Value.Length == 10
                && char.IsDigit(prev.Value[0]) && timex.Value.IndexOf('T', StringComparison.Ordinal) is var ti and > 0
                && IsDateTimeGap(text.AsSpan(prev.Span.End, timex.Span.Start - prev.Span.End)))
            {
                result[^1] = timex with { Span = new TextSpan(prev.Span.Start, timex.Span.End), Value = prev.Value + timex.Value[ti..], Anchor = prev.Anchor };
            }
            else
            {
                // "14:00 GMT on 5 September", "noon on Friday": the clock time takes the day written right after it (a
                // time that named its own day has consumed it already). Both stay TIMEX3s, as TimeML corpora tag them.
                if (timex.Type == TimexType.Date && timex.Value.Length == 10 && char.IsDigit(timex.Value[0]) && result.Count > 0
                    && result[^1] is { Type: TimexType.Time } time && time.Value.IndexOf('T', StringComparison.Ordinal) is var tt and > 0
                    && IsTimeDateGap(text.AsSpan(time.Span.End, timex.Span.Start - time.Span.End)))
                    result[^1] = time with { Value = timex.Value + time.Value[tt..], Anchor = timex.Anchor };
                // "15 hours and 15 minutes", "two years, three months": one length in several units is one DURATION.
                if (result.Count > 0 && result[^1] is { Type: TimexType.Duration } whole && timex is { Type: TimexType.Duration, Mod: null }
                    && IsUnitsGap(text.AsSpan(whole.Span.End, timex.Span.Start - whole.Span.End), text.AsSpan(whole.Span.Start, whole.Span.Length))
                    && TimexCalendar.AddDurations(whole.Value, timex.Value) is { } sum)
                {
                    result[^1] = whole with { Span = new TextSpan(whole.Span.Start, timex.Span.End), Value = sum };
                    prevEnd = c.End;
                    continue;
                }
                // "Two weeks later, on February 9": the date in apposition says which day the relative expression meant.
                if (timex is { Type: TimexType.Date, Value.Length: 10 } && char.IsAsciiDigit(timex.Value[0]) && result.Count > 0
                    && result[^1] is { Type: TimexType.Date } rel && rel.Value != timex.Value && EndsRelative(text.AsSpan(rel.Span.Start, rel.Span.Length))
                    && text.AsSpan(rel.Span.End, timex.Span.Start - rel.Span.End).Trim() is var apposition && apposition is ", on" or "," or ", in")
                    result[^1] = rel with { Value = timex.Value, Anchor = timex.Anchor };
                if (lowEnd is not null) result.Add(lowEnd);
                if (result.Count > 0 && OrderRange(text, result[^1], timex) is { } ordered) (result[^1], timex) = ordered;
                if (result.Count > 0 && ShareClockDay(text, result[^1], timex) is { } shared) (result[^1], timex) = shared;
                if (result.Count > 0 && ShareMeridiem(text, result[^1], timex) is { } afternoon) result[^1] = afternoon;
                result.Add(timex);
            }
            if (n.Second is { } second && second.Start >= end && second.End <= c.End && second.End > second.Start)
                result.Add(new Timex(new TextSpan(second.Start, second.End), n.Type, second.Value, null, n.Anchor));
            prevEnd = c.End;
        }
        return result;
    }

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> ModifierLastWords =
        FrozenSet.Create(StringComparer.OrdinalIgnoreCase,
            "early", "late", "mid", "middle", "earlier", "later", "around", "about", "approximately", "roughly", "circa", "ca", "nearly",
            "almost", "some", "over", "than", "least", "to", "of", "in", "end").GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>
    /// Whether the text before <paramref name="start"/> is a word that can end a <see cref="ModifierBefore"/> match ("about",
    /// "more than", "the end of", "ca."), then white space or hyphens: a cheap test that spares most expressions the regex.
    /// </summary>
    private static bool EndsWithModifierWord(string text, int start)
    {
        int e = start;
        while (e > 0 && (char.IsWhiteSpace(text[e - 1]) || text[e - 1] == '-')) e--;
        if (e == start) return false;
        if (e > 0 && text[e - 1] == '.') e--;
        int b = e;
        while (b > 0 && char.IsAsciiLetter(text[b - 1])) b--;
        // A non-ASCII letter may fold to an ASCII one under IgnoreCase: leave the word to the regex.
        if (b > 0 && text[b - 1] >= 128 && char.IsLetter(text[b - 1])) return true;
        return b < e && ModifierLastWords.Contains(text.AsSpan(b, e - b));
    }

    private static DateOnly? DatelineDate(string text, DateOnly? dct)
    {
        if (dct is not { } d) return null;
        var m = Dateline().Match(text, 0, Math.Min(text.Length, 300));
        if (!m.Success) return null;
        int mon = MonthNumber(m.Groups[1].Value), day = Int(m.Groups[2]);
        int year = m.Groups[3].Success ? Int(m.Groups[3]) : d.Year;
        DateOnly? best = null;
        foreach (var y in (int[])[year, year - 1, year + 1])
            if (TimexCalendar.TryDate(y, mon, day) is { } c && Math.Abs(c.DayNumber - d.DayNumber) <= 7 && (best is null || Math.Abs(c.DayNumber - d.DayNumber) < Math.Abs(best.Value.DayNumber - d.DayNumber)))
                best = c;
        return best;
    }

    [GeneratedRegex(@"\b(?:the\s+(week)\s+of|the\s+day\s+(before|after)|(?:early\s+in\s+)?the\s+(?:early\s+|small\s+)?(?:(morning|afternoon|evening|night)(?:\s+hours)?|(?:morning\s+)?(hours))\s+of)\s+$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex LeftAnchor();

    [GeneratedRegex(@"\A\s*(?-i:[A-Z][A-Za-z.'\-]*(?:[ ,]+[A-Z][A-Za-z.'\-]*)*),\s+(" + Mon + @")\s*(\d{1,2})(?:,\s*(\d{4}))?\s*(?:\(|--|_|\u2014)", RegexOptions.CultureInvariant)]
    private static partial Regex Dateline();

    private static bool IsDateTimeGap(ReadOnlySpan<char> gap)
    {
        var g = gap.Trim();
        return g.Length == 0 || g.SequenceEqual(",");
    }

    /// <summary>
    /// A range runs forward: "from January to June" in an August report is January to June of that year, though a
    /// bare January alone, in the present tense, would be read as the coming one. When the two ends of a range of
    /// months or days come out inverted, the end whose year was inferred (not written) moves to the other's year, or
    /// the year before or after it, so that the range runs forward again.
    /// </summary>
    private static bool EndsRelative(ReadOnlySpan<char> expression) =>
        expression.EndsWith("later", StringComparison.OrdinalIgnoreCase) || expression.EndsWith("earlier", StringComparison.OrdinalIgnoreCase)
        || expression.EndsWith("afterwards", StringComparison.OrdinalIgnoreCase) || expression.EndsWith("afterward", StringComparison.OrdinalIgnoreCase);

    [GeneratedRegex(@"^(PT?)\d+([YMWDHS])$")]
    private static partial Regex SimpleDuration();

    // The low end of a range before a duration's number: "5-", "six to ", "three or ", "the next 12 to ".
    [GeneratedRegex(@"(?<![\w.,-])(?<the>the\s+(?:next|past|last|first|coming)\s+)?(?<low>\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty)\s*(?:-|\u2013|to|or)\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex RangeLow();

    // "15 hours and 15 minutes", "two years, three months"; not "it took a year, a month after the vote".
    private static bool IsUnitsGap(ReadOnlySpan<char> gap, ReadOnlySpan<char> first) => gap.Trim() is var t
        && (t.IsEmpty || t is "and" || t is "," or ", and" && !first.StartsWith("a ", StringComparison.OrdinalIgnoreCase) && !first.StartsWith("an ", StringComparison.OrdinalIgnoreCase));

    private static (Timex First, Timex Second)? OrderRange(string text, Timex first, Timex second)
    {
        if (first.Type != TimexType.Date || second.Type != TimexType.Date || first.Value.Length != second.Value.Length) return null;
        // Months and days only: seasons ("summer-fall 1919") do not order by their codes.
        if (first.Value.Length is not (7 or 10) || !char.IsAsciiDigit(first.Value[0]) || !char.IsAsciiDigit(second.Value[0])
            || !char.IsAsciiDigit(first.Value[5]) || !char.IsAsciiDigit(second.Value[5])) return null;
        if (string.CompareOrdinal(first.Value, second.Value) <= 0) return null;
        if (!IsRangeGap(text, first, second)) return null;
        int fy = int.Parse(first.Value.AsSpan(0, 4), CultureInfo.InvariantCulture), ty = int.Parse(second.Value.AsSpan(0, 4), CultureInfo.InvariantCulture);
        var fRest = first.Value.AsSpan(4);
        var tRest = second.Value.AsSpan(4);
        bool firstInferred = first.Anchor != "none", secondInferred = second.Anchor != "none";
        if (firstInferred)
        {
            int y = fRest.SequenceCompareTo(tRest) <= 0 ? ty : ty - 1;
            if (y != fy && Valid(y, first.Value)) return (first with { Value = y.ToString("D4", CultureInfo.InvariantCulture) + first.Value[4..] }, second);
        }
        else if (secondInferred)
        {
            int y = tRest.SequenceCompareTo(fRest) >= 0 ? fy : fy + 1;
            if (y != ty && Valid(y, second.Value)) return (first, second with { Value = y.ToString("D4", CultureInfo.InvariantCulture) + second.Value[4..] });
        }
        return null;

        // 29 February moves only to a leap year.
        static bool Valid(int year, string value) => year is >= 1 and <= 9999
            && (value.Length == 7 || TimexCalendar.TryDate(year, int.Parse(value.AsSpan(5, 2), CultureInfo.InvariantCulture), int.Parse(value.AsSpan(8, 2), CultureInfo.InvariantCulture)) is not null);
    }

    /// <summary>
    /// Two clock times joined as a range share the day one of them names: "between 2 a.m. and 4 a.m. on Monday" is Monday
    /// from 2 to 4; "from 10 p.m. Friday to 2 a.m." runs past midnight into Saturday.
    /// </summary>
    private static (Timex First, Timex Second)? ShareClockDay(string text, Timex first, Timex second)
    {
        if (first.Type != TimexType.Time || second.Type != TimexType.Time || !IsRangeGap(text, first, second)) return null;
        if (ClockOf(first.Value) is not { } a || ClockOf(second.Value) is not { } b || a.Day == b.Day) return null;
        bool firstBare = !NamesADay().IsMatch(text.AsSpan(first.Span.Start, first.Span.Length));
        bool secondBare = !NamesADay().IsMatch(text.AsSpan(second.Span.Start, second.Span.Length));
        if (firstBare == secondBare) return null;
        if (firstBare)
        {
            var day = string.CompareOrdinal(a.Clock, b.Clock) > 0 ? TimexCalendar.AddDays(b.Day, -1) : b.Day;
            return day is { } d ? (first with { Value = TimexCalendar.Day(d) + a.Clock, Anchor = second.Anchor }, second) : null;
        }
        var next = string.CompareOrdinal(b.Clock, a.Clock) < 0 ? TimexCalendar.AddDays(a.Day, 1) : a.Day;
        return next is { } n ? (first, second with { Value = TimexCalendar.Day(n) + b.Clock, Anchor = first.Anchor }) : null;

        static (DateOnly Day, string Clock)? ClockOf(string value) =>
            value.Length > 11 && value[10] == 'T' && char.IsAsciiDigit(value[11])
            && DateOnly.TryParseExact(value.AsSpan(0, 10), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? (d, value[10..]) : null;
    }

    /// <summary>"from 3:00-5:30 p.m.", "between 2 and 4 pm": the first clock of a range without its own a.m. or p.m. takes
    /// the second's p.m. when that keeps the range running forward.</summary>
    private static Timex? ShareMeridiem(string text, Timex first, Timex second)
    {
        if (first.Type != TimexType.Time || second.Type != TimexType.Time || !IsRangeGap(text, first, second)) return null;
        var firstText = text.AsSpan(first.Span.Start, first.Span.Length);
        if (Meridiem().IsMatch(firstText) || !Meridiem().IsMatch(text.AsSpan(second.Span.Start, second.Span.Length))) return null;
        int ft = first.Value.IndexOf('T', StringComparison.Ordinal), st = second.Value.IndexOf('T', StringComparison.Ordinal);
        if (ft < 0 || st < 0 || first.Value.Length < ft + 3 || second.Value.Length < st + 3
            || !int.TryParse(first.Value.AsSpan(ft + 1, 2), NumberStyles.None, CultureInfo.InvariantCulture, out int h1)
            || !int.TryParse(second.Value.AsSpan(st + 1, 2), NumberStyles.None, CultureInfo.InvariantCulture, out int h2)) return null;
        if (h1 is < 1 or > 11 || h2 < 12 || h1 + 12 > h2) return null;
        return first with { Value = string.Concat(first.Value.AsSpan(0, ft + 1), (h1 + 12).ToString("D2", CultureInfo.InvariantCulture), first.Value.AsSpan(ft + 3)) };
    }

    [GeneratedRegex(@"\b[ap]\.?\s?m\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Meridiem();

    private static bool IsRangeGap(string text, Timex first, Timex second)
    {
        var gap = text.AsSpan(first.Span.End, second.Span.Start - first.Span.End).Trim();
        if (gap is "-" or "\u2013" or "\u2014" || gap.Equals("to", StringComparison.OrdinalIgnoreCase) || gap.Equals("through", StringComparison.OrdinalIgnoreCase)
            || gap.Equals("until", StringComparison.OrdinalIgnoreCase) || gap.Equals("till", StringComparison.OrdinalIgnoreCase))
            return true;
        return gap.Equals("and", StringComparison.OrdinalIgnoreCase) && text.AsSpan(0, first.Span.Start).TrimEnd().EndsWith("between", StringComparison.OrdinalIgnoreCase);
    }

    [GeneratedRegex(@"^an?\s+(?:second|minute|hour|day|week|fortnight|month|year|decade|century)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex OverOneUnit();

    // A clock time's extent that names its day: a weekday, a month, "today", a numeric date.
    [GeneratedRegex(@"(?i:day\b|tonight|tomorrow|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b)|\d{1,2}/\d|\d{4}", RegexOptions.CultureInvariant)]
    private static partial Regex NamesADay();

    // A day after a time may also follow "on": "14:00 GMT on 5 September".
    private static bool IsTimeDateGap(ReadOnlySpan<char> gap) => IsDateTimeGap(gap) || gap.Trim().Equals("on", StringComparison.OrdinalIgnoreCase);

    private static bool StartsWithQuantity(string text, int start)
    {
        char c = text[start];
        if (char.IsDigit(c)) return true;
        int e = start;
        while (e < text.Length && char.IsLetter(text[e])) e++;
        var w = text.AsSpan(start, e - start);
        return NumberWords.ContainsKey(w.ToString().ToLowerInvariant()) || w.Equals("a", StringComparison.OrdinalIgnoreCase) || w.Equals("an", StringComparison.OrdinalIgnoreCase)
            || w.Equals("several", StringComparison.OrdinalIgnoreCase) || w.Equals("half", StringComparison.OrdinalIgnoreCase);
    }

    private static string? ModFor(string whole, string word, TimexType type)
    {
        // "the start of 13 years of abuse": a span's own start or end is not a modifier of its length.
        if (type == TimexType.Duration && (whole.Contains(" of", StringComparison.Ordinal) || whole.StartsWith("the ", StringComparison.Ordinal))) return null;
        if (whole.Contains("beginning", StringComparison.Ordinal) || whole.Contains("start", StringComparison.Ordinal)) return "START";
        if (whole.Contains("end of", StringComparison.Ordinal) || whole.Contains("close of", StringComparison.Ordinal) || whole.Contains("rest of", StringComparison.Ordinal) || whole.Contains("remainder", StringComparison.Ordinal)) return "END";
        if (whole.Contains("middle", StringComparison.Ordinal)) return "MID";
        if (whole.Contains("turn of", StringComparison.Ordinal)) return "START";
        if (whole.Contains("half of", StringComparison.Ordinal)) return "HALF";
        if (whole.Contains("part of", StringComparison.Ordinal)) return whole.Contains("early", StringComparison.Ordinal) ? "START" : "END";
        return word switch
        {
            "early" or "earlier" => type == TimexType.Duration ? null : "START",
            "late" or "later" => type == TimexType.Duration ? null : "END",
            "mid" or "middle" => type == TimexType.Duration ? null : "MID",
            // "by end-June", "at end-2023", as financial news writes the end of a month or year.
            "end" => type == TimexType.Duration ? null : "END",
            "about" or "around" or "approximately" or "roughly" or "some" or "circa" or "ca." or "close to" => "APPROX",
            "nearly" or "almost" or "under" => "LESS_THAN",
            _ when word.StartsWith("less", StringComparison.Ordinal) || word.StartsWith("fewer", StringComparison.Ordinal) => "LESS_THAN",
            _ when word.StartsWith("more", StringComparison.Ordinal) || word == "over" => "MORE_THAN",
            _ when word.StartsWith("at least", StringComparison.Ordinal) || word.StartsWith("no less", StringComparison.Ordinal) => "EQUAL_OR_MORE",
            _ when word.StartsWith("up to", StringComparison.Ordinal) || word.StartsWith("no more", StringComparison.Ordinal) => "EQUAL_OR_LESS",
            _ => null,
        };
    }

    private sealed record Candidate(int Start, int End, Rule Rule, Match Match)
    {
        public int Length => End - Start;
    }

    private sealed record Norm(TimexType Type, string Value, string? Mod = null, string Anchor = "dct", TimeSpan? Zone = null)
    {
        /// <summary>A SET's TimeML quant and freq.</summary>
        public string? Quant { get; init; }
        public string? Freq { get; init; }

        /// <summary>Characters to drop from the start of the match ("the" before an adjective: "the third-quarter results").</summary>
        public int Skip { get; init; }

        /// <summary>Where the expression ends when it is only the first part of the match (the first end of a range).</summary>
        public int? EndAt { get; init; }

        /// <summary>A second expression inside the match, of the same type: the other end of a range ("April 24 and [25]").</summary>
        public (int Start, int End, string Value)? Second { get; init; }
    }

    /// <summary>Per-document state: DCT, the reference time as the text moves, the report's quarter.</summary>
    private sealed class Context(string text, DateOnly? dct, ITenseHints tense, bool narrative)
    {
        public string Text { get; } = text;
        public DateOnly? Dct { get; } = dct;
        public ITenseHints Tense { get; } = tense;
        public bool Narrative { get; } = narrative;
        private int written;
        private DateOnly? lastDay;
        private int? lastYear;
        private (int Y, int M)? lastMonth;

        // Each setter stamps the order of writing, so "a year earlier" after "in 1985 … the six months ended Aug. 12"
        // counts from whichever of the year, the month and the day was written last.
        public DateOnly? LastDay { get => lastDay; set { lastDay = value; LastDayWritten = ++written; } }
        public int? LastYear { get => lastYear; set { lastYear = value; LastYearWritten = ++written; } }
        public (int Y, int M)? LastMonth { get => lastMonth; set { lastMonth = value; LastMonthWritten = ++written; } }
        public int LastDayWritten { get; private set; }

        /// <summary>How many dates, months and years have been written so far (the order of the Last… values).</summary>
        public int Written => written;

        /// <summary>The last year-valued expression, written or relative ("2019", "last year").</summary>
        public int? YearSpoken { get; set; }

        /// <summary>The last month written with its year as an adverbial of time, and <see cref="Written"/> then.</summary>
        public (int Y, int M, int At)? HeadMonth { get; set; }
        public int LastYearWritten { get; private set; }
        public int LastMonthWritten { get; private set; }
        public (int Y, int Q)? LastQuarter { get; set; }

        /// <summary>The last season given a year, and where it ended: "the fall and [winter]" takes its year.</summary>
        public (int Y, string Code, int End)? LastSeason { get; set; }

        /// <summary>The last week or year named relative to the reference ("last week", "next year"), with where it ended:
        /// "dropped last week from the previous week" counts the previous week from it.</summary>
        public (string Unit, DateOnly Day, int End)? LastRelative { get; set; }
        public bool SawQuarter { get; set; }

        /// <summary>In a history, the span of years most of its written years fall in: a year far outside it is an aside.</summary>
        public (int Lo, int Hi)? CentralYears { get; init; }

        /// <summary>The date relative expressions count from: in narratives the last full date, else the DCT; none while a
        /// history is in BC years, which no date can hold (see <see cref="AncientYear"/>).</summary>
        public DateOnly? RefDay => Narrative ? AncientYear is null ? LastDay ?? (LastYear is { } y ? TimexCalendar.TryDate(y, 1, 1) : Dct) : null : Dct;

        /// <summary>In a history of antiquity, the BC year (astronomical, at or before 0) last written, when it is the latest reference.</summary>
        public int? AncientYear => Narrative && LastYear is { } y && y <= 0 && (LastDay is null || LastYearWritten > LastDayWritten) ? y : null;
        public int? RefYear => Narrative ? LastYear ?? LastDay?.Year ?? Dct?.Year : Dct?.Year;
    }

    // A document is a narrative (history, not news) when most explicit years lie far before the DCT.
    private static bool IsNarrative(string text, DateOnly dct)
    {
        // A wire dateline ("INDEPENDENCE, Mo. _", "WARSAW, Poland (AP) --") marks a news report, however much history it recounts.
        if (NewsDateline().IsMatch(text.AsSpan(0, Math.Min(text.Length, 120)))) return false;
        int far = 0, near = 0;
        var years = new List<int>();
        foreach (Match m in YearLike().Matches(text))
        {
            int y = int.Parse(m.ValueSpan, CultureInfo.InvariantCulture);
            if (y < 1000 || y > 2100) continue;
            if (y < dct.Year - 8) far++; else near++;
            years.Add(y);
        }
        // A text that writes more years BC than AD is a history of antiquity, over however many centuries it ranges.
        int bc = MayWriteBc(text) ? BcYearLike().Count(text) : 0;
        if (bc >= 5 && bc > far + near) return true;
        // A long text dense with written years is a history too, even of recent years (an encyclopedia article on the
        // Iraq War written in 2009): its months and weekdays follow its own years, not the DCT.
        if (!(far > 2 * near + 2 || far + near >= 30)) return false;
        // A text that speaks of its own days ("last week", "next month", "yesterday", "earlier this year") is a report or a blog post
        // about the past, not a history ("the last week of August" is the story's own week, and no such sign). Checked
        // only here, so most texts are not scanned for it.
        if (DeicticOfReport().IsMatch(text)) return false;
        // A history dwells on one period: most of its years lie within a few decades (the widest in WikiWars spans 36
        // years). Years scattered over a century (a culture preview citing works from 1858 to 2011) do not make one.
        years.Sort();
        return years[years.Count * 9 / 10] - years[years.Count / 10] <= MaxHistorySpan;
    }

    private const int MaxHistorySpan = 40;

    /// <summary>
    /// With no DCT, nothing is "far before" it: a history is a text that writes many years, within a few decades (or more
    /// years BC than AD), and neither opens with a wire dateline nor speaks of its own days.
    /// </summary>
    private static bool IsNarrativeWithoutDct(string text)
    {
        if (NewsDateline().IsMatch(text.AsSpan(0, Math.Min(text.Length, 120)))) return false;
        var years = new List<int>();
        foreach (Match m in YearLike().Matches(text))
        {
            int y = int.Parse(m.ValueSpan, CultureInfo.InvariantCulture);
            if (y is >= 1000 and <= 2100) years.Add(y);
        }
        int bc = MayWriteBc(text) ? BcYearLike().Count(text) : 0;
        if (bc >= 5 && bc > years.Count) return true;
        if (years.Count < MinHistoryYearsWithoutDct || DeicticOfReport().IsMatch(text)) return false;
        years.Sort();
        return years[years.Count * 9 / 10] - years[years.Count / 10] <= MaxHistorySpan;
    }

    private const int MinHistoryYearsWithoutDct = 6;

    // The 10th to 90th percentile of the years written in the text, widened by a decade each way (null with fewer than 10 years).
    private static (int Lo, int Hi)? CentralYears(string text)
    {
        var years = new List<int>();
        foreach (Match m in YearLike().Matches(text)) years.Add(int.Parse(m.ValueSpan, CultureInfo.InvariantCulture));
        if (MayWriteBc(text))
            foreach (Match m in BcYearLike().Matches(text)) years.Add(TimexCalendar.FromBc(int.Parse(m.Groups[1].ValueSpan, CultureInfo.InvariantCulture)));
        if (years.Count < 10) return null;
        years.Sort();
        return (years[years.Count / 10] - Slack, years[years.Count * 9 / 10] + Slack);
    }

    private const int Slack = 10;

    [GeneratedRegex(@"\A\s*(?:\(Undated\)\s*)?[A-Z][A-Z.'\-]+(?:\s+[A-Z][A-Z.'\-]+)*(?:,\s*[A-Z][A-Za-z.\s]{1,30}?)?\s*(?:\((?:AP|Xinhua|AFP|Reuters|UPI)\)\s*)?(?:_|--|\u2014)", RegexOptions.CultureInvariant)]
    private static partial Regex NewsDateline();

    [GeneratedRegex(@"(?<![\d$.,])\b(1\d{3}|20\d{2})\b(?![\d%]|,\d)", RegexOptions.CultureInvariant)]
    private static partial Regex YearLike();

    // Most news never writes an era; a vectorized search keeps the year regex off those texts.
    private static bool MayWriteBc(string text) => text.Contains("BC", StringComparison.Ordinal) || text.Contains("B.C.", StringComparison.Ordinal);

    [GeneratedRegex(@"\b([1-9]\d{0,3})\s*(?:BC|B\.C\.|BCE)(?![A-Za-z])", RegexOptions.CultureInvariant)]
    private static partial Regex BcYearLike();

    // After a clock time: "local time" or "Baghdad time", a parenthesis giving the time elsewhere ("(0130 GMT)"), or the
    // end of the parenthesis the time stands in ("… (0130 GMT) on Thursday"); then the day.
    [GeneratedRegex(@"\G(?:\s+(?:local|[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)\s+(?:time|Time),?(?:\s*\([^()]{1,40}\),?)?|\s*\([^()]{1,40}\),?|\s*\),?)\s+(?:on\s+)?((?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|today|tomorrow|yesterday|tonight)\b|(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?\s*\d{1,2}(?:,?\s*\d{4})?\b)", RegexOptions.CultureInvariant)]
    private static partial Regex LocalTimeDay();

    private static readonly HashSet<string> TemporalPrepositions = new(StringComparer.Ordinal)
    { "in", "since", "by", "until", "till", "from", "of", "during", "before", "after", "through", "to", "and", "between", "early", "late", "mid", "fiscal", "year", "the", "than", "around", "about", "circa", "or", "throughout", "spring", "summer", "fall", "autumn", "winter", "end", "beginning", "middle" };

    /// <summary>Words of arrangement whose "for" takes a date: "scheduled for March", "set for May".</summary>
    private static readonly HashSet<string> ArrangementWords = new(StringComparer.Ordinal)
    { "scheduled", "rescheduled", "planned", "set", "slated", "due", "expected", "postponed", "delayed", "pushed", "moved", "booked", "pencilled", "penciled", "targeted", "earmarked", "tentatively" };
    /// <summary>Nouns that, after "today's", mean the present age rather than this day ("today's world", "today's youth").</summary>
    private static readonly HashSet<string> PresentAgeNouns = new(StringComparer.Ordinal)
    {
        "world", "youth", "society", "societies", "generation", "generations", "children", "kids", "teenagers", "students",
        "computers", "technology", "technologies", "economy", "economies", "culture", "standards", "politics", "era",
        "age", "times", "climate", "families", "women", "men", "people", "americans", "europe", "america", "russia", "china",
        "media", "internet", "consumers", "workplace", "workforce", "armies", "warfare",
        "problems", "challenges", "threats", "realities", "reality", "landscape", "codebases", "software", "party", "parties",
        "music", "art", "films", "movies", "television", "journalism", "medicine", "science", "schools", "universities", "politicians", "leaders",
    };

    /// <summary>The head noun after "today's", past one adjective of the age ("today's personal computers").</summary>
    private static readonly Regex PresentAgeHead = new(@"\G\s+(?:(?:personal|modern|young|global|digital|fast-changing|increasingly|highly|complex|larger|democratic|republican|conservative|liberal|political)\s+)?([A-Za-z]+)", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);

    private static readonly HashSet<string> NonYearBefore = new(StringComparer.Ordinal)
    { "route", "highway", "interstate", "flight", "no", "number", "boeing", "airbus", "room", "suite", "page", "pages", "chapter", "section", "article", "resolution", "code", "model", "type", "apartment", "street", "avenue", "exit", "gate", "channel", "bus", "train", "pp" };

    private static readonly HashSet<string> SpeedUnits = new(StringComparer.Ordinal) { "km", "kilometres", "kilometers", "kilometre", "kilometer", "miles", "mile", "knots", "metres", "meters", "feet", "kph", "mph" };

    private static readonly HashSet<string> CountNouns = new(StringComparer.Ordinal)
    {
        "ft", "lbs", "lb", "yards", "inches", "mph", "hectares", "sq", "mw", "megawatts", "schoolchildren", "pupils", "residents", "participants", "respondents",
        "patients", "delegates", "visitors", "passengers", "inhabitants", "signatures", "fans", "words", "items",
        "calorie", "calories", "kcal", "people", "troops", "soldiers", "men", "women", "children", "employees", "workers", "shares", "jobs", "cars", "units", "tons", "barrels",
        "dollars", "votes", "members", "homes", "houses", "students", "miles", "feet", "meters", "metres", "km", "kilometers", "acres", "square",
        "points", "copies", "pages", "deaths", "cases", "casualties", "prisoners", "refugees", "civilians", "aircraft", "planes", "tanks", "ships",
        "rooms", "beds", "tonnes", "pounds", "yen", "marks", "francs", "rubles", "rupees", "euros", "kg", "kilograms", "degrees", "percent", "hp",
    };

    // Words after which "the past" and "the future" stand as nouns (as in TimeBank, AQUAINT and WikiWars).
    private static readonly HashSet<string> FuzzyFollowers = new(StringComparer.Ordinal)
    {
        "of", "and", "or", "but", "nor", "if", "is", "was", "are", "were", "will", "would", "could", "should", "may", "might", "must", "can",
        "has", "had", "have", "that", "which", "who", "when", "where", "while", "as", "to", "for", "in", "on", "at", "with", "by", "from",
        "than", "it", "we", "they", "he", "she", "i", "you", "there", "this", "these", "those", "so", "not", "because", "unless", "until",
        "before", "after", "remains", "belongs", "lies", "holds", "too", "again", "alone",
    };

    // Nouns an award or a ranking is named with: "album of the year", "player of the week", "the deal of the century".
    private static readonly HashSet<string> AwardNouns = new(StringComparer.Ordinal)
    {
        "album", "albums", "song", "songs", "record", "single", "book", "books", "film", "films", "movie", "movies", "player", "players", "person",
        "man", "woman", "group", "band", "act", "artist", "producer", "producers", "coach", "manager", "rookie", "driver", "team", "word", "car",
        "newcomer", "breakthrough", "athlete", "goal", "game", "deal", "trial", "fight", "storm", "show", "shows", "photo", "photos", "picture",
        "pictures", "restaurant", "hotel", "employee", "teacher", "entrepreneur", "company", "brand", "poet", "writer", "journalist", "designer",
    };

    // What follows a quarter of a game, not of a year: "a fourth-quarter comeback", "second-quarter points".
    private static readonly HashSet<string> GamePeriodNouns = new(StringComparer.Ordinal)
    {
        "comeback", "rally", "lead", "deficit", "surge", "collapse", "touchdown", "touchdowns", "basket", "baskets", "goal", "goals", "run",
        "points", "possession", "possessions", "drive", "drives", "interception", "fumble", "buzzer", "shot", "shots", "turnover", "turnovers", "scoring",
    };

    /// <summary>A short all-capital name a model number follows: "RTX" in "RTX 2080" (not "FY", "AD", a zone or a country).</summary>
    private static bool IsModelPrefix(ReadOnlySpan<char> word)
    {
        foreach (var ch in word) if (!char.IsAsciiLetterUpper(ch)) return false;
        return word is not ("FY" or "AD" or "BC" or "CE" or "BCE" or "US" or "UK" or "EU" or "UN" or "GMT" or "UTC" or "AM" or "PM" or "EST" or "CET" or "IST" or "MSK" or "KST" or "JST" or "Q" or "H");
    }

    private static readonly HashSet<string> CarMakes = new(StringComparer.Ordinal)
    {
        "Chevrolet", "Chevy", "Ford", "Toyota", "Honda", "Nissan", "Dodge", "Buick", "Cadillac", "Chrysler", "Pontiac", "Jeep", "Oldsmobile",
        "Plymouth", "BMW", "Mercedes", "Mercedes-Benz", "Volkswagen", "VW", "Audi", "Porsche", "Ferrari", "Volvo", "Saab", "Subaru", "Mazda",
        "Hyundai", "Kia", "Tesla", "Lexus", "Acura", "Infiniti", "Jaguar", "GMC", "Mustang", "Camaro", "Corvette", "Thunderbird", "Datsun",
    };

    // Words an amount ends with before a rate's "a year": "$4 billion a year", "500 barrels a day".
    private static readonly HashSet<string> AmountWords = new(StringComparer.Ordinal)
    {
        "dollars", "cents", "percent", "thousand", "million", "billion", "pounds", "euros", "yen", "marks", "tons", "barrels", "points",
    };

    /// <summary>Whether an amount ends right before <paramref name="at"/>: a figure, a percent sign or a word of amount.</summary>
    private static bool AfterAmount(string text, int at)
    {
        int p = at - 1;
        while (p >= 0 && text[p] == ' ') p--;
        return p >= 0 && (char.IsDigit(text[p]) || text[p] == '%' || AmountWords.Contains(PrevWord(text, at, out _)));
    }

    private static readonly HashSet<string> HolidayThings = new(StringComparer.Ordinal)
    {
        "egg", "eggs", "bunny", "bunnies", "basket", "baskets", "bonnet", "bonnets", "tree", "trees", "card", "cards", "carol", "carols",
        "lights", "market", "markets", "ad", "ads", "advert", "adverts", "gift", "gifts", "decorations", "decoration", "jumper", "jumpers", "sweater", "sweaters", "costume", "costumes", "candy", "pudding", "cracker", "crackers", "turkey", "stocking", "stockings",
    };

    private static string PrevWord(string text, int pos, out int wordStart)
    {
        int e = pos;
        while (e > 0 && char.IsWhiteSpace(text[e - 1])) e--;
        int s = e;
        while (s > 0 && (char.IsLetter(text[s - 1]) || text[s - 1] == '.' || text[s - 1] == '\'')) s--;
        wordStart = s;
        return text.Substring(s, e - s).TrimEnd('.').ToLowerInvariant();
    }

    private static string NextWord(string text, int pos)
    {
        int s = pos;
        while (s < text.Length && text[s] == ' ') s++;
        int e = s;
        while (e < text.Length && char.IsLetter(text[e])) e++;
        return text.Substring(s, e - s);
    }

    private static bool Accept(Rule rule, Match m, string text)
    {
        // \d also matches non-ASCII digits ("١٩٩٨"); values are built with invariant parsing of ASCII digits only.
        foreach (var c in m.ValueSpan)
            if (char.IsDigit(c) && !char.IsAsciiDigit(c)) return false;
        switch (rule)
        {
            case Rule.MonthDayYear:
                // "(NOV 07)" in capitals, without a year, is more often November 2007 than the 7th: only an unpadded day.
                return !(m.Groups[2].Length > 2 && m.Groups[2].Value.All(ch => !char.IsAsciiLetterLower(ch)) && m.Groups[3].Value[0] == '0' && !m.Groups[4].Success);
            case Rule.Year:
            {
                int y = int.Parse(m.Groups[1].ValueSpan, CultureInfo.InvariantCulture);
                if (y < 1000 || y > 2199) return false;
                var prev = PrevWord(text, m.Index, out int prevStart);
                if (NonYearBefore.Contains(prev)) return false;
                // "Cyberpunk 2077", "Orion 1980", "Windows 2000": a number right after a capitalized word inside a sentence
                // is part of a name (months have rules of their own; "In 2018" and "Summer 2024" are temporal prepositions' years).
                if (prevStart < m.Index && prevStart > 0 && m.Index - prevStart > 2 && char.IsUpper(text[prevStart]) && char.IsLower(text[prevStart + 1])
                    && MonthNumber(prev) == 0 && !prev.EndsWith("'s", StringComparison.Ordinal) && !TemporalPrepositions.Contains(prev)
                    && !AtSentenceStart(text, prevStart) && text[m.Index - 1] == ' ')
                    return false;
                if (m.Index > 0 && text[m.Index - 1] is '#' or '$') return false;
                var next = NextWord(text, m.Index + m.Length);
                // "1500 troops": a count before a countable noun is not a year.
                if (CountNouns.Contains(next.ToLowerInvariant())) return false;
                // "more than 1100 pictures", "nearly 2000 signatures": a quantity before a plural noun.
                if (prev is "than" or "nearly" or "almost" or "some" or "approximately" or "roughly" && next.Length > 3 && next[^1] == 's' && next.All(char.IsAsciiLetterLower)) return false;
                // "his 1987 Chevrolet", "a 1967 Mustang": a model year is part of the car's name.
                if (CarMakes.Contains(next)) return false;
                // "better than a 2080 Ti": a graphics card.
                if (next is "Ti" or "Ultra" or "Pro" or "Max" or "GPU") return false;
                if (next is "GMT" or "UTC" or "EST" or "EDT" or "GMT." or "local" or "hours" or "hrs" or "IST" or "CET") return false; // "(1830 GMT)" is a clock time

                // An old year needs a temporal preposition before it, or parentheses round it: "the Civil Constitution (1790)".
                bool parenthesized = m.Index > 0 && text[m.Index - 1] == '(' && m.Index + m.Length < text.Length && text[m.Index + m.Length] == ')';
                if (y < 1800 && !TemporalPrepositions.Contains(prev) && !parenthesized) return false;
                return true;
            }
            case Rule.Month:
            {
                // "last Oct. 23", "late July 1959": the month with its day or year is the expression (MonthDayYear,
                // MonthYear; a left modifier then attaches to it), not "last Oct." or "late July" alone.
                if (m.Groups[1].Success && (DayNumberAt(text, m.Index + m.Length) || YearNumberAt(text, m.Index + m.Length))) return false;
                var mon = m.Groups[2].Value;
                if (m.Groups[1].Success) return true;
                if (mon is "May" or "March" or "Mar" or "Jan" or "Jun" or "Sep")
                {
                    // "May" is also a modal and a surname, "March" a noun: only after a preposition or before a year.
                    var prev = PrevWord(text, m.Index, out int prevStart);
                    // "Jan Kavan", "May Chen": a capitalized word right after is a surname, not a date.
                    var next = NextWord(text, m.Index + m.Length);
                    if (next.Length > 1 && char.IsUpper(next[0]) && char.IsLower(next[1]) && MonthNumber(next) == 0 && m.Groups[2].Value.Length == m.Length) return false;
                    // "scheduled for March", "set for May": an arrangement's "for" takes a date ("voted for May" does not).
                    if (prev == "for") return ArrangementWords.Contains(PrevWord(text, prevStart, out _));
                    return TemporalPrepositions.Contains(prev) || prev is "last" or "next" or "this" or "until" or "late" or "early";
                }
                return true;
            }
            case Rule.Fuzzy:
            {
                var w = m.Value.ToLowerInvariant();
                var next = NextWord(text, m.Index + m.Length).ToLowerInvariant();
                // "now that he is in a confrontation": TimeBank, AQUAINT and WikiWars all annotate this "now" as the present.
                // "the past half-century", "the past dozen years": the start of a span the rules do not read, not "the past".
                if (w == "the past" && (next is "half" or "dozen" or "couple" or "few" or "several" or "many" or "hundred" or "thousand" or "quarter-century"
                    || char.IsAsciiDigit(NextChar(text, m.Index + m.Length)) || NumberWords.ContainsKey(next))) return false;
                // "the past statements", "the future parameters of pop", "the future President": an adjective before its noun,
                // not the past or the future itself ("the future of", "the past is", "the future, ..." are).
                if (w is "the past" or "the future" && next.Length > 0 && !FuzzyFollowers.Contains(next)) return false;
                // "every now and then", "now and again": occasionally.
                if (w == "now" && (text.AsSpan(m.Index + m.Length).StartsWith(" and then", StringComparison.Ordinal) || text.AsSpan(m.Index + m.Length).StartsWith(" and again", StringComparison.Ordinal))) return false;
                // "Now for today's geography quiz", "Now as to those billions": opening a sentence before "for" or "as to",
                // a change of topic (TimeBank leaves it untagged).
                if (w == "now" && AtSentenceStart(text, m.Index) && (next == "for" || next == "as" && NextWord(text, m.Index + m.Length + 4) == "to")) return false;
                // "Now, ..." opening a sentence is a discourse marker ("Now, he says, ..."), not a reference to the present.
                if (w == "now" && m.Index + m.Length < text.Length && text[m.Index + m.Length] == ',' && AtSentenceStart(text, m.Index)) return false;
                // Bare "future" is mostly an adjective ("future earnings", "futures contracts"); TimeBank annotates "the future".
                if (w is "once" or "then" or "the time" or "former" or "previously" or "soon" or "future") return false;
                // "the Future of Babylon project", "a Future Cities fund": a capitalized "Future" inside a name.
                if (w.EndsWith("future", StringComparison.Ordinal) && m.Value.EndsWith("Future", StringComparison.Ordinal)
                    && (!AtSentenceStart(text, m.Index) || next == "of" && NextWord(text, m.Index + m.Length + 3) is { Length: > 1 } named && char.IsUpper(named[0])
                        || NextWord(text, m.Index + m.Length) is { Length: > 1 } capital && char.IsUpper(capital[0]))) return false;
                // "Current Issue", a page's label: a capitalized "Current" before a capitalized word names something.
                if (m.Value == "Current" && NextWord(text, m.Index + m.Length) is { Length: > 1 } label && char.IsUpper(label[0])) return false;
                if (w == "current" && next is "account" or "accounts" or "events" or "affairs" or "price" or "prices" or "dollars" or "members" or "state" or "level" or "system") return false;
                return true;
            }
            case Rule.Season:
            {
                if (m.Groups[3].Success || m.Groups[4].Success) return true;
                var next = NextWord(text, m.Index + m.Length);
                // "the fall of Kabul", "the spring of discontent": an event or a figure of speech, not a season (a
                // season of a year has matched its year above).
                if (next == "of") return false;
                if (m.Groups[1].Success)
                {
                    var det = m.Groups[1].Value.ToLowerInvariant();
                    if (det == "the" && m.Groups[2].Value.ToLowerInvariant() is "fall" or "spring")
                        return next.Length == 0 || char.IsPunctuation(NextChar(text, m.Index + m.Length)) || next is "and" or "or";
                    return true;
                }
                var s = m.Groups[2].Value;
                var prev = PrevWord(text, m.Index, out _);
                // Bare "spring" and "fall" are verbs far more often than seasons: only in lower case, after a preposition
                // of time and closing the phrase ("since spring,", "by fall."); "Arab Spring" is a name.
                if (s is "fall" or "spring")
                    return prev is "in" or "during" or "by" or "until" or "till" or "since" or "through" && (next.Length == 0 || char.IsPunctuation(NextChar(text, m.Index + m.Length)) || next is "and" or "or");
                return prev is "in" or "during" or "by" or "until" or "since" or "through" or "this" or "last" or "next"
                    // "the fall and winter", "spring or summer": the second of two seasons joined.
                    || prev is "and" or "or" && SeasonBeforeConjunction().IsMatch(text.AsSpan(Math.Max(0, m.Index - 40), m.Index - Math.Max(0, m.Index - 40)));
            }
            case Rule.OrdinalDay:
            {
                // "on the 15th", "from the 5th to the 9th": only after a preposition of time, and only closing the phrase
                // or before "of that month", so "the 20th century", "the 15th anniversary" and "the 45th" stay out.
                if (PrevWord(text, m.Index, out _) is not ("on" or "by" or "until" or "till" or "from" or "since" or "before" or "after" or "through" or "to")) return false;
                if (m.Groups[2].Success) return true;
                var next = NextWord(text, m.Index + m.Length).ToLowerInvariant();
                if (next.Length == 0) return NextChar(text, m.Index + m.Length) is var ch && !char.IsLetterOrDigit(ch) && ch != '-';
                // A verb or a clause may follow the phrase ("the summit on the 18th will decide", "talks on the 5th in Doha").
                return next is "and" or "or" or "to" or "through" or "until" or "till" or "when" or "as" or "was" or "were" or "at"
                    or "is" or "are" or "will" or "would" or "could" or "should" or "may" or "might" or "can" or "has" or "had"
                    or "in" or "after" or "before" or "but" or "that" or "which" or "while" or "amid";
            }
            case Rule.Duration:
            {
                var num = m.Groups[2].Value.ToLowerInvariant();
                var unit = m.Groups[3].Value.ToLowerInvariant();
                if (num is "some" or "many" && !m.Groups[1].Success) return unit is "years" or "months" or "weeks" or "days" || m.Value.EndsWith('s');
                if (num == "second" || unit == "second" && num is "a" or "one") return false;
                // "3/4 day": the denominator of a fraction is no count of days.
                if (m.Index > 1 && text[m.Index - 1] == '/' && char.IsAsciiDigit(text[m.Index - 2])) return false;
                // "Wait a minute", "hold on a second": a request for patience, not a length.
                if (num is "a" && unit is "minute" or "moment" or "sec" && PrevWord(text, m.Index, out _).ToLowerInvariant() is "wait" or "on") return false;
                // "a night out", "a night club", "the night shift": a thing or an outing, not a night's length.
                if (unit == "night" && NextWord(text, m.Index + m.Length).ToLowerInvariant() is "out" or "club" or "clubs" or "shift" or "shifts" or "owl" or "stand"
                    or "school" or "market" or "bus" or "watch" or "sky" or "vision") return false;
                // "60 Minutes", "48 Hours": figures before a title-case unit name a programme or a work, not a duration.
                var unitText = m.Groups[3].Value;
                if (unitText.Length > 1 && char.IsUpper(unitText[0]) && char.IsLower(unitText[1]) && char.IsAsciiDigit(m.Groups[2].Value[0])) return false;
                // Ages ("52 years old", "the 6-year-old") are not temporal expressions in TimeML news annotation.
                if (NextWord(text, m.Index + m.Length) == "old" && !m.Value.Contains('-')) return false;
                if (text.AsSpan(m.Index + m.Length).StartsWith("-old", StringComparison.OrdinalIgnoreCase)
                    || text.AsSpan(m.Index + m.Length).StartsWith("s-old", StringComparison.OrdinalIgnoreCase)) return false;
                // "$5 a year", "10% a year": a rate after an amount, a SET (Rule.SetPer).
                if (num is "a" or "an" && AfterAmount(text, m.Index)) return false;
                // "four flights a week", "700 seats a week": a rate, not a duration.
                if (num is "a" or "an" && PrevWord(text, m.Index, out _) is { Length: > 3 } pw && pw.EndsWith('s') && pw is not ("was" or "has" or "this" or "its" or "his" or "as" or "less" or "across" or "towards" or "takes" or "lasts")) return false;
                // "three-quarters of the vote" is a fraction.
                if (unit.StartsWith("quarter", StringComparison.Ordinal) && (m.Value.Contains('-') || NextWord(text, m.Index + m.Length) == "of")) return false;
                if (unit == "quarter" && !m.Groups[1].Success && !m.Value.EndsWith('s') && !char.IsDigit(num[0])) return num is not ("a" or "one" or "an");
                // "a day" in "twice a day", "$5 a year" is a set (SetPer).
                return true;
            }
            case Rule.SetPer:
            {
                if (m.Groups["fn"].Success)
                {
                    // "three days a week", "eight hours a day": a smaller unit within a larger one; not "two days a week ago".
                    if (NextWord(text, m.Index + m.Length).ToLowerInvariant() is "ago" or "earlier" or "later" or "before" or "after" or "old") return false;
                    static int Size(string u) => char.ToLowerInvariant(u[0]) switch { 'h' => 1, 'd' or 'n' => 2, 'w' => 3, 'm' => 4, 'q' => 5, _ => 6 };
                    return Size(m.Groups["fu"].Value) < Size(m.Groups[3].Value);
                }
                // "190 km per hour", "60 miles an hour": a speed, not a recurrence.
                if (m.Groups[3].Value.Equals("hour", StringComparison.OrdinalIgnoreCase) && SpeedUnits.Contains(PrevWord(text, m.Index, out _).ToLowerInvariant())) return false;
                if (m.Groups[1].Success || m.Groups[2].Value.Equals("per", StringComparison.OrdinalIgnoreCase)) return true;
                // "$5 a year", "10% a year": a rate after an amount.
                return AfterAmount(text, m.Index);
            }
            case Rule.YearAgoAdj:
                // "by year end", "at the year end": two words only after a preposition of time or "the" ("a year end bonus" is too).
                return !m.Value.Contains(' ', StringComparison.Ordinal) && !m.Value.Contains('\n', StringComparison.Ordinal)
                    || PrevWord(text, m.Index, out _).ToLowerInvariant() is "by" or "at" or "before" or "until" or "till" or "toward" or "towards" or "the" or "since" or "after"
                        && !char.IsLetter(NextChar(text, m.Index + m.Length));
            case Rule.BarePlural:
            {
                if (m.Groups[1].Success) return true;
                var prev = PrevWord(text, m.Index, out _);
                var next = NextWord(text, m.Index + m.Length).ToLowerInvariant();
                // "the deadline remains months away": a distance in time.
                if (next == "away") return true;
                return prev is "for" or "in" or "over" or "within" or "after" && next is not ("of" or "ago" or "old");
            }
            case Rule.Relative:
            {
                // ABC's "This Week", "Last Week Tonight": a unit in title case within a sentence names a programme.
                var unit = m.Groups[2].Value;
                if (unit is "Week" or "Weekend" or "Month" or "Year" or "Decade" or "Century" && char.IsUpper(m.Value[0]) && !AtSentenceStart(text, m.Index)) return false;
                // "last Oct. 23" (see Rule.Month).
                return !(MonthNumber(unit) > 0 && char.IsUpper(unit[0]) && (DayNumberAt(text, m.Index + m.Length) || YearNumberAt(text, m.Index + m.Length)));
            }
            case Rule.TheUnit:
            {
                var w = m.Groups[1].Value.ToLowerInvariant();
                var next = NextWord(text, m.Index + m.Length).ToLowerInvariant();
                // "International Artist of the Year", "Player of the Week": a capitalized unit names an award or a title.
                if (char.IsUpper(m.Groups[1].Value[0])) return false;
                // "returned the year before.", "left the day after,": one unit from the time spoken of, closing the clause.
                if (m.Groups["ba"].Success) return w is "year" or "month" or "week" or "day";
                // "album of the year", "group of the year went to Jungle": the same awards in lower case.
                if (w is "year" or "week" or "month" or "decade" or "century" && PrevWord(text, m.Index, out int ofStart) == "of"
                    && AwardNouns.Contains(PrevWord(text, ofStart, out _))) return false;
                if (w is "year" or "week" && m.Index + m.Length < text.Length && text[m.Index + m.Length] == '-') return false;
                // "by the end of the month", "later in the month": the month spoken of (a bare "the month" is too often a length).
                if (w == "month") return MonthPartBefore().IsMatch(text.AsSpan(Math.Max(0, m.Index - 24), m.Index - Math.Max(0, m.Index - 24)));
                if (w is "moment" or "day" or "morning" or "afternoon" or "evening" or "night") return false;
                // "said at the weekend that …": after "at" or "over", "that" opens the reported clause, not a relative one.
                if (w == "weekend" && next == "that" && PrevWord(text, m.Index, out _) is "at" or "over") return true;
                if (w is "week" or "weekend" or "year" or "period") return next is not ("of" or "before" or "after" or "in" or "that" or "when") ;
                // "by the end of the decade", "the worst drought of the century", "early in the decade": the current one;
                // "the decade before the war", "the century-old bridge" are not.
                if (w is "decade" or "century")
                    return PrevWord(text, m.Index, out _) is "in" or "of" or "by" or "during" or "throughout" or "until" or "till" or "through"
                        && !(m.Index + m.Length < text.Length && text[m.Index + m.Length] == '-') && next is not ("of" or "before" or "after" or "that" or "when" or "in" or "since");
                return true;
            }
            case Rule.Time:
            {
                if (m.Groups[3].Success || m.Groups[4].Success || m.Groups["pod"].Success) return int.Parse(m.Groups[1].ValueSpan, CultureInfo.InvariantCulture) is >= 1 and <= 12;
                // A bare number before a zone must look like a clock time: "14:30 GMT"; so must one after "at", or before "hrs"
                // ("at 10:57", "19:00hrs"), which the pattern checked.
                return m.Groups[2].Success && (m.Groups[5].Success || m.Value.Contains(':', StringComparison.Ordinal));
            }
            case Rule.Slash:
                return !(m.Index > 0 && text[m.Index - 1] is '$');
            case Rule.SetAdverb:
            {
                // "average daily volume" is a per-day statistic, not a recurrence.
                if (PrevWord(text, m.Index, out _) is "average" or "avg") return false;
                // "the Communist Party daily Granma": a newspaper, named by the capitalized word after it.
                int q = m.Index + m.Length;
                while (q < text.Length && text[q] is ' ' or '\t') q++;
                if (m.Value.Equals("daily", StringComparison.OrdinalIgnoreCase) && char.IsLower(m.Value[0]) && q < text.Length && char.IsUpper(text[q])) return false;
                // "published by a Johannesburg weekly," "the weekly said": a newspaper, a noun closing its phrase after a
                // determiner or a name ("paid weekly." is the adverb).
                if (m.Value is "daily" or "weekly" or "monthly" && (q >= text.Length || text[q] is ',' or '.' or ';' or ':' or ')' || NextWord(text, q) is "said" or "reported" or "says" or "reports")
                    && PrevWord(text, m.Index, out int ownerAt) is var owner && (owner is "a" or "an" or "the" or "this" or "that" || ownerAt < m.Index && char.IsUpper(text[ownerAt]) && !AtSentenceStart(text, ownerAt))) return false;
                // "Mortgage News Daily", "The Daily", "the Daily Mail", "Weekly Standard": in title case inside a sentence,
                // or before another capitalized word, the adverb is part of a name.
                return !(char.IsUpper(m.Value[0]) && (!AtSentenceStart(text, m.Index) || q < text.Length && char.IsUpper(text[q])));
            }
            case Rule.Weekday:
            {
                // "Super Tuesday" is a name; "Saturday Night Live", "Monday Night Football" are programmes.
                if (PrevWord(text, m.Index, out int superAt) == "super" && char.IsUpper(text[superAt])) return false;
                // "The Sun.", "the Sat.": a newspaper or a test, not an abbreviated weekday.
                if (m.Groups[2].Value.EndsWith('.') && !m.Groups[1].Success && PrevWord(text, m.Index, out _).ToLowerInvariant() == "the") return false;
                // A lower-case weekday only after a word of time: "on friday", "last monday", "until sunday".
                if (char.IsLower(m.Groups[2].Value[0]) && !m.Groups[1].Success
                    && PrevWord(text, m.Index, out _).ToLowerInvariant() is not ("on" or "by" or "until" or "till" or "since" or "before" or "after" or "from" or "every" or "and" or "or")) return false;
                if (m.Groups[3].Success && char.IsUpper(m.Groups[3].Value[0]) && NextWord(text, m.Index + m.Length) is { Length: > 1 } title && char.IsUpper(title[0])) return false;
                return true;
            }
            case Rule.WeekdayPlural:
                // "Fridays For Future": a movement's name.
                return NextWord(text, m.Index + m.Length) is not ("For" or "Of" or "With" or "In" or "And");
            case Rule.Century:
            {
                // "My 21st Century Blues", "20th Century Fox": a capitalized "Century" before a capitalized word is part of a title.
                int cw = m.Value.IndexOf("Century", StringComparison.Ordinal);
                return !(cw >= 0 && NextWord(text, m.Index + m.Length) is { Length: > 1 } after && char.IsUpper(after[0]) && char.IsLower(after[1]));
            }
            case Rule.Decade:
            {
                // "in her early twenties", "in my thirties": an age, not a decade of the century.
                if (m.Groups[4].Success && PrevWord(text, m.Index, out _) is "my" or "his" or "her" or "their" or "our" or "your" or "its") return false;
                // "RTX 3080s": models, not the 3080s.
                if (m.Groups[2].Success && int.Parse(m.Groups[2].ValueSpan, CultureInfo.InvariantCulture) > 210) return false;
                return true;
            }
            case Rule.Holiday:
            {
                // "Easter eggs", "the Easter bunny", "a Christmas tree": a thing named for the feast, not its day.
                var next = NextWord(text, m.Index + m.Length).ToLowerInvariant();
                return !HolidayThings.Contains(next);
            }
            case Rule.MonthQuarter:
            {
                // A quarter ends in March, June, September or December and runs three months: "the April-June quarter", not
                // "the March-June quarter".
                int last = MonthNumber(m.Groups[3].Value);
                if (last % 3 != 0) return false;
                if (m.Groups[2].Success && MonthNumber(m.Groups[2].Value) != last - 2) return false;
                goto case Rule.Quarter;
            }
            case Rule.QuarterPair:
                // "the first two quarters" without a year is a length, left to the duration rule.
                if (m.Groups["firsttwo"].Success && !m.Groups[4].Success && !m.Groups[5].Success) return false;
                goto case Rule.Quarter;
            case Rule.Quarter:
                // "the quarter-to-quarter comparison", "a quarter-point cut": a compound, not a quarter of the year.
                if (m.Index + m.Length < text.Length && text[m.Index + m.Length] == '-') return false;
                // "the Lakers' fourth-quarter comeback": a period of a game.
                return !GamePeriodNouns.Contains(NextWord(text, m.Index + m.Length).ToLowerInvariant());
            case Rule.DayRef:
            {
                // "no one recovers from grief overnight", "the tank didn't suddenly shrink overnight", "an overnight success":
                // "overnight" as "all at once", not a night.
                if (m.Length == 9 && m.Value.Equals("overnight", StringComparison.OrdinalIgnoreCase) && FigurativeOvernight(text, m.Index)) return false;
                // "the people of tomorrow", "the world of today": the coming or present age, not a day ("the end of today" is one).
                if (m.Length is 5 or 8 && m.Value.ToLowerInvariant() is "today" or "tomorrow" && PrevWord(text, m.Index, out int ofStart) == "of"
                    && PrevWord(text, ofStart, out _) is not ("end" or "start" or "beginning" or "middle" or "close" or "rest" or "remainder" or "course"
                        or "morning" or "afternoon" or "evening" or "night")) return false;
                if (!m.Value.StartsWith("today", StringComparison.OrdinalIgnoreCase) || m.Length != 5) return true;
                // "USA Today", "VOA Today", "the Today show": a capitalized "Today" inside a name is a title, not the day.
                if (m.Value[0] == 'T' && !AtSentenceStart(text, m.Index))
                {
                    PrevWord(text, m.Index, out int ps);
                    if (ps < m.Index && char.IsUpper(text[ps])) return false;
                    if (NextWord(text, m.Index + m.Length) is "show" or "Show" or "programme" or "program") return false;
                }
                // "today's world", "today's youth": the present age, which TimeML news annotation leaves out; "today's
                // vote", "today's editions" are this day's.
                int q = m.Index + m.Length;
                if (q + 2 <= text.Length && text[q] is '\'' or '\u2019' && text[q + 1] == 's')
                {
                    var head = PresentAgeHead.Match(text, q + 2);
                    return !(head.Success && PresentAgeNouns.Contains(head.Groups[1].Value.ToLowerInvariant()));
                }
                return true;
            }
            case Rule.RefDay:
                return true;
            case Rule.NoonMidnight:
                // "high noon" is an idiom (and a film), not a clock time.
                return PrevWord(text, m.Index, out _) != "high";
            case Rule.DayMonthRange:
                // "$5-7 March", "aged 6-7": money, scores and ages are not days.
                return !(m.Index > 0 && text[m.Index - 1] is '$' or '#' or '-' or '.' or '/' or ':') && !NonYearBefore.Contains(PrevWord(text, m.Index, out _));
            case Rule.MonthDayRange:
            {
                // "June 3 to 5 million", "March 1 and 2 percent": the second number counts something else.
                var next = NextWord(text, m.Index + m.Length).ToLowerInvariant();
                if (CountNouns.Contains(next) || next is "percent" or "per" or "million" or "billion" or "thousand" or "hundred" or "other" or "others" or "more" or "of" or "people"
                    or "years" or "months" or "weeks" or "days" or "hours" or "minutes" or "times") return false;
                return !(m.Index + m.Length < text.Length && text[m.Index + m.Length] == '%');
            }
            case Rule.YearRange:
            {
                if (m.Index > 0 && text[m.Index - 1] is '#' or '$' or '-' or '/') return false;
                int y1 = int.Parse(m.Groups[1].ValueSpan, CultureInfo.InvariantCulture), y2 = int.Parse(m.Groups[2].ValueSpan, CultureInfo.InvariantCulture);
                bool consecutive = (m.Groups[2].Length == 2 ? (y1 + 1) % 100 : y1 + 1) == y2;
                if (m.Groups["slash"].Success && !consecutive) return false;
                // "2023-05" is a month (see Normalize), not 2023 to 2105; a two-digit end before the first year's own
                // two digits reaches into the next century only from one year to the next ("1999-00").
                if (m.Groups[2].Length == 2 && y2 <= y1 % 100 && !consecutive && y2 is < 1 or > 12) return false;
                if (NonYearBefore.Contains(PrevWord(text, m.Index, out _))) return false;
                return !CountNouns.Contains(NextWord(text, m.Index + m.Length).ToLowerInvariant());
            }
            default:
                return true;
        }
    }

    /// <summary>Whether one or two digits forming a day of the month (1-31) follow <paramref name="pos"/> after spaces.</summary>
    private static bool DayNumberAt(string text, int pos)
    {
        while (pos < text.Length && text[pos] is ' ' or '.') pos++;
        int s = pos;
        while (pos < text.Length && char.IsAsciiDigit(text[pos]) && pos - s < 3) pos++;
        int len = pos - s;
        if (len is < 1 or > 2) return false;
        if (pos < text.Length && char.IsAsciiLetterOrDigit(text[pos]) && !(text.AsSpan(pos).StartsWith("st") || text.AsSpan(pos).StartsWith("nd") || text.AsSpan(pos).StartsWith("rd") || text.AsSpan(pos).StartsWith("th"))) return false;
        int day = int.Parse(text.AsSpan(s, len), NumberStyles.None, CultureInfo.InvariantCulture);
        return day is >= 1 and <= 31;
    }

    /// <summary>Whether a four-digit year (1000-2199) follows <paramref name="pos"/> after spaces, a full stop or a comma.</summary>
    private static bool YearNumberAt(string text, int pos)
    {
        while (pos < text.Length && text[pos] is ' ' or '.' or ',') pos++;
        if (pos + 4 > text.Length || (pos + 4 < text.Length && char.IsAsciiLetterOrDigit(text[pos + 4]))) return false;
        return int.TryParse(text.AsSpan(pos, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var y) && y is >= 1000 and <= 2199;
    }

    /// <summary>Whether <paramref name="pos"/> opens a sentence (after quotes and spaces: the text's start, a full stop or a paragraph break).</summary>
    private static bool FigurativeOvernight(string text, int pos)
    {
        if (PrevWord(text, pos, out _) is "suddenly" or "almost" or "virtually" or "practically" or "literally" or "seemingly" or "nearly" or "simply" or "just")
            return true;
        if (NextWord(text, pos + 9).ToLowerInvariant() is "success" or "successes" or "sensation" or "celebrity" or "star" or "fame") return true;
        // A negation earlier in the sentence, within a clause's reach: "won't happen overnight". (Bounded, so a text of
        // one endless sentence is not scanned back once per "overnight".)
        int from = pos, limit = Math.Max(0, pos - 160);
        while (from > limit && text[from - 1] is not ('.' or '!' or '?' or '\n')) from--;
        return NegationBefore().IsMatch(text.AsSpan(from, pos - from));
    }

    [GeneratedRegex(@"\b(?:(?:last|this|(?<!\bthe\s)next)\s+(?:week|month)\b(?!\s+of\b)|yesterday\b|(?:earlier|later)\s+this\s+(?:year|month|week)\b)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DeicticOfReport();

    [GeneratedRegex(@"\b(?:(?:end|beginning|start|middle|close|rest|remainder)\s+of|(?:later|earlier|early|late)\s+in)\s+$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MonthPartBefore();

    [GeneratedRegex(@"\b(?:spring|summer|fall|autumn|winter)(?:\s+(?:of\s+)?\d{4})?\s*,?\s+(?:and|or)\s+$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SeasonBeforeConjunction();

    [GeneratedRegex(@"\b(?:not|never|no|nobody|cannot)\b|n['\u2019]t\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NegationBefore();

    private static bool AtSentenceStart(string text, int pos)
    {
        int p = pos - 1;
        while (p >= 0 && (char.IsWhiteSpace(text[p]) && text[p] != '\n' || text[p] is '"' or '\'' or '`' or '\u201C' or '\u2018')) p--;
        return p < 0 || text[p] is '.' or '!' or '?' or ':' or '\n';
    }

    private static char NextChar(string text, int pos)
    {
        while (pos < text.Length && text[pos] == ' ') pos++;
        return pos < text.Length ? text[pos] : '.';
    }
}
