using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Sitrep.Core;
using Sitrep.Ingest.Dates;

namespace Sitrep.Ingest.Html;

/// <summary>Document metadata read from an HTML page's markup.</summary>
public sealed record HtmlMetadata(string? Title, string? Author, string? Site, string? DeclaredLanguage, string? CanonicalUrl,
    DocumentDate? Published, MetadataSource? PublishedSource,
    DocumentDate? Modified, MetadataSource? ModifiedSource);

/// <summary>
/// Reads title, author, site name, declared language, canonical URL and publication/modification dates from HTML.
/// Dates come from a chain ordered by reliability (JSON-LD, meta tags, marked-up elements, URL, visible text);
/// an "updated" date is never taken as the publication date. Dates keep the page's own UTC offset.
/// </summary>
public sealed partial class HtmlMetadataExtractor
{
    private readonly DateOnly _earliest;
    private readonly DateOnly? _latest;

    /// <param name="latestPlausible">Dates after this (e.g. the fetch date) are rejected; null accepts any date up to 2100.</param>
    /// <param name="earliestPlausible">Dates before this are rejected (default 1995-01-01: the web's news archive starts around then).</param>
    public HtmlMetadataExtractor(DateOnly? latestPlausible = null, DateOnly? earliestPlausible = null)
    {
        _latest = latestPlausible;
        _earliest = earliestPlausible ?? new DateOnly(1995, 1, 1);
    }

    public HtmlMetadata Extract(string html, string? url)
    {
        ArgumentNullException.ThrowIfNull(html);
        var parser = new HtmlParser();
        using var doc = parser.ParseDocument(html);
        return Extract(doc, url);
    }

    public HtmlMetadata Extract(IHtmlDocument document, string? url)
    {
        ArgumentNullException.ThrowIfNull(document);
        var jsonLd = MetadataJsonLd.Parse(JsonLdScripts(document));

        var canonical = Canonical(document, url);
        var pageUrl = url ?? canonical;
        var language = Language(document);
        var site = SiteName(document, jsonLd, pageUrl);
        var title = Title(document, jsonLd, site);
        var author = Author(document, jsonLd);

        var order = NumericOrder(language, pageUrl);
        var candidates = MetadataDates.Collect(document, jsonLd, pageUrl, order);
        var (published, publishedSource, modified, modifiedSource) = ChooseDates(candidates);
        return new HtmlMetadata(title, author, site, language, canonical, published, publishedSource, modified, modifiedSource);
    }

    /// <summary>Every date candidate the chain saw, best first, as "role rank source date" lines (for diagnostics).</summary>
    public IReadOnlyList<string> DescribeDateCandidates(IHtmlDocument document, string? url)
    {
        ArgumentNullException.ThrowIfNull(document);
        var jsonLd = MetadataJsonLd.Parse(JsonLdScripts(document));
        var pageUrl = url ?? Canonical(document, url);
        var order = NumericOrder(Language(document), pageUrl);
        return MetadataDates.Collect(document, jsonLd, pageUrl, order).OrderBy(c => c.Rank).ThenBy(c => c.Order)
            .Select(c => $"{c.Role} {c.Rank} {c.Source} {c.Date.ToIso()}{(IsPlausible(c.Date) ? "" : " (implausible)")}").ToList();
    }

    // JSON-LD blocks, including those some sites put in a <script> without a type.
    private static IEnumerable<string> JsonLdScripts(IHtmlDocument document)
    {
        foreach (var s in document.QuerySelectorAll("script"))
        {
            var type = s.GetAttribute("type");
            if (type is not null && type.Contains("ld+json", StringComparison.OrdinalIgnoreCase))
                yield return s.TextContent;
            else if (string.IsNullOrEmpty(type) || type.Contains("json", StringComparison.OrdinalIgnoreCase))
            {
                var t = s.TextContent.AsSpan().TrimStart();
                if ((t.StartsWith("{") || t.StartsWith("[")) && t.Contains("\"@context\"", StringComparison.Ordinal)
                    && t.Contains("schema.org", StringComparison.Ordinal))
                    yield return s.TextContent;
            }
        }
    }

    private (DocumentDate?, MetadataSource?, DocumentDate?, MetadataSource?) ChooseDates(List<DateCandidate> candidates)
    {
        var plausible = candidates.Where(c => IsPlausible(c.Date)).OrderBy(c => c.Rank).ThenBy(c => c.Order).ToList();
        // A page cannot show a publication date later than the last change its own structured metadata records:
        // such a date in the visible text is an event or an ad, not the publication (a day of slack for time zones).
        var lastChange = plausible.Where(c => c.Role == DateRole.Modified && c.Rank <= MetadataDates.RankMetaStrong)
            .Select(c => (DateOnly?)c.Date.Date).Max();
        if (lastChange is { } lc)
            plausible.RemoveAll(c => c.Role == DateRole.Published && c.Rank >= MetadataDates.RankTimeInArticle && c.Date.Date > lc.AddDays(1));
        var modified = plausible.FirstOrDefault(c => c.Role == DateRole.Modified);
        var published = plausible.FirstOrDefault(c => c.Role == DateRole.Published);
        return (Localize(published, plausible), published?.Source, Localize(modified, plausible), modified?.Source);
    }

    /// <summary>
    /// Metadata often states the instant in UTC while the page shows the same instant in its local time; the local
    /// day is the one readers see, so a UTC date takes the offset of a local rendering of the same instant
    /// (same minutes and seconds, shifted by a whole quarter hour of at most 14 hours).
    /// </summary>
    private static DocumentDate? Localize(DateCandidate? chosen, List<DateCandidate> all)
    {
        if (chosen is null) return null;
        var d = chosen.Date;
        if (d.Offset != TimeSpan.Zero || d.Time is not { } t) return d;
        // Compared to the minute: local renderings often drop the seconds.
        var utc = d.Date.ToDateTime(new TimeOnly(t.Hour, t.Minute));
        foreach (var c in all)
        {
            if (c.Date.Time is not { } lt || c.Date.Offset == TimeSpan.Zero) continue;
            var local = c.Date.Date.ToDateTime(new TimeOnly(lt.Hour, lt.Minute));
            var diff = c.Date.Offset is { } o ? o : local - utc;
            if (diff == TimeSpan.Zero || diff.Duration() > TimeSpan.FromHours(14) || diff.Ticks % TimeSpan.FromMinutes(15).Ticks != 0) continue;
            if (local - utc != diff) continue;
            if (lt.Second != 0 && t.Second != 0 && lt.Second != t.Second) continue;
            return new DocumentDate(c.Date.Date, lt.Second == 0 && t.Second != 0 ? new TimeOnly(lt.Hour, lt.Minute, t.Second) : lt, diff);
        }
        // No local rendering with a time, but the URL or a date-only rendering names the neighbouring day that some
        // real offset (-12h..+14h) would give: that is the page's local day, whose time and offset are unknown.
        foreach (var c in all)
        {
            if (c.Date.Time is not null || c.Role != chosen.Role || c.Source.Method is not ("url" or "text" or "element" or "time-element" or "itemprop")) continue;
            var day = c.Date.Date;
            if ((day == d.Date.AddDays(1) && t.Hour >= 10) || (day == d.Date.AddDays(-1) && t.Hour < 12))
                return new DocumentDate(day);
            if (day == d.Date) break;
        }
        return d;
    }

    private bool IsPlausible(DocumentDate d) =>
        d.Date >= _earliest && d.Date.Year <= 2100 && (_latest is not { } latest || d.Date <= latest);

    // US English pages write 03/04/2023 month first; everyone else day first.
    private static NumericDateOrder NumericOrder(string? language, string? url)
    {
        if (language is null) return NumericDateOrder.DayFirst;
        var lang = language.ToLowerInvariant().Replace('_', '-');
        if (lang == "en-us") return NumericDateOrder.MonthFirst;
        if (lang != "en") return NumericDateOrder.DayFirst;
        var host = Host(url) ?? "";
        return host.EndsWith(".uk", StringComparison.Ordinal) || host.EndsWith(".au", StringComparison.Ordinal)
            || host.EndsWith(".ie", StringComparison.Ordinal) || host.EndsWith(".nz", StringComparison.Ordinal)
            || host.EndsWith(".in", StringComparison.Ordinal) || host.EndsWith(".za", StringComparison.Ordinal)
            ? NumericDateOrder.DayFirst : NumericDateOrder.MonthFirst;
    }

    private static string? Meta(IHtmlDocument doc, params string[] keys)
    {
        foreach (var key in keys)
        {
            foreach (var meta in doc.QuerySelectorAll("meta"))
            {
                foreach (var attr in (ReadOnlySpan<string>)["property", "name", "itemprop", "http-equiv"])
                {
                    var k = meta.GetAttribute(attr);
                    if (k is not null && string.Equals(k.Trim(), key, StringComparison.OrdinalIgnoreCase))
                    {
                        var c = Clean(meta.GetAttribute("content"));
                        if (c is not null) return c;
                    }
                }
            }
        }
        return null;
    }

    private static string? Clean(string? s)
    {
        if (string.IsNullOrWhiteSpace(s)) return null;
        s = Spaces().Replace(s, " ").Trim();
        return s.Length == 0 ? null : s;
    }

    private static string? Canonical(IHtmlDocument doc, string? url)
    {
        var href = doc.QuerySelectorAll("link[rel]")
            .FirstOrDefault(l => l.GetAttribute("rel")!.Split(' ', StringSplitOptions.RemoveEmptyEntries)
                .Any(r => string.Equals(r, "canonical", StringComparison.OrdinalIgnoreCase)))?.GetAttribute("href");
        href = Clean(href) ?? Meta(doc, "og:url");
        if (href is null) return null;
        if (Uri.TryCreate(href, UriKind.Absolute, out var abs) && (abs.Scheme == Uri.UriSchemeHttp || abs.Scheme == Uri.UriSchemeHttps))
            return abs.ToString();
        if (url is not null && Uri.TryCreate(url, UriKind.Absolute, out var baseUri) && Uri.TryCreate(baseUri, href, out var rel))
            return rel.ToString();
        return null;
    }

    private static string? Language(IHtmlDocument doc)
    {
        var lang = Clean(doc.DocumentElement?.GetAttribute("lang")) ?? Clean(doc.DocumentElement?.GetAttribute("xml:lang"));
        lang ??= Meta(doc, "og:locale", "content-language", "language", "dc.language", "dcterms.language", "inLanguage");
        if (lang is null) return null;
        lang = lang.Split(',', ';')[0].Trim().Replace('_', '-');
        return LanguageTag().IsMatch(lang) ? lang : null;
    }

    private static string? SiteName(IHtmlDocument doc, MetadataJsonLd jsonLd, string? url)
    {
        var site = Meta(doc, "og:site_name")
                   ?? jsonLd.Nodes.Where(n => n.IsArticle).Select(n => n.PublisherName).FirstOrDefault(n => n is not null)
                   ?? jsonLd.Nodes.Select(n => n.PublisherName).FirstOrDefault(n => n is not null)
                   ?? Meta(doc, "application-name", "publisher", "dc.publisher", "twitter:site");
        if (site is not null && site.StartsWith('@') && Meta(doc, "og:site_name") is null)
            site = null; // a Twitter handle is not a site name
        site ??= Host(url) is { } h && h.StartsWith("www.", StringComparison.Ordinal) ? h[4..] : Host(url);
        return site;
    }

    private static string? Host(string? url) =>
        url is not null && Uri.TryCreate(url, UriKind.Absolute, out var u) && u.Host.Length > 0 ? u.Host.ToLowerInvariant() : null;

    private static string? Title(IHtmlDocument doc, MetadataJsonLd jsonLd, string? site)
    {
        var t = Meta(doc, "og:title")
                ?? jsonLd.Nodes.Where(n => n.IsArticle).Select(n => Clean(n.Headline)).FirstOrDefault(x => x is not null)
                ?? Meta(doc, "twitter:title");
        // og:title sometimes carries the site name too; only a part that is the site name is dropped there.
        if (t is not null && site is not null) t = StripSiteSuffix(t, site, guess: false);
        if (t is null && Clean(doc.Title) is { } title) t = StripSiteSuffix(title, site);
        t ??= Clean(doc.QuerySelector("h1")?.TextContent);
        return t;
    }

    /// <summary>"Headline | Site" -> "Headline": drops a leading or trailing part that is the site name or much shorter.</summary>
    public static string StripSiteSuffix(string title, string? site) => StripSiteSuffix(title, site, guess: true);

    private static string StripSiteSuffix(string title, string? site, bool guess)
    {
        foreach (var sep in (ReadOnlySpan<string>)[" | ", " – ", " — ", " - ", " :: ", " · ", " » ", " : "])
        {
            int i = title.LastIndexOf(sep, StringComparison.Ordinal);
            if (i <= 0) continue;
            var head = title[..i].Trim();
            var tail = title[(i + sep.Length)..].Trim();
            if (site is not null && SameName(tail, site)) return head;
            int j = title.IndexOf(sep, StringComparison.Ordinal);
            var first = title[..j].Trim();
            var rest = title[(j + sep.Length)..].Trim();
            if (site is not null && SameName(first, site)) return rest;
            // Without a known site name, a short last part after a long first part is taken as the site.
            if (guess && sep is " | " or " – " or " — " or " - " && tail.Length <= 30 && head.Length >= 2 * tail.Length && WordCount(tail) <= 4)
                return head;
        }
        return title;
    }

    private static bool SameName(string a, string site)
    {
        static string Key(string s) => new string(s.Where(char.IsLetterOrDigit).ToArray()).ToLowerInvariant();
        var ka = Key(a);
        var ks = Key(site);
        return ka.Length > 0 && ks.Length > 0 && (ka == ks || ka.StartsWith(ks, StringComparison.Ordinal) || ks.StartsWith(ka, StringComparison.Ordinal));
    }

    private static int WordCount(string s) => s.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;

    private static string? Author(IHtmlDocument doc, MetadataJsonLd jsonLd)
    {
        var names = jsonLd.Nodes.Where(n => n.IsArticle).SelectMany(n => n.Authors).Select(Clean).OfType<string>()
            .Where(n => !IsUrl(n)).Distinct(StringComparer.Ordinal).ToList();
        if (names.Count > 0) return string.Join(", ", names);
        var meta = Meta(doc, "author", "article:author", "dc.creator", "dcterms.creator", "sailthru.author", "parsely-author", "byl", "twitter:creator");
        if (meta is not null && !IsUrl(meta) && !meta.StartsWith('@')) return StripBy(meta);
        // Visible bylines; comment forms ("Name *") and comment authors are not the article's author.
        var rel = doc.QuerySelectorAll("a[rel~=author], [itemprop=author]").Where(IsBylineCandidate)
            .Select(e => Clean(e.TextContent)).FirstOrDefault(LooksLikeName);
        if (rel is not null) return StripBy(rel);
        var byline = doc.QuerySelectorAll("[class*=byline], [class*=author]").Where(IsBylineCandidate)
            .Select(e => Clean(e.TextContent)).FirstOrDefault(LooksLikeName);
        return byline is null ? null : StripBy(byline);
    }

    private static bool IsBylineCandidate(IElement e)
    {
        for (var p = e; p is not null; p = p.ParentElement)
        {
            if (p.LocalName is "form" or "label" or "footer" or "aside" or "nav" or "script") return false;
            var h = ((p.GetAttribute("class") ?? "") + " " + (p.Id ?? "")).ToLowerInvariant();
            if (h.Contains("comment", StringComparison.Ordinal) || h.Contains("respond", StringComparison.Ordinal)) return false;
        }
        return true;
    }

    private static bool LooksLikeName(string? s) =>
        s is not null && s.Length is > 2 and <= 80 && WordCount(s) <= 8 && s.IndexOfAny(['*', '(', ')', ':', '@', '|']) < 0;

    private static bool IsUrl(string s) => s.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || s.StartsWith("https://", StringComparison.OrdinalIgnoreCase);

    private static string StripBy(string s)
    {
        var m = ByPrefix().Match(s);
        return m.Success ? s[m.Length..].Trim() : s;
    }

    [GeneratedRegex(@"\s+", RegexOptions.CultureInvariant)]
    private static partial Regex Spaces();

    [GeneratedRegex(@"^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$", RegexOptions.CultureInvariant)]
    private static partial Regex LanguageTag();

    [GeneratedRegex(@"^(?:(?:posted|published|written|ver(?:ö|oe)ffentlicht|geschrieben|publié|publicado)\s+)?(?:by|von|par|por|di|door)\s+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ByPrefix();
}
