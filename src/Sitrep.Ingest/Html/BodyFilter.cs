using System.Text.RegularExpressions;

namespace Sitrep.Ingest.Html;

/// <summary>
/// Drops paragraphs that are page furniture rather than article text: calls to action (share, subscribe,
/// newsletter, read more), photo credits, bare datelines and timestamps, link lists, and repeats of the headline.
/// The rules look at the text and its link share only, never at the site.
/// </summary>
internal static partial class BodyFilter
{
    public static List<string> Apply(IReadOnlyList<BodyParagraph> paragraphs, IReadOnlySet<string> normTitles, IReadOnlyList<string>? authors = null)
    {
        var result = new List<string>(paragraphs.Count);
        string? previous = null;
        foreach (var p in paragraphs)
        {
            var text = p.Text;
            if (IsBoilerplate(p, normTitles)) continue;
            // A block rendered twice (responsive variants) reads as a repeat.
            if (previous is not null && string.Equals(previous, text, StringComparison.Ordinal)) continue;
            result.Add(text);
            previous = text;
        }
        DropAuthorBox(result, authors ?? []);
        return result;
    }

    /// <summary>
    /// Drops a closing author box among the last paragraphs: the author's name alone, or a short bio that opens
    /// with the author's name (or part of it) or with any name followed by a journalist's job description.
    /// </summary>
    private static void DropAuthorBox(List<string> result, IReadOnlyList<string> authors)
    {
        for (int i = result.Count - 1; i >= Math.Max(0, result.Count - 3); i--)
        {
            if (IsAuthorBox(result[i], authors)) result.RemoveAt(i);
        }
    }

    private static bool IsAuthorBox(string text, IReadOnlyList<string> authors)
    {
        int words = CountWords(text);
        if (words > 120) return false;
        if (words <= 120 && GenericBio().IsMatch(text) && JobWord().IsMatch(text)) return true;
        foreach (var name in authors)
        {
            if (name.Length < 4) continue;
            if (string.Equals(Normalize(text), Normalize(name), StringComparison.Ordinal)) return true;
            foreach (var part in name.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                if (part.Length < 3) continue;
                int at = text.IndexOf(part, StringComparison.Ordinal);
                if (at >= 0 && at <= 20 && BioVerb().IsMatch(text.AsSpan(at + part.Length))) return true;
            }
        }
        return false;
    }

    [GeneratedRegex(@"^[\p{Lu}][\p{L}'’.-]+( [\p{Lu}][\p{L}'’.-]+){0,3} (is|was|has been) (a|an|the)\b", RegexOptions.CultureInvariant)]
    private static partial Regex GenericBio();

    [GeneratedRegex(@"\b(correspondent|editor|writer|reporter|author|columnist|journalist|fellow|critic|contributor|producer|analyst)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex JobWord();

    [GeneratedRegex(@"^\W{0,3}s?\W{0,2}\s*(is|was|has been|writes|covers|reports)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex BioVerb();

    internal static bool IsBoilerplate(BodyParagraph p, IReadOnlySet<string> normTitles)
    {
        var text = p.Text;
        if (!HasWordChar(text)) return true;
        int words = CountWords(text);
        if (words <= 40 && normTitles.Contains(Normalize(text))) return true;
        if (p.Block is "h1") return true;
        if (CallToAction().IsMatch(text) && words <= 40) return true;
        if (PhotoCredit().IsMatch(text) && words <= 80) return true;
        if (LabelledCredit().IsMatch(text) && words <= 20) return true;
        if (words <= 16 && IsDateLine(text)) return true;
        // A short line carrying a full date is a byline or timestamp ("Politics / February 29, 2024").
        if (words <= 10 && FullDate().IsMatch(text)) return true;
        // Lists and short lines that are mostly links: related stories, tags, navigation.
        if (p.LinkDensity >= 0.7 && words <= 25) return true;
        if (p.InList && p.LinkDensity >= 0.5) return true;
        return false;
    }

    internal static string Normalize(string s)
    {
        Span<char> buf = s.Length <= 512 ? stackalloc char[s.Length] : new char[s.Length];
        int n = 0;
        foreach (char c in s)
            if (char.IsLetterOrDigit(c)) buf[n++] = char.ToLowerInvariant(c);
        return new string(buf[..n]);
    }

    internal static int CountWords(string s)
    {
        int n = 0;
        bool inWord = false;
        foreach (char c in s)
        {
            bool w = char.IsLetterOrDigit(c);
            if (w && !inWord) n++;
            inWord = w;
        }
        return n;
    }

    private static bool HasWordChar(string s)
    {
        foreach (char c in s) if (char.IsLetterOrDigit(c)) return true;
        return false;
    }

    [GeneratedRegex(@"^\W*(advertisement|advertising|sponsored( content)?|story continues below|continue reading|read more|read next|more from|related( articles| stories| coverage| content)?:|see also|also read|recommended( for you)?:?|watch( now)?:|listen( now)?:|click here|tap here|sign up|subscribe\b|follow (us|@)|share (this|on)|share$|get (our|the) .{0,60}newsletter|download (our|the) .{0,30}app|skip (to|past|ad)|this (story|article) (is|was) (available|produced|published)|©|copyright\b|all rights reserved|(photograph|photo|image|picture)s?( credit)?:|credit:|you (can|may) (also )?(like|be interested)|please enter a valid email|(illustrations?|photos?|photography|graphics?|images?) (by|courtesy of)\b)|(opens new tab|all rights reserved\W*$|access to (this|select|premium|exclusive) .{0,30}content|https?://t\.co/|pic\.twitter\.com)",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CallToAction();

    [GeneratedRegex(@"(\((photo|image|picture|credit)\b[^)]*\)\s*$|\b(getty images|shutterstock|alamy|pa wire|pa images)\W*$|\b(ap|afp|reuters|epa|getty|ap photo)\s*/\s*\w|\b(photo|image|picture) (by|credit|courtesy)\b|\([^()]*(/|\bvia\b)[^()]*\)\W*$|\bphoto: \w+(\W+\w+){0,4}\W*$)",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PhotoCredit();

    [GeneratedRegex(@"^\W*(credit|courtesy|photo|image|photograph|picture)s?( credit)?\s*:", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex LabelledCredit();

    [GeneratedRegex(@"\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2}(st|nd|rd|th)?,?\s+\d{4}\b|(?<!\d)\d{1,2}(st|nd|rd|th)?\s+(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?,?\s+\d{4}\b|\b\d{4}-\d{2}-\d{2}\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex FullDate();

    private static readonly HashSet<string> DateWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "jan", "january", "feb", "february", "mar", "march", "apr", "april", "may", "jun", "june", "jul", "july", "aug", "august",
        "sep", "sept", "september", "oct", "october", "nov", "november", "dec", "december",
        "mon", "monday", "tue", "tues", "tuesday", "wed", "wednesday", "thu", "thur", "thurs", "thursday", "fri", "friday",
        "sat", "saturday", "sun", "sunday", "am", "pm", "a", "p", "m", "et", "est", "edt", "pt", "pst", "pdt", "ct", "cst", "cdt",
        "gmt", "utc", "bst", "cet", "cest", "updated", "published", "posted", "last", "first", "modified", "on", "at", "ago",
        "hour", "hours", "minute", "minutes", "min", "mins", "day", "days", "st", "nd", "rd", "th", "today", "yesterday",
    };

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> DateWordLookup = DateWords.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>A line made only of date and time words and numbers: a timestamp, not text.</summary>
    internal static bool IsDateLine(string text)
    {
        int i = 0, words = 0;
        bool any = false;
        while (i < text.Length)
        {
            while (i < text.Length && !char.IsLetterOrDigit(text[i])) i++;
            int start = i;
            while (i < text.Length && char.IsLetterOrDigit(text[i])) i++;
            if (i == start) break;
            any = true;
            if (++words > 16) return false;
            var w = text.AsSpan(start, i - start);
            bool numeric = true;
            foreach (char c in w) if (!char.IsDigit(c)) { numeric = false; break; }
            if (numeric) continue;
            // "9pm", "2nd", "10am": digits with a date suffix.
            int d = 0;
            while (d < w.Length && char.IsDigit(w[d])) d++;
            if (!DateWordLookup.Contains(w[d..])) return false;
        }
        return any;
    }
}
