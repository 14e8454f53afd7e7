using System.Text.RegularExpressions;

namespace Sitrep.Time;

/// <summary>The recognition patterns: English vocabulary written for Sitrep, assembled into one regex per rule.</summary>
public sealed partial class TimexTagger
{
    private const RegexOptions Opts = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled;

    // Month and weekday names are case-sensitive: "may", "march", "sun" are ordinary words in lower case.
    private const string Mon = @"(?-i:(?:January|February|March|April|May|June|July|August|September|October|November|December)\b|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\b\.?)";
    private const string Wd = @"(?-i:(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b|(?:Mon|Tues|Tue|Wed|Thurs|Thur|Thu|Fri|Sat|Sun)\.)";
    private const string Small = "one|two|three|four|five|six|seven|eight|nine";
    private const string Teens = "ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen";
    private const string Tens = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety";
    private const string Num = @"(?:\d+(?:\.\d+)?|(?:" + Tens + @")(?:[\s-](?:" + Small + @"))?|" + Teens + "|" + Small +
        @"|a\s+(?:few|couple\s+of|dozen|hundred|thousand)|a|an|several|few|couple\s+of|some|many|dozens\s+of|hundreds\s+of|a\s+half|half\s+a|one\s+and\s+a\s+half|a\s+hundred|one\s+hundred|two\s+hundred|a\s+thousand|two\s+thousand)";
    private const string Unit = @"(?:second|minute|hour|day|night|week|weekend|fortnight|month|quarter|year|decade|century|centurie|millenni(?:um|a))";
    private const string Ordinal = @"(?:first|second|third|fourth|1st|2nd|3rd|4th)";
    private const string Zone = @"(?-i:UTC|GMT|EST|EDT|CST|CDT|MST|MDT|PST|PDT|IST|KST|JST|CET|CEST|MSK|BST|HKT|SGT|AEST|AEDT|EET|EEST|WET|WEST|PKT|WIB|ET|PT|CT)(?:\s*[+-]\s*\d{1,2}(?::?\d{2})?)?";
    private const string PartOfDay = @"(?:morning|afternoon|evening|night)";
    private const string DayWord = @"(?:today|tomorrow|yesterday|tonight)";

    // Years spoken in broadcast transcripts: "nineteen ninety-six", "two thousand one".
    private const string SpelledYear = @"(?:nineteen[\s-]+(?:(?:" + Tens + @")(?:[\s-](?:" + Small + @"))?|" + Teens + @"|hundred|(?:oh|o)[\s-](?:" + Small + @"))|two\s+thousand(?:\s+and)?(?:[\s-](?:" + Small + "|" + Teens + @"))?)";

    private enum Rule
    {
        SpelledYearRule, MonthRelYear, Era, MilitaryTime,
        Iso, Slash, MonthDayYear, DayMonthYear, MonthYear, Month, Year, Fiscal, Decade, Century, Quarter, QuarterShort, Half,
        Relative, DayRef, Weekday, WeekdayPlural, Ago, RelativeShift, Duration, BarePlural, Season, Fuzzy, RecentPlural,
        SetEvery, SetAdverb, SetPer, Time, NoonMidnight, Holiday, RefDay, TheUnit, YearAgoAdj,
    }

    private static readonly (Rule Rule, Regex Regex)[] Rules =
    [
        (Rule.MilitaryTime, new Regex(@"\b([01]\d|2[0-3])([0-5]\d)\s*(?-i:(GMT|UTC|Z)|local\s+time|hours|hrs)\b", Opts)),
        (Rule.Era, new Regex(@"\b(\d{1,4})\s*(?-i:(BC|B\.C\.|BCE|AD|A\.D\.|CE))(?![A-Za-z])", Opts)),
        (Rule.SpelledYearRule, new Regex(@"\b(?:(?:the\s+)?year\s+)?(" + SpelledYear + @")\b", Opts)),
        (Rule.MonthRelYear, new Regex(@"\b(" + Mon + @"),?\s+(?:of\s+)?(this|last|next)\s+year\b", Opts)),
        (Rule.Iso, new Regex(@"\b(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?)?\b", Opts)),
        (Rule.Slash, new Regex(@"(?<![\d/])(\d{1,2})/(\d{1,2})/(\d{4}|\d{2})(?![\d/])", Opts)),
        (Rule.MonthDayYear, new Regex(@"\b(?:(" + Wd + @"),?\s+)?(" + Mon + @")\s*(\d{1,2})(?:st|nd|rd|th)?\b(?:,?\s*(\d{4})\b)?", Opts)),
        (Rule.DayMonthYear, new Regex(@"\b(?:(" + Wd + @"),?\s+)?(?:the\s+)?(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(" + Mon + @")(?:,?\s*(\d{4})\b)?", Opts)),
        (Rule.MonthYear, new Regex(@"\b(" + Mon + @"),?\s+(?:of\s+)?(\d{4}|" + SpelledYear + @")\b", Opts)),
        (Rule.Month, new Regex(@"\b(?:(this|last|next|past|coming|previous|early|late|mid)[\s-]+)?(" + Mon + ")", Opts)),
        (Rule.Year, new Regex(@"(?<![\$£€#\d.,/:])(?<!\d-)\b(?:the\s+year\s+)?(\d{4})\b(?![\d%]|,\d|\.\d|-\d|:\d)", Opts)),
        (Rule.Fiscal, new Regex(@"\b(?:fiscal(?:\s+year)?|FY)[\s-]*'?(\d{4}|\d{2})\b", Opts)),
        (Rule.Decade, new Regex(@"\b(?:the\s+)?(?:(early|mid|late)[\s-]+)?(?:(\d{3})0'?s|'(\d)0s|(twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties))\b", Opts)),
        (Rule.Century, new Regex(@"\b(?:the\s+)?(?:(\d{1,2})(?:st|nd|rd|th)|(first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|twenty-first))[\s-]+century\b", Opts)),
        (Rule.Quarter, new Regex(@"\b(?:(the)\s+)?(?:(\d{4})(?:'s)?\s+|(this|last|next)\s+year's\s+)?((?:(?:current|latest|last|previous|prior|preceding|year-ago|year-earlier|comparable|same|final|recent|fiscal|calendar|just-ended|just-completed|most\s+recent)[\s-]+)*)(?:(" + Ordinal + @")[\s-]+)?(?:fiscal[\s-]+)?quarter\b(?:\s+of\s+(?:fiscal\s+)?(?:(\d{4})|(this|last|next)\s+year))?", Opts)),
        (Rule.QuarterShort, new Regex(@"\b(?-i:Q([1-4]))(?:\s+(\d{4}))?\b", Opts)),
        (Rule.Half, new Regex(@"\b(?:the\s+)?(first|second)[\s-]+half(?:\s+of\s+(?:(?:fiscal\s+)?(\d{4})|(this|last|next)\s+year|the\s+year))?\b", Opts)),
        (Rule.Relative, new Regex(@"\b(this\s+(?:coming|past)|this|last|next|past|coming|previous|current|following|the\s+(?:past|last|next|coming|following|previous|current|same|preceding|latest))\s+(week|month|year|quarter|decade|century|weekend|spring|summer|fall|autumn|winter|" + Mon + "|" + Wd + @")(?!-)\b", Opts)),
        (Rule.DayRef, new Regex(@"\b(?:(" + DayWord + @"|overnight)(?:\s+(" + PartOfDay + @"))?|(this|last)\s+(" + PartOfDay + @"))\b", Opts)),
        (Rule.Weekday, new Regex(@"\b(?:(this|last|next|past|coming)\s+)?(" + Wd + @")(?:\s+(" + PartOfDay + @"))?", Opts)),
        (Rule.WeekdayPlural, new Regex(@"\b(?-i:(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)s)(?:\s+(" + PartOfDay + @")s?)?\b", Opts)),
        (Rule.Ago, new Regex(@"\b(" + Num + @")?[\s-]*(" + Unit + @")s?\s+(?:or\s+so\s+)?(ago|earlier|later|from\s+now|hence)\b", Opts)),
        (Rule.Duration, new Regex(@"\b(?:the\s+(?!(?:\d+|[a-z]+(?:-[a-z]+)?)-(?:year|month|week|day|hour|minute|quarter|decade)\b)(?:(past|last|next|first|previous|coming|latest|final|remaining|following|initial|same|prior|preceding|recent)\s+)?)?(" + Num + @")[\s-]+(" + Unit + @")s?(?:\s+and\s+a\s+half)?\b(?:\s+or\s+so\b)?", Opts)),
        (Rule.BarePlural, new Regex(@"\b(?:the\s+(past|last|next|coming)\s+(?:few\s+|several\s+)?)?(years|months|weeks|days|hours|decades|centuries|minutes)\b", Opts)),
        (Rule.Season, new Regex(@"\b(?:(this|last|next|past|coming|the|early|late|mid)[\s-]+)?(spring|summer|fall|autumn|winter)\b(?:\s+(?:of\s+)?(\d{4}\b|" + SpelledYear + @"))?", Opts)),
        (Rule.Fuzzy, new Regex(@"\b(right\s+now|now|currently|current|recently|lately|nowadays|these\s+days|the\s+past|the\s+(?:near\s+|distant\s+|immediate\s+)?future|future|as\s+soon\s+as\s+possible|soon|previously|formerly|once|then|the\s+time|former|the\s+(?:near|short|long)\s+term)\b", Opts)),
        (Rule.RecentPlural, new Regex(@"\brecent\s+(years|months|weeks|days|decades|quarters)\b", Opts)),
        (Rule.SetEvery, new Regex(@"\b(every|each)\s+(?:other\s+)?(?:(" + Num + @")\s+)?(" + Unit + "|" + Wd + "|" + Mon + @"|morning|evening|night|spring|summer|fall|autumn|winter)s?\b", Opts)),
        (Rule.SetAdverb, new Regex(@"\b(hourly|nightly)\b", Opts)),
        (Rule.SetPer, new Regex(@"\b(?:(once|twice|thrice|(?:" + Small + "|" + Teens + @"|\d+)\s+times)\s+)?(a|per)\s+(year|month|week|day|hour|quarter)\b", Opts)),
        (Rule.Time, new Regex(@"\b(\d{1,2})(?:[:.](\d{2}))?\s*(?:([ap])\.?\s?m\b\.?|(o'clock)|(?=\s*(?:" + Zone + @")\b))(?:\s*\(?(" + Zone + @")\)?)?(?:,?\s+(?:on\s+)?(" + Wd + "|" + DayWord + "|" + Mon + @"\s*\d{1,2}\b))?", Opts)),
        (Rule.NoonMidnight, new Regex(@"\b(noon|midnight|midday)(?:\s+(" + Wd + "|" + DayWord + @"))?\b", Opts)),
        (Rule.Holiday, new Regex(@"\b(?-i:(Christmas\s+Eve|Christmas\s+Day|Christmas|New\s+Year's\s+Eve|New\s+Year's\s+Day|New\s+Year's|Independence\s+Day|Halloween|Valentine's\s+Day|Labor\s+Day|Memorial\s+Day|Thanksgiving(?:\s+Day)?))(?:\s+(\d{4})\b)?", Opts)),
        (Rule.RefDay, new Regex(@"\b(the\s+(?:following|next|previous|same)\s+(?:day|month|year|week)|that\s+day|the\s+next\s+morning|later\s+that\s+(?:day|year|month|week)|that\s+(?:year|month|week))\b", Opts)),
        (Rule.TheUnit, new Regex(@"\b(?:the\s+)(year-ago\s+period|year-earlier\s+period|latest\s+period|current\s+fiscal\s+year|fiscal\s+year|full\s+year|year-end|year|month|weekend|week|period|moment|day|morning|afternoon|evening|night)\b", Opts)),
        (Rule.YearAgoAdj, new Regex(@"\b(year-ago|year-earlier|year-end|yearend|year-to-date|year-earlier\s+period)\b", Opts)),
    ];

    // Modifiers that extend an expression to the left ("early", "the end of", "about", "more than").
    [GeneratedRegex(@"(?:\b(?<m>early|late|mid|middle|earlier|later|around|about|approximately|roughly|nearly|almost|some|more\s+than|less\s+than|fewer\s+than|at\s+least|up\s+to|no\s+more\s+than|no\s+less\s+than|the\s+(?:beginning|start|end|middle|close|turn|rest|remainder|first\s+half|second\s+half|last\s+half)\s+of|(?:the\s+)?(?:early|later?)\s+part\s+of)[\s-]+|(?<m>mid)-)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ModifierBefore();
}
