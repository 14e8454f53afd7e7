using System.Text.RegularExpressions;

namespace Sitrep.Ingest.Cleaning;

/// <summary>Why a line of scraped text is not part of the article body.</summary>
public enum JunkKind
{
    None,
    Tracker,      // analytics/ad-tech names left by a scraper: comScore, Chartbeat, …
    CrossLink,    // "Also Read:", "Read more", "Related:", "Recommended"
    Social,       // share/follow/subscribe/newsletter/app prompts
    PhotoCredit,  // "Photo: …", "(Image credit: …)", "File photo", "AP Photo/…"
    Advert,       // "Advertisement", "Sponsored", "Story continues below"
    Navigation,   // "Home > World", "Skip to content", cookie banners
    Encoded,      // a data blob left in the text: base64, hex, an inline image or token, minified code
}

/// <summary>
/// Recognises boilerplate lines that scrapers leave in article text. Only short lines are judged, so a
/// real sentence that happens to mention "newsletter" is kept.
/// </summary>
public static partial class JunkLineClassifier
{
    // Lines longer than this are body text whatever words they contain.
    private const int MaxJunkWords = 16;

    public static JunkKind Classify(ReadOnlySpan<char> line)
    {
        var t = line.Trim();
        if (t.IsEmpty) return JunkKind.None;
        // Junk lines are short; running text is never judged, which also keeps long paragraphs cheap.
        if (CountWords(t) > MaxJunkWords) return JunkKind.None;
        if (IsEncoded(t)) return JunkKind.Encoded;
        var s = t.ToString();
        if (TrackerOnly().IsMatch(s)) return JunkKind.Tracker;
        if (CrossLink().IsMatch(s)) return JunkKind.CrossLink;
        if (Social().IsMatch(s)) return JunkKind.Social;
        if (PhotoCredit().IsMatch(s)) return JunkKind.PhotoCredit;
        if (Advert().IsMatch(s)) return JunkKind.Advert;
        if (Navigation().IsMatch(s)) return JunkKind.Navigation;
        return JunkKind.None;
    }

    /// <summary>Known analytics and ad-tech names that scrapers leak into text, as whole words.</summary>
    public static bool IsTrackerWord(ReadOnlySpan<char> word) => TrackerWord().IsMatch(word);

    // No word of running text is this long; URLs can be, and are not judged here.
    private const int MinBlobLength = 64;

    /// <summary>
    /// A line that is almost all blob: words of at least <see cref="MinBlobLength"/> characters made only of the
    /// characters of base64, hex and URL-safe encodings. Such a line (a pasted image, a tracking token) would
    /// otherwise decide the document's language and swamp the analysis.
    /// </summary>
    private static bool IsEncoded(ReadOnlySpan<char> line)
    {
        int blob = 0, other = 0, start = -1;
        for (var i = 0; i <= line.Length; i++)
        {
            var end = i == line.Length || char.IsWhiteSpace(line[i]);
            if (!end) { if (start < 0) start = i; continue; }
            if (start < 0) continue;
            var word = line[start..i];
            if (word.Length >= MinBlobLength && IsBlobWord(word)) blob += word.Length; else other += word.Length;
            start = -1;
        }
        return blob > 0 && blob >= 9 * other;
    }

    private static bool IsBlobWord(ReadOnlySpan<char> word)
    {
        if (word.StartsWith("http", StringComparison.OrdinalIgnoreCase) || word.StartsWith("www.", StringComparison.OrdinalIgnoreCase)) return false;
        var digits = 0;
        foreach (var c in word)
        {
            if (char.IsAsciiDigit(c)) digits++;
            else if (!char.IsAsciiLetter(c) && c is not ('+' or '/' or '=' or '-' or '_' or '%' or '.' or ':' or ',' or ';')) return false;
        }
        // base64 and hex always carry digits; a long run of letters alone is a word glued by a bad scrape, not a blob
        return digits > 0;
    }

    private static int CountWords(ReadOnlySpan<char> s)
    {
        int n = 0;
        bool inWord = false;
        foreach (var c in s)
        {
            bool w = !char.IsWhiteSpace(c);
            if (w && !inWord) n++;
            inWord = w;
        }
        return n;
    }

    private const string Trackers = @"comscore|chartbeat|google[ -]?analytics|gtag|googletag|quantcast|nielsen|taboola|outbrain|parse\.ly|parsely|hotjar|doubleclick|adsbygoogle|scorecardresearch|facebook pixel|fbq|omniture|adobe analytics|krux|permutive|gemius|ivw|piano|tinypass|mediavine|revcontent|mgid|zergnet";

    [GeneratedRegex(@"^\W*(?:" + Trackers + @")(?:[\s,;|/]+(?:" + Trackers + @"))*\W*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TrackerOnly();

    [GeneratedRegex(@"^(?:" + Trackers + @")$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TrackerWord();

    [GeneratedRegex(@"^\W*(?:also read|read also|read more|read next|must read|related(?: stories| articles| news| coverage)?|recommended(?: stories| for you)?|more from|more stories|see also|don'?t miss|top stories|trending(?: now)?|watch(?: video)?|latest news|you may also like|in case you missed it)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CrossLink();

    [GeneratedRegex(@"^\W*(?:share(?: this| on| via| article|:)?|follow us|follow @|like us on|subscribe\b|sign up\b|get (?:the|our) .*newsletter|newsletter|download the .*app|join our|click here|tap here|email this|print this|copy link|tweet\b|whatsapp\b|telegram\b)|\b(?:subscribe to (?:our|the) |sign up for (?:our|the) |catch all the .* news|get (?:all the )?latest .* updates)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Social();

    [GeneratedRegex(@"^\W*(?:\(?(?:photo|image|picture|pic|video|graphic|illustration)s?(?: credit| courtesy)?\s*(?::|by\b|/|–|—)|file (?:photo|image)|(?:ap|afp|reuters|getty|epa|ani|pti|ians|xinhua|yonhap|bloomberg|shutterstock)\s*(?:photo|images)?\s*/|credit:|courtesy:)|(?:\((?:photo|image|file)[^)]*\)\s*$)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PhotoCredit();

    [GeneratedRegex(@"^\W*(?:advertisement|advertisment|sponsored(?: content)?|paid content|story continues below|article continues below|scroll to continue|ad\b|ads by)\W*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Advert();

    [GeneratedRegex(@"^\W*(?:skip to (?:main )?content|home\s*(?:>|›|»|/)|you are here|we use cookies|accept (?:all )?cookies|cookie (?:policy|settings)|back to top|table of contents|listen to (?:this )?article|\d+\s*min(?:ute)?s? read)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Navigation();
}
