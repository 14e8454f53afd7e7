using System.Text.RegularExpressions;

namespace Sitrep.Time;

/// <summary>The recognition patterns: English vocabulary written for Sitrep, assembled into one regex per rule.</summary>
public sealed partial class TimexTagger
{
    // The rules' regexes are source-generated (no compilation at run time): each is \G-anchored, tried at word starts.
    private const RegexOptions RuleOptions = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;

    // Month and weekday names are case-sensitive: "may", "march", "sun" are ordinary words in lower case.
    private const string Mon = @"(?-i:(?:January|February|March|April|May|June|July|August|September|October|November|December)\b|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\b\.?)";
    private const string Wd = @"(?-i:(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b|(?:Mon|Tues|Tue|Wed|Thurs|Thur|Thu|Fri|Sat|Sun)\.)";
    private const string Small = "one|two|three|four|five|six|seven|eight|nine";
    private const string Teens = "ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen";
    private const string Tens = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety";
    private const string Num = @"(?:\d+\s+[13]/[24]|\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?|(?:" + Tens + @")(?:[\s-](?:" + Small + @"))?|" + Teens + "|" + Small +
        @"|a\s+(?:few|couple\s+of|dozen|hundred|thousand)|a|an|several|few|couple\s+of|some|many|dozens\s+of|hundreds\s+of|a\s+half|half\s+an?|one\s+and\s+a\s+half|a\s+hundred|one\s+hundred|two\s+hundred|a\s+thousand|two\s+thousand)";
    private const string Unit = @"(?:second|minute|hour|day|night|week|weekend|fortnight|month|quarter|year|decade|century|centurie|millenni(?:um|a))";
    private const string Ordinal = @"(?:first|second|third|fourth|1st|2nd|3rd|4th)";
    private const string Zone = @"(?-i:UTC|GMT|EST|EDT|CST|CDT|MST|MDT|PST|PDT|IST|KST|JST|CET|CEST|MSK|BST|HKT|SGT|AEST|AEDT|EET|EEST|WET|WEST|PKT|WIB|ET|PT|CT)(?:\s*[+-]\s*\d{1,2}(?::?\d{2})?)?";
    private const string BcEra = @"(?-i:BC|B\.C\.|BCE)(?![A-Za-z])";
    private const string PartOfDay = @"(?:morning|afternoon|evening|night)";
    private const string DayWord = @"(?:today|tomorrow|yesterday|tonight)";

    // Years spoken in broadcast transcripts: "nineteen ninety-six", "two thousand one".
    private const string SpelledYear = @"(?:nineteen[\s-]+(?:(?:" + Tens + @")(?:[\s-](?:" + Small + @"))?|" + Teens + @"|hundred|(?:oh|o)[\s-](?:" + Small + @"))|two\s+thousand(?:\s+and)?(?:[\s-](?:" + Small + "|" + Teens + @"))?)";

    // The words a rule's matches can begin with (see RuleRegex): written out per rule, checked against full scans by the tests.
    private const string MonW = "january february march april may june july august september october november december jan feb mar apr jun jul aug sept sep oct nov dec";
    private const string WdW = "monday tuesday wednesday thursday friday saturday sunday mon tues tue wed thurs thur thu fri sat sun";
    private const string NumW = "# a an one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety several few couple some many dozens hundreds half";
    private const string QuarterW = "this last next current latest previous prior preceding year comparable same final recent fiscal calendar just most first second third fourth quarter";
    private const string SmallW = "one two three four five six seven eight nine";
    private const string SmallTeensW = "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen";
    private const string AgoW = "ago earlier later from hence previously afterward afterwards thereafter";
    private const string UnitW = "second seconds minute minutes hour hours day days night nights week weeks weekend weekends fortnight fortnights month months quarter quarters year years decade decades century centurys centurie centuries millennium millenniums millennia millennias";

    private enum Rule
    {
        SpelledYearRule, MonthRelYear, Era, MilitaryTime,
        Iso, Slash, MonthDayYear, DayMonthYear, MonthYear, Month, Year, Fiscal, Decade, Century, Quarter, QuarterShort, Half,
        Relative, DayRef, Weekday, WeekdayPlural, Ago, RelativeShift, Duration, BarePlural, Season, Fuzzy, RecentPlural,
        SetEvery, SetAdverb, SetPer, Time, NoonMidnight, Holiday, RefDay, TheUnit, YearAgoAdj, MonthDayRange, YearRange, LongAdj, OrdinalDay, HalfShort, DayMonthRange, WeekOfMonth, BeforeLast, NumericDate, QuarterPair, MonthQuarter, DashDate,
    }

    private const string MilitaryTimePattern = @"\b([01]\d|2[0-3])([0-5]\d)\s*(?-i:(GMT|UTC|Z)|local\s+time|hours|hrs)\b";
    private const string EraPattern = @"\b(\d{1,4})\s*(?-i:(BC|B\.C\.|BCE|AD|A\.D\.|CE))(?![A-Za-z])";
    private const string SpelledYearRulePattern = @"\b(?:(?:the\s+)?year\s+)?(" + SpelledYear + @")\b";
    private const string MonthRelYearPattern = @"\b(" + Mon + @")(?:\s*(\d{1,2})(?:st|nd|rd|th)?)?,?\s+(?:of\s+)?(this|last|next|that|the\s+same|the\s+following|the\s+previous)\s+year\b";
    // With a time, seconds, a fraction and a zone as feeds and logs write them: "2023-06-10T14:05:09.123Z", "2023-06-10 14:05+03:00".
    private const string IsoPattern = @"\b(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,]\d{1,9})?)?(?<zone>Z|[+-]\d{2}:?\d{2})?)?\b";
    // Dotted dates are day first wherever they are written ("10.06.2023"); year-first dates with slashes or dots are
    // year-month-day ("2023/06/10", "2023.06.10").
    private const string NumericDatePattern = @"\b(?:(?<d>\d{1,2})\.(?<m>\d{1,2})\.(?<y>\d{4})|(?<y>\d{4})(?<sep>[/.])(?<m>\d{1,2})\k<sep>(?<d>\d{1,2}))\b(?![./]\d)";
    // "10/06/2023", and "9/11" as news names the attacks of 11 September 2001.
    private const string SlashPattern = @"(?<![\d/])(?:(\d{1,2})/(\d{1,2})/(\d{4}|\d{2})|(?<nine>9/11))(?![\d/])";
    // A month in capitals only before its day ("JUNE 12, 2005" in mail headers and old wire datelines): alone, "MAY" and
    // "MARCH" in capitals are words.
    private const string MonCaps = @"(?-i:(?:JANUARY|FEBRUARY|MARCH|APRIL|MAY|JUNE|JULY|AUGUST|SEPTEMBER|OCTOBER|NOVEMBER|DECEMBER)\b|(?:JAN|FEB|MAR|APR|JUN|JUL|AUG|SEPT|SEP|OCT|NOV|DEC)\b\.?)";
    private const string MonthDayYearPattern = @"\b(?:(" + Wd + @"),?\s+)?(" + Mon + "|" + MonCaps + @")\s*(\d{1,2})(?:st|nd|rd|th)?\b(?:,?\s*(\d{4})\b)?";
    private const string DayMonthYearPattern = @"\b(?:(" + Wd + @"),?\s+)?(?:the\s+)?(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(" + Mon + @")(?:,?\s*(\d{4})\b)?";
    // "01-Feb-02", "3-Mar-2021": the day-month-year of mail headers and spreadsheets.
    private const string DashDatePattern = @"\b(\d{1,2})-(?-i:(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sept?|Oct|Nov|Dec))-(\d{4}|\d{2})\b(?!-)";
    private const string MonthYearPattern = @"\b(" + Mon + @"),?\s+(?:of\s+)?(\d{4}|['\u2019]\d{2}|\d{1,4}(?=\s*" + BcEra + @")|" + SpelledYear + @")\b(?:\s*(" + BcEra + "))?";
    private const string MonthPattern = @"\b(?:(this|last|next|past|coming|previous|early|late|mid)[\s-]+)?(" + Mon + ")";
    private const string YearPattern = @"(?<![\$£€#\d.,/:])(?<!\d-)\b(?:the\s+year\s+)?(\d{4})\b(?![\d%]|,\d|\.\d|-\d|:\d)";
    private const string FiscalPattern = @"\b(?:fiscal(?:\s+year)?|FY)[\s-]*'?(\d{4}|\d{2})\b";
    private const string DecadePattern = @"(?:\b|(?=['\u2019]\d0s\b))(?:the\s+)?(?:(early|mid|late)[\s-]+)?(?:(\d{3})0['\u2019]?s|['\u2019](\d)0s|(?<c21>twenty[\s-]+)?(twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)|(\d{1,3})0s\s*" + BcEra + @"|(?<aughts>aughts|noughties|two[\s-]+thousands))\b";
    private const string CenturyPattern = @"\b(?:the\s+)?(?:(\d{1,2})(?:st|nd|rd|th)|(first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|twenty-first))[\s-]+century\b(?:\s*(" + BcEra + "))?";
    private const string QuarterPattern = @"\b(?:(the)\s+)?(?:(\d{4})(?:['’]s)?\s+|(this|last|next)\s+year['’]s\s+)?((?:(?:current|latest|last|previous|prior|preceding|year-ago|year-earlier|comparable|same|final|recent|fiscal|calendar|just-ended|just-completed|most\s+recent)[\s-]+)*)(?:(" + Ordinal + @")[\s-]+)?(?:fiscal[\s-]+)?quarter\b(?:\s+of\s+(?:fiscal\s+)?(?:(\d{4})|(this|last|next)\s+year))?";
    // "Q3 2023", "Q3 FY24", "Q3 fiscal 2024", "Q3 '23".
    private const string QuarterShortPattern = @"\b(?-i:Q([1-4]))(?:\s+(?:(?:(?-i:FY)\s?|fiscal\s+)?(\d{4})|(?:(?-i:FY)\s?|fiscal\s+|['\u2019])(?<yy>\d{2})))?\b";
    // "the second and third quarters of 2022", "first- and second-quarter results": two quarters sharing their year;
    // "the first two quarters of 1990" is the year's first half.
    private const string QuarterPairPattern = @"\b(?:(the)\s+)?(?:(" + Ordinal + @")-?\s*(?:,\s*)?(?:and|or|to|through|-|\u2013)\s*(" + Ordinal + @")|(?<firsttwo>first\s+two))[\s-]+(?:fiscal[\s-]+)?quarters?\b(?:\s+of\s+(?:fiscal\s+)?(?:(\d{4})|(this|last|next)\s+year))?";
    // A quarter named by its months, "the April-June quarter", "the June quarter" (Australian and Japanese reports).
    private const string MonthQuarterPattern = @"\b(?:(the)\s+)?(?:(" + Mon + @")\s*(?:-|\u2013|to)\s*)?(" + Mon + @")[\s-]+quarter\b(?:\s+of\s+(?:fiscal\s+)?(\d{4}))?";
    private const string HalfShortPattern = @"\b(?-i:H([12]))\s+(?:of\s+)?(\d{4})\b";
    private const string WeekOfMonthPattern = @"\b(?:the\s+)?(first|second|third|fourth|last|final)\s+(week|weekend)\s+of\s+(" + Mon + @")(?:,?\s+(\d{4})\b)?";
    private const string HalfPattern = @"\b(?:the\s+)?(first|second)[\s-]+half(?:\s+of\s+(?:(?:fiscal\s+)?(\d{4})|(this|last|next)\s+year|the\s+year))?\b";
    private const string RelativePattern = @"\b(this\s+(?:coming|past)|this|last|next|past|coming|previous|current|following|the\s+(?:past|last|next|coming|following|previous|current|same|preceding|latest))\s+(week|fortnight|month|year|quarter|decade|century|weekend|spring|summer|fall|autumn|winter|" + Mon + "|" + Wd + @")(?!-)\b";
    private const string DayRefPattern = @"\b(?:(" + DayWord + @"|overnight)(?:\s+(" + PartOfDay + @"))?|(this|last)\s+(" + PartOfDay + @"))\b";
    // A weekday in lower case, as web text writes it ("see you on friday"), is checked in Accept.
    private const string WeekdayPattern = @"\b(?:(this|last|next|past|coming)\s+)?(" + Wd + @"|(?-i:monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b)(?:\s+(" + PartOfDay + @"))?(?(1)|(?:,?\s+(last|next|this)\s+week\b)?)";
    private const string WeekdayPluralPattern = @"\b(?-i:(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?:s(?:\s+(" + PartOfDay + @")s?)?|\s+(" + PartOfDay + @")s))\b";
    private const string AgoPattern = @"\b(?:(" + Num + @")(?:[\s-]+|(?<=\d)))?(" + Unit + @")s?\s+(?:or\s+so\s+)?(ago|earlier|later|from\s+now|hence|previously|afterwards?|thereafter)\b";
    private const string DurationPattern = @"\b(?:(?:the|these|those)\s+(?!(?:\d+|[a-z]+(?:-[a-z]+)?)-(?:year|month|week|day|hour|minute|quarter|decade)\b)(?:(past|last|next|first|previous|coming|latest|final|remaining|following|initial|same|prior|preceding|recent)\s+)?)?(" + Num + @")(?:\s+and\s+a\s+half)?[\s-]+(?:more\s+|(?:consecutive|straight|successive|full)\s+)?(?:(?:working|business|trading|calendar)\s+(?=days?\b))?(" + Unit + @")s?(?:\s+and\s+a\s+half)?\b(?:\s+or\s+so\b)?";
    private const string BarePluralPattern = @"\b(?:the\s+(past|last|next|coming)\s+(?:few\s+|several\s+)?)?(years|months|weeks|days|hours|decades|centuries|minutes)\b";
    private const string SeasonPattern = @"\b(?:(this|last|next|past|coming|the|early|late|mid)[\s-]+)?(spring|summer|fall|autumn|winter)\b(?:\s+(?:of\s+)?(\d{4}\b|(?<bc>\d{1,4})\s*" + BcEra + "|" + SpelledYear + @")|\s+of\s+(that|this|last|next|the\s+same|the\s+following|the\s+previous)\s+year\b)?";
    private const string FuzzyPattern = @"\b(right\s+now|now|currently|current|recently|lately|nowadays|these\s+days|the\s+past|the\s+(?:near\s+|distant\s+|immediate\s+)?future|future|as\s+soon\s+as\s+possible|soon|previously|formerly|once|then|the\s+time|former|the\s+(?:near|short|long)\s+term)\b";
    private const string RecentPluralPattern = @"\brecent\s+(years|months|weeks|days|decades|quarters)\b";
    private const string SetEveryPattern = @"\b(every|each)\s+(?:other\s+)?(?:(" + Num + @")\s+)?(" + Unit + "|" + Wd + "|" + Mon + @"|morning|evening|night|spring|summer|fall|autumn|winter)s?\b";
    private const string SetAdverbPattern = @"\b(hourly|nightly|daily|weekly|monthly|yearly|annually)\b";
    // "twice a week", "three times a year", "$5 a year"; "three days a week", "eight hours a day" (a frequency in a smaller unit).
    private const string SetPerPattern = @"\b(?:(once|twice|thrice|(?:" + Small + "|" + Teens + @"|\d+)\s+times)\s+|(?<fn>" + Small + "|" + Teens + @"|\d{1,2})\s+(?<fu>days?|nights?|hours?|weeks?)\s+)?(a|per)\s+(year|month|week|day|hour|quarter)\b";
    // "2 p.m." keeps its closing full stop, "2pm." does not: there the stop ends the sentence.
    private const string TimePattern = @"\b(\d{1,2})(?:[:.](\d{2})(?::(?<sec>[0-5]\d))?)?\s*(?:([ap])(?:\.\s?m\b\.?|\s?m\b)|(o'clock)|(?=\s*(?:" + Zone + @")\b)|(?=\s+in\s+the\s+(?:morning|afternoon|evening)\b)|(?<=\d:\d{2})\s*(?-i:hrs?|hours)\b|(?<=\b(?:at|by|until|till|before|after|around|about|from)\s+\d{1,2}:\d{2})(?![\d:]))(?:\s+in\s+the\s+(?<pod>morning|afternoon|evening)\b)?(?:\s*\(?(" + Zone + @")\)?)?(?:,?\s+(?:on\s+)?(" + Wd + "|" + DayWord + "|" + Mon + @"\s*\d{1,2}\b(?:,?\s*\d{4}\b)?))?";
    // As a clock time, with its zone and day: "noon ET", "midnight Thursday" ("on Friday" after it is a TIMEX3 of its own).
    private const string NoonMidnightPattern = @"\b(noon|midnight|midday)(?:\s*\(?(?<zone>" + Zone + @")\)?)?(?:\s+(" + Wd + "|" + DayWord + @"))?\b";
    // "this Easter", "last Christmas"; "Christmas 1914", "Memorial Day of 1986".
    private const string HolidayPattern = @"\b(?:(?<rel>this|last|next)\s+)?(?-i:(" + Holidays.Pattern + @"))(?:\s+(?:of\s+)?(\d{4})\b)?";
    private const string RefDayPattern = @"\b((?:the\s+(?:following|next|previous|same)|that(?:\s+same)?|later\s+that)\s+(?:day|month|year|week|morning|afternoon|evening|night))\b";
    // Not "the month before last year's crash", "the week before last Friday": "last" and "next" end the phrase.
    private const string BeforeLastPattern = @"\bthe\s+(week|weekend|month|year)\s+(before\s+last|after\s+next)\b(?!['\u2019]|\s+(?:" + Unit + "|" + Wd + "|" + Mon + @"|spring|summer|fall|autumn|winter|time|season|night|morning|evening|afternoon)s?\b)";
    private const string TheUnitPattern = @"\b(?:the\s+)(year-ago\s+period|year-earlier\s+period|latest\s+period|current\s+fiscal\s+year|fiscal\s+year|full\s+year|year-end|year|month|weekend|week|period|moment|day|morning|afternoon|evening|night|decade|century)\b(?:\s+(?<ba>before|after)(?=\s*(?:[.,;:!?)\u201D""]|$)))?";
    private const string YearAgoAdjPattern = @"\b(year-ago|year-earlier|year-end|year\s+end|yearend|year-to-date|year-earlier\s+period)\b";
    private const string MonthDayRangePattern = @"\b(" + Mon + @")\s*(\d{1,2})(?:st|nd|rd|th)?\s*(?:-|\u2013|and|or|to|through)\s*(\d{1,2})(?:st|nd|rd|th)?\b(?![\d%/:.,]\d)(?:,?\s*(\d{4})\b)?";
    private const string DayMonthRangePattern = @"\b(\d{1,2})(?:st|nd|rd|th)?\s*(?:-|\u2013|and|or|to|through)\s*(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(" + Mon + @")(?:,?\s*(\d{4})\b)?";
    // "1861-1863", "1915-17", and with a slash consecutive years only, a season or a fiscal year ("2022/23", not "2023/06").
    private const string YearRangePattern = @"\b(1\d{3}|20\d{2})\s*(?:[-\u2013]|(?<slash>/))\s*(\d{4}|\d{2})\b(?![-\u2013/.,:]\d)";
    private const string OrdinalDayPattern = @"\bthe\s+(\d{1,2})(?:st|nd|rd|th)\b(?:\s+of\s+(that|this|last|next|the\s+same|the\s+following|the)\s+month\b)?";
    private const string LongAdjPattern = @"\b(?:(" + Num + @")-)?(" + Unit + @")(s?)-long\b";

    [GeneratedRegex(@"\G(?:" + MilitaryTimePattern + ")", RuleOptions)]
    private static partial Regex MilitaryTimeAnchored();
    [GeneratedRegex(@"\G(?:" + EraPattern + ")", RuleOptions)]
    private static partial Regex EraAnchored();
    [GeneratedRegex(@"\G(?:" + SpelledYearRulePattern + ")", RuleOptions)]
    private static partial Regex SpelledYearRuleAnchored();
    [GeneratedRegex(@"\G(?:" + MonthRelYearPattern + ")", RuleOptions)]
    private static partial Regex MonthRelYearAnchored();
    [GeneratedRegex(@"\G(?:" + IsoPattern + ")", RuleOptions)]
    private static partial Regex IsoAnchored();
    [GeneratedRegex(@"\G(?:" + MonthDayYearPattern + ")", RuleOptions)]
    private static partial Regex MonthDayYearAnchored();
    [GeneratedRegex(@"\G(?:" + DayMonthYearPattern + ")", RuleOptions)]
    private static partial Regex DayMonthYearAnchored();
    [GeneratedRegex(@"\G(?:" + MonthYearPattern + ")", RuleOptions)]
    private static partial Regex MonthYearAnchored();
    [GeneratedRegex(@"\G(?:" + MonthPattern + ")", RuleOptions)]
    private static partial Regex MonthAnchored();
    [GeneratedRegex(@"\G(?:" + YearPattern + ")", RuleOptions)]
    private static partial Regex YearAnchored();
    [GeneratedRegex(@"\G(?:" + FiscalPattern + ")", RuleOptions)]
    private static partial Regex FiscalAnchored();
    [GeneratedRegex(@"\G(?:" + DecadePattern + ")", RuleOptions)]
    private static partial Regex DecadeAnchored();
    [GeneratedRegex(@"\G(?:" + CenturyPattern + ")", RuleOptions)]
    private static partial Regex CenturyAnchored();
    [GeneratedRegex(@"\G(?:" + QuarterPattern + ")", RuleOptions)]
    private static partial Regex QuarterAnchored();
    [GeneratedRegex(@"\G(?:" + QuarterShortPattern + ")", RuleOptions)]
    private static partial Regex QuarterShortAnchored();
    [GeneratedRegex(@"\G(?:" + QuarterPairPattern + ")", RuleOptions)]
    private static partial Regex QuarterPairAnchored();
    [GeneratedRegex(@"\G(?:" + MonthQuarterPattern + ")", RuleOptions)]
    private static partial Regex MonthQuarterAnchored();
    [GeneratedRegex(@"\G(?:" + DashDatePattern + ")", RuleOptions)]
    private static partial Regex DashDateAnchored();
    [GeneratedRegex(@"\G(?:" + HalfShortPattern + ")", RuleOptions)]
    private static partial Regex HalfShortAnchored();
    [GeneratedRegex(@"\G(?:" + WeekOfMonthPattern + ")", RuleOptions)]
    private static partial Regex WeekOfMonthAnchored();
    [GeneratedRegex(@"\G(?:" + HalfPattern + ")", RuleOptions)]
    private static partial Regex HalfAnchored();
    [GeneratedRegex(@"\G(?:" + RelativePattern + ")", RuleOptions)]
    private static partial Regex RelativeAnchored();
    [GeneratedRegex(@"\G(?:" + DayRefPattern + ")", RuleOptions)]
    private static partial Regex DayRefAnchored();
    [GeneratedRegex(@"\G(?:" + WeekdayPattern + ")", RuleOptions)]
    private static partial Regex WeekdayAnchored();
    [GeneratedRegex(@"\G(?:" + WeekdayPluralPattern + ")", RuleOptions)]
    private static partial Regex WeekdayPluralAnchored();
    [GeneratedRegex(@"\G(?:" + AgoPattern + ")", RuleOptions)]
    private static partial Regex AgoAnchored();
    [GeneratedRegex(@"\G(?:" + DurationPattern + ")", RuleOptions)]
    private static partial Regex DurationAnchored();
    [GeneratedRegex(@"\G(?:" + BarePluralPattern + ")", RuleOptions)]
    private static partial Regex BarePluralAnchored();
    [GeneratedRegex(@"\G(?:" + SeasonPattern + ")", RuleOptions)]
    private static partial Regex SeasonAnchored();
    [GeneratedRegex(@"\G(?:" + FuzzyPattern + ")", RuleOptions)]
    private static partial Regex FuzzyAnchored();
    [GeneratedRegex(@"\G(?:" + RecentPluralPattern + ")", RuleOptions)]
    private static partial Regex RecentPluralAnchored();
    [GeneratedRegex(@"\G(?:" + SetEveryPattern + ")", RuleOptions)]
    private static partial Regex SetEveryAnchored();
    [GeneratedRegex(@"\G(?:" + SetAdverbPattern + ")", RuleOptions)]
    private static partial Regex SetAdverbAnchored();
    [GeneratedRegex(@"\G(?:" + SetPerPattern + ")", RuleOptions)]
    private static partial Regex SetPerAnchored();
    [GeneratedRegex(@"\G(?:" + TimePattern + ")", RuleOptions)]
    private static partial Regex TimeAnchored();
    [GeneratedRegex(@"\G(?:" + NoonMidnightPattern + ")", RuleOptions)]
    private static partial Regex NoonMidnightAnchored();
    [GeneratedRegex(@"\G(?:" + HolidayPattern + ")", RuleOptions)]
    private static partial Regex HolidayAnchored();
    [GeneratedRegex(@"\G(?:" + RefDayPattern + ")", RuleOptions)]
    private static partial Regex RefDayAnchored();
    [GeneratedRegex(@"\G(?:" + NumericDatePattern + ")", RuleOptions)]
    private static partial Regex NumericDateAnchored();
    [GeneratedRegex(@"\G(?:" + BeforeLastPattern + ")", RuleOptions)]
    private static partial Regex BeforeLastAnchored();
    [GeneratedRegex(@"\G(?:" + TheUnitPattern + ")", RuleOptions)]
    private static partial Regex TheUnitAnchored();
    [GeneratedRegex(@"\G(?:" + YearAgoAdjPattern + ")", RuleOptions)]
    private static partial Regex YearAgoAdjAnchored();
    [GeneratedRegex(@"\G(?:" + MonthDayRangePattern + ")", RuleOptions)]
    private static partial Regex MonthDayRangeAnchored();
    [GeneratedRegex(@"\G(?:" + DayMonthRangePattern + ")", RuleOptions)]
    private static partial Regex DayMonthRangeAnchored();
    [GeneratedRegex(@"\G(?:" + YearRangePattern + ")", RuleOptions)]
    private static partial Regex YearRangeAnchored();
    [GeneratedRegex(@"\G(?:" + OrdinalDayPattern + ")", RuleOptions)]
    private static partial Regex OrdinalDayAnchored();
    [GeneratedRegex(@"\G(?:" + LongAdjPattern + ")", RuleOptions)]
    private static partial Regex LongAdjAnchored();

    private static readonly (Rule Rule, RuleRegex Regex)[] Rules =
    [
        (Rule.MilitaryTime, Make("", true, MilitaryTimePattern, MilitaryTimeAnchored(), leads: "#: gmt utc z local hours hrs")),
        (Rule.Era, Make("", true, EraPattern, EraAnchored(), leads: "#: bc b bce ad a ce")),
        (Rule.SpelledYearRule, Make("year nineteen two", true, SpelledYearRulePattern, SpelledYearRuleAnchored(), leads: "the: year")),
        // "March of last year", "July 25 of that year", "November of the same year".
        (Rule.MonthRelYear, Make(MonW, true, MonthRelYearPattern, MonthRelYearAnchored())),
        (Rule.Iso, Make("#", true, IsoPattern, IsoAnchored())),
        (Rule.Slash, Make(null, false, SlashPattern, null, required: '/')),
        (Rule.NumericDate, Make("#", true, NumericDatePattern, NumericDateAnchored())),
        (Rule.MonthDayYear, Make(WdW + " " + MonW, true, MonthDayYearPattern, MonthDayYearAnchored())),
        (Rule.DayMonthYear, Make(WdW, true, DayMonthYearPattern, DayMonthYearAnchored(), leads: "#: st nd rd th of " + MonW + "; " + "the: #")),
        (Rule.MonthYear, Make(MonW, true, MonthYearPattern, MonthYearAnchored())),
        (Rule.Month, Make("this last next past coming previous early late mid " + MonW, true, MonthPattern, MonthAnchored())),
        (Rule.Year, Make("#", true, YearPattern, YearAnchored(), leads: "the: year")),
        (Rule.Fiscal, Make("fiscal fy", true, FiscalPattern, FiscalAnchored())),
        (Rule.Decade, Make("early mid late ' twenties thirties forties fifties sixties seventies eighties nineties twenty aughts noughties two", true, DecadePattern, DecadeAnchored(), leads: "#: s '; the: early mid late # ' twenties thirties forties fifties sixties seventies eighties nineties twenty aughts noughties two")),
        (Rule.Century, Make("first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth twentieth twenty", true, CenturyPattern, CenturyAnchored(), leads: "#: st nd rd th; the: # first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth twentieth twenty")),
        (Rule.Quarter, Make(QuarterW, true, QuarterPattern, QuarterAnchored(), leads: "#: ' s st nd rd th " + QuarterW + "; the: # " + QuarterW)),
        (Rule.QuarterPair, Make("first second third fourth", true, QuarterPairPattern, QuarterPairAnchored(), leads: "#: st nd rd th; the: # first second third fourth")),
        (Rule.MonthQuarter, Make(MonW, true, MonthQuarterPattern, MonthQuarterAnchored(), leads: "the: " + MonW)),
        (Rule.DashDate, Make("#", true, DashDatePattern, DashDateAnchored())),
        (Rule.QuarterShort, Make("q", true, QuarterShortPattern, QuarterShortAnchored())),
        // Half-years in business and statistics writing, "H1 2023", "H2 of 2022" (with the year: a bare "H1" is too often something else).
        (Rule.HalfShort, Make("h", true, HalfShortPattern, HalfShortAnchored())),
        // "the last week of August", "the first weekend of October 2023": a week counted within a month.
        (Rule.WeekOfMonth, Make("first second third fourth last final", true, WeekOfMonthPattern, WeekOfMonthAnchored(), leads: "the: first second third fourth last final")),
        (Rule.Half, Make("first second", true, HalfPattern, HalfAnchored(), leads: "the: first second")),
        (Rule.Relative, Make("this last next past coming previous current following", true, RelativePattern, RelativeAnchored(), leads: "the: past last next coming following previous current same preceding latest")),
        (Rule.DayRef, Make("today tomorrow yesterday tonight overnight this last", true, DayRefPattern, DayRefAnchored())),
        (Rule.Weekday, Make("this last next past coming " + WdW, true, WeekdayPattern, WeekdayAnchored())),
        // "on Tuesdays", "Friday evenings", "Tuesday nights": a weekly recurrence.
        (Rule.WeekdayPlural, Make("monday tuesday wednesday thursday friday saturday sunday mondays tuesdays wednesdays thursdays fridays saturdays sundays", true, WeekdayPluralPattern, WeekdayPluralAnchored())),
        (Rule.Ago, Make("", true, AgoPattern, AgoAnchored(), leads: NumberLeads("") + "; " + UnitW + ": or " + AgoW)),
        (Rule.Duration, Make("", true, DurationPattern, DurationAnchored(), leads: "the: past last next first previous coming latest final remaining following initial same prior preceding recent " + NumW + "; these those: past last next first " + NumW + "; " + NumberLeads(" and more consecutive straight successive full working business trading calendar"))),
        (Rule.BarePlural, Make("years months weeks days hours decades centuries minutes", true, BarePluralPattern, BarePluralAnchored(), leads: "the: past last next coming")),
        (Rule.Season, Make("this last next past coming early late mid spring summer fall autumn winter", true, SeasonPattern, SeasonAnchored(), leads: "the: spring summer fall autumn winter")),
        (Rule.Fuzzy, Make("right now currently current recently lately nowadays these future as soon previously formerly once then former", true, FuzzyPattern, FuzzyAnchored(), leads: "the: past future near distant immediate time short long")),
        (Rule.RecentPlural, Make("recent", true, RecentPluralPattern, RecentPluralAnchored())),
        (Rule.SetEvery, Make("every each", true, SetEveryPattern, SetEveryAnchored())),
        (Rule.SetAdverb, Make("hourly nightly daily weekly monthly yearly annually", true, SetAdverbPattern, SetAdverbAnchored())),
        (Rule.SetPer, Make("per", true, SetPerPattern, SetPerAnchored(), leads: "#: times day days night nights hour hours week weeks; once twice thrice: a per; " + SmallTeensW + ": times day days night nights hour hours week weeks; a: year month week day hour quarter")),
        (Rule.Time, Make("#", true, TimePattern, TimeAnchored())),
        (Rule.NoonMidnight, Make("noon midnight midday", true, NoonMidnightPattern, NoonMidnightAnchored())),
        (Rule.Holiday, Make("this last next " + Holidays.FirstWords, true, HolidayPattern, HolidayAnchored())),
        (Rule.RefDay, Make("that later", true, RefDayPattern, RefDayAnchored(), leads: "the: following next previous same")),
        // "the week before last", "the year after next": two units back or ahead.
        (Rule.BeforeLast, Make("", true, BeforeLastPattern, BeforeLastAnchored(), leads: "the: week weekend month year")),
        (Rule.TheUnit, Make("", true, TheUnitPattern, TheUnitAnchored(), leads: "the: year latest current fiscal full month weekend week period moment day morning afternoon evening night decade century")),
        (Rule.YearAgoAdj, Make("year yearend", true, YearAgoAdjPattern, YearAgoAdjAnchored())),
        // Day ranges within one month, "April 24 and 25", "March 5-9, 1918": two TIMEX3s, the second taking the first's month (and the year after it).
        (Rule.MonthDayRange, Make(MonW, true, MonthDayRangePattern, MonthDayRangeAnchored())),
        // The same in day-month order, "6-7 January 1916", "12 to 14 July": two TIMEX3s, "6" and "7 January 1916".
        (Rule.DayMonthRange, Make("", true, DayMonthRangePattern, DayMonthRangeAnchored(), leads: "#: st nd rd th and or to through of " + MonW)),
        // Year ranges, "1861-1863", "1915-17": two TIMEX3s.
        (Rule.YearRange, Make("#", true, YearRangePattern, YearRangeAnchored())),
        // A day of the month by its ordinal alone, "resumed on the 15th", "on the 28th of that month" (the preposition is checked in Accept).
        (Rule.OrdinalDay, Make("", true, OrdinalDayPattern, OrdinalDayAnchored(), leads: "the: #")),
        // Adjectives of length, "a day-long meeting", "decades-long battle", "a two-week-long strike".
        (Rule.LongAdj, Make("", true, LongAdjPattern, LongAdjAnchored(), leads: NumberLeads("") + "; " + UnitW + ": long")),
    ];

    /// <summary>
    /// A rule with <paramref name="firstWords"/> (the words its matches can begin with, and <paramref name="leads"/>,
    /// words they can begin with only before certain words) is run as a \G-anchored backtracking regex tried only at
    /// word starts whose word allows it: the same matches as a full scan at a fraction of the cost, since one table
    /// lookup per word rules out most rules. Without <paramref name="firstWords"/> the whole text is scanned, where
    /// <paramref name="required"/> (a character every match contains) occurs.
    /// </summary>
    private static RuleRegex Make(string? firstWords, bool boundary, string pattern, Regex? anchored, string? leads = null, char? required = null) => new(pattern, anchored, firstWords, leads, boundary, required);

    /// <summary>
    /// The words a quantity (Num) can begin with, each as a lead before the words that can follow it there ("3 days",
    /// "a few", "twenty-one", "one and a half", "couple of"), then a unit; <paramref name="more"/> adds followers of the rule
    /// after the quantity (" and more" for "two and a half years", "two more weeks").
    /// </summary>
    private static string NumberLeads(string more) =>
        "#: " + UnitW + more
        + "; a: few couple dozen hundred thousand half " + UnitW + more
        + "; an: " + UnitW + more
        + "; " + SmallW + ": and hundred thousand " + UnitW + more
        + "; ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen several few some many: " + UnitW + more
        + "; twenty thirty forty fifty sixty seventy eighty ninety: " + SmallW + " " + UnitW + more
        + "; couple dozens hundreds: of; half: a an";

    // Modifiers that extend an expression to the left ("early", "the end of", "about", "more than").
    [GeneratedRegex(@"(?:\b(?<m>early|late|mid|middle|earlier|later|around|about|approximately|roughly|circa|ca\.|nearly|almost|some|over|close\s+to|more\s+than|less\s+than|fewer\s+than|at\s+least|up\s+to|no\s+more\s+than|no\s+less\s+than|the\s+(?:beginning|start|end|middle|close|turn|rest|remainder|first\s+half|second\s+half|last\s+half|latter\s+half)\s+of|(?:the\s+)?(?:early|later?)\s+part\s+of|(?:early|earlier|late|later)\s+in)[\s-]+|\b(?<m>mid|end)-)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ModifierBefore();
}
