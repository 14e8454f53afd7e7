using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Sitrep.Core;
using Sitrep.Ingest.Dates;

namespace Sitrep.Ingest.Html;

internal enum DateRole { Published, Modified }

/// <summary>One date the page states, where it was found, and how much that place is trusted (lower rank = more).</summary>
internal sealed record DateCandidate(DocumentDate Date, MetadataSource Source, DateRole Role, int Rank, int Order);

/// <summary>
/// Collects publication and modification dates from a page, from the most to the least reliable places:
/// JSON-LD, meta tags, marked-up elements, the URL, then the visible text near date cue words.
/// </summary>
internal static partial class MetadataDates
{
    // Ranks: the extractor takes the plausible candidate with the lowest rank (ties: document order).
    internal const int RankJsonLdArticle = 10;
    internal const int RankMetaStrong = 15;
    internal const int RankJsonLdPage = 20;
    internal const int RankItemprop = 25;
    internal const int RankJsonLdOther = 28;
    internal const int RankMetaWeak = 52; // a bare "date" meta is often the crawl or edit date: below marked-up elements
    internal const int RankTimeMarked = 35;
    internal const int RankUrl = 38;
    internal const int RankTimeInArticle = 40;
    internal const int RankClassStrong = 45;
    internal const int RankTextCue = 50;
    internal const int RankClassWeak = 48;
    internal const int RankTimeOther = 60;
    internal const int RankTextFirst = 80;
    internal const int RankScript = 82;
    internal const int RankTextOutsideCue = 85;
    internal const int RankTextOutsideFirst = 90;

    // meta name/property/itemprop (lower-cased) -> role and rank.
    private static readonly Dictionary<string, (DateRole Role, int Rank)> MetaKeys = BuildMetaKeys();

    private static Dictionary<string, (DateRole, int)> BuildMetaKeys()
    {
        var d = new Dictionary<string, (DateRole, int)>(StringComparer.Ordinal);
        foreach (var k in new[]
                 {
                     "article:published_time", "article:published", "og:published_time", "og:article:published_time",
                     "article.published", "published_time", "published-date", "publish-date", "publishdate", "publish_date",
                     "pubdate", "pub_date", "date_published", "datepublished", "publication_date", "publication-date",
                     "sailthru.date", "parsely-pub-date", "citation_publication_date", "citation_date", "citation_online_date",
                     "dc.date.issued", "dcterms.issued", "dc.date.published", "dc.date.created", "dcterms.created", "dc.created",
                     "article:post_date", "article_date_original", "originalpublicationdate", "original-publish-date",
                     "rnews:datepublished", "bt:pubdate", "cxenseparse:recs:publishtime", "og:pubdate", "date.published",
                     "article.created", "created", "creation_date", "creationdate", "firstpublishedtime", "dateposted",
                     "datecreated", "displaydate", "prism.publicationdate", "eprints.date", "parsely-published-date",
                 })
            d[k] = (DateRole.Published, RankMetaStrong);
        foreach (var k in new[] { "date", "dc.date", "dcterms.date", "dc:date", "dcterms:date", "dc.date.available", "dcterms.available", "citation_publication_date_online", "timestamp" })
            d[k] = (DateRole.Published, RankMetaWeak);
        foreach (var k in new[]
                 {
                     "article:modified_time", "article:modified", "og:updated_time", "og:modified_time", "article:updated_time",
                     "modified_time", "datemodified", "date_modified", "dc.date.modified", "dcterms.modified", "last-modified",
                     "lastmod", "last_modified", "lastmodified", "modified", "revised", "updated", "updated_time",
                     "article.updated", "dc.date.updated", "parsely-updated-date",
                 })
            d[k] = (DateRole.Modified, RankMetaStrong);
        return d;
    }

    public static List<DateCandidate> Collect(IHtmlDocument doc, MetadataJsonLd jsonLd, string? url, NumericDateOrder order)
    {
        var list = new List<DateCandidate>();
        int seq = 0;
        void Add(DocumentDate date, string method, string? detail, DateRole role, int rank) =>
            list.Add(new DateCandidate(date, new MetadataSource(method, detail), role, rank, seq++));

        // 1. JSON-LD.
        foreach (var node in jsonLd.Nodes)
        {
            if (node.IsOrganizationOrSite && !node.IsArticle && !node.IsPage) continue;
            int rank = node.IsArticle ? RankJsonLdArticle : node.IsPage ? RankJsonLdPage : RankJsonLdOther;
            var type = node.Types.Count > 0 ? node.Types[0] : null;
            if (Parse(node.DatePublished, order) is { } p) Add(p, "json-ld", type + ".datePublished", DateRole.Published, rank);
            if (Parse(node.DateCreated, order) is { } c) Add(c, "json-ld", type + ".dateCreated", DateRole.Published, rank + 1);
            if (Parse(node.UploadDate, order) is { } u) Add(u, "json-ld", type + ".uploadDate", DateRole.Published, rank + 2);
            if (Parse(node.DateModified, order) is { } m) Add(m, "json-ld", type + ".dateModified", DateRole.Modified, rank);
        }

        // 2. meta tags (name, property, itemprop, http-equiv); parsely-page carries a JSON object.
        foreach (var meta in doc.QuerySelectorAll("meta"))
        {
            var content = meta.GetAttribute("content") ?? meta.GetAttribute("datetime") ?? meta.GetAttribute("value");
            if (string.IsNullOrWhiteSpace(content)) continue;
            foreach (var attr in (ReadOnlySpan<string>)["property", "name", "itemprop", "http-equiv"])
            {
                var key = meta.GetAttribute(attr)?.Trim().ToLowerInvariant();
                if (string.IsNullOrEmpty(key)) continue;
                if (key == "parsely-page" && ParselyPubDate().Match(content) is { Success: true } pm && Parse(pm.Groups[1].Value, order) is { } pp)
                {
                    Add(pp, "meta:parsely-page", null, DateRole.Published, RankMetaStrong);
                    continue;
                }
                if (!MetaKeys.TryGetValue(key, out var kind)) continue;
                // itemprop on a meta inside the article body is as good as a strong meta tag.
                int rank = attr == "itemprop" && kind.Role == DateRole.Published ? RankItemprop : kind.Rank;
                if (Parse(content, order) is { } d) Add(d, "meta:" + key, null, kind.Role, rank);
                break;
            }
        }

        // 3. Marked-up elements: itemprop, <time>, <abbr class=published>, class/id names; one walk over the body
        // that also builds the visible text (without comments, footers and sidebars).
        var scan = new PageScan(doc);
        var text = scan.Text;
        foreach (var (el, kind, inArticle, start, end) in scan.Marked)
        {
            string Visible() => Normalize(text.ToString(start, Math.Min(end - start, 300)));
            string Before(int chars) => text.ToString(Math.Max(0, start - chars), Math.Min(chars, start));
            var hint = ClassAndId(el);
            switch (kind)
            {
                case MarkKind.ItemProp:
                {
                    var prop = el.GetAttribute("itemprop")!.Trim().ToLowerInvariant();
                    var role = prop is "datemodified" ? DateRole.Modified : DateRole.Published;
                    var raw = el.GetAttribute("datetime") ?? el.GetAttribute("content") ?? el.GetAttribute("title");
                    var d = ParseOrFind(raw, order) ?? ParseOrFind(Visible(), order)
                            ?? (el.QuerySelector("a[href]")?.GetAttribute("href") is { } href ? FromUrl(href) : null);
                    if (d is { } date) Add(date, "itemprop", prop, role, RankItemprop);
                    break;
                }
                case MarkKind.Time:
                {
                    bool isTime = el.LocalName == "time";
                    var raw = isTime ? el.GetAttribute("datetime") : el.GetAttribute("title");
                    var d = ParseOrFind(raw, order) ?? ParseOrFind(Visible(), order);
                    if (d is not { } date) break;
                    if (ModifiedHint().IsMatch(hint) || ModifiedCue().IsMatch(Before(40)))
                    {
                        Add(date, isTime ? "time-element" : "abbr-element", "modified", DateRole.Modified, RankTimeMarked);
                        break;
                    }
                    int rank = el.HasAttribute("pubdate") || PublishedHint().IsMatch(hint) ? RankTimeMarked
                        : isTime && inArticle ? RankTimeInArticle : RankTimeOther;
                    Add(date, isTime ? "time-element" : "abbr-element", null, DateRole.Published, rank);
                    break;
                }
                case MarkKind.Hint:
                {
                    if (end - start > 300) break;
                    var visible = Visible();
                    if (!DateTextParser.TryFind(visible, order, out var d, out var span)) break;
                    bool strong = PublishedHint().IsMatch(hint);
                    if (ModifiedHint().IsMatch(hint) || ModifiedCue().IsMatch(visible[..span.Start]))
                        Add(d, "element", "modified", DateRole.Modified, RankClassStrong);
                    else
                        Add(d, "element", strong ? "published" : "date", DateRole.Published, strong ? RankClassStrong : RankClassWeak);
                    break;
                }
            }
        }

        // 4. The URL: /2023/08/30/, /2023-08-30/, /20230830/.
        if (url is not null && FromUrl(url) is { } ud) Add(ud, "url", null, DateRole.Published, RankUrl);

        // 5. Visible text: dates after cue words, then the first date of the text.
        var body = text.ToString();
        // Without a cue, the date nearest the headline (article dates sit just above or below it; dates at the top
        // of the page are often today's date or a ticker), else the first date of the text.
        DateTextMatch? nearest = null;
        int bestDistance = int.MaxValue;
        foreach (var found in DateTextParser.FindAll(body, order))
        {
            var before = body.AsSpan(Math.Max(0, found.Span.Start - 50), Math.Min(50, found.Span.Start)).ToString();
            if (ModifiedCue().IsMatch(before)) Add(found.Date, "text", "modified", DateRole.Modified, RankTextCue);
            else if (PublishedCue().IsMatch(before)) Add(found.Date, "text", "published", DateRole.Published, RankTextCue);
            else if (!CopyrightCue().IsMatch(before))
            {
                int distance = scan.HeadlineStart < 0 ? found.Span.Start : Math.Abs(found.Span.Start - scan.HeadlineStart);
                if (scan.HeadlineStart >= 0 && found.Span.Start < scan.HeadlineStart) distance += HeadlineBeforePenalty;
                if (nearest is null || distance < bestDistance)
                {
                    nearest = found;
                    bestDistance = distance;
                }
            }
        }
        if (nearest is { } n) Add(n.Date, "text", "near-headline", DateRole.Published, RankTextFirst);

        // 6. Last resorts: date fields in inline scripts (shop and app state), then the text of footers and sidebars.
        foreach (var script in doc.QuerySelectorAll("script"))
        {
            var type = script.GetAttribute("type");
            if (type is not null && type.Contains("ld+json", StringComparison.OrdinalIgnoreCase)) continue;
            var code = script.TextContent;
            if (code.Length < 20) continue;
            var sm = ScriptDateField().Match(code);
            if (sm.Success && Parse(sm.Groups["v"].Value, order) is { } sd)
            {
                Add(sd, "script", sm.Groups["k"].Value, DateRole.Published, RankScript);
                break;
            }
        }
        var all = scan.AllText.ToString();
        if (all.Length != body.Length)
        {
            bool firstAll = true;
            foreach (var found in DateTextParser.FindAll(all, order))
            {
                var before = all.AsSpan(Math.Max(0, found.Span.Start - 50), Math.Min(50, found.Span.Start)).ToString();
                if (ModifiedCue().IsMatch(before)) continue;
                if (PublishedCue().IsMatch(before)) Add(found.Date, "text", "published-outside-main", DateRole.Published, RankTextOutsideCue);
                else if (firstAll)
                {
                    Add(found.Date, "text", "first-outside-main", DateRole.Published, RankTextOutsideFirst);
                    firstAll = false;
                }
            }
        }
        return list;
    }

    private static DocumentDate? Parse(string? raw, NumericDateOrder order)
    {
        if (string.IsNullOrWhiteSpace(raw)) return null;
        return DateTextParser.TryParse(raw, order, out var d) ? d : null;
    }

    private static DocumentDate? ParseOrFind(string? raw, NumericDateOrder order)
    {
        if (string.IsNullOrWhiteSpace(raw)) return null;
        if (DateTextParser.TryParse(raw, order, out var d)) return d;
        return DateTextParser.TryFind(Normalize(raw), order, out d, out _) ? d : null;
    }


    private static string Normalize(string s) => WhiteSpace().Replace(s, " ").Trim();

    private static string ClassAndId(IElement el) =>
        ((el.GetAttribute("class") ?? "") + " " + (el.Id ?? "") + " " + (el.GetAttribute("itemprop") ?? "")).ToLowerInvariant();

    internal static DocumentDate? FromUrl(string url)
    {
        var dmy = UrlDayFirstDate().Match(url);
        if (dmy.Success)
        {
            int y = int.Parse(dmy.Groups["y"].ValueSpan, provider: System.Globalization.CultureInfo.InvariantCulture);
            int mo = int.Parse(dmy.Groups["m"].ValueSpan, provider: System.Globalization.CultureInfo.InvariantCulture);
            int d = int.Parse(dmy.Groups["d"].ValueSpan, provider: System.Globalization.CultureInfo.InvariantCulture);
            if (mo is >= 1 and <= 12 && d >= 1 && d <= DateTime.DaysInMonth(y, mo)) return new DocumentDate(new DateOnly(y, mo, d));
        }
        var m = UrlDate().Match(url);
        while (m.Success)
        {
            int y = int.Parse(m.Groups["y"].ValueSpan, provider: System.Globalization.CultureInfo.InvariantCulture);
            int mo = int.Parse(m.Groups["m"].ValueSpan, provider: System.Globalization.CultureInfo.InvariantCulture);
            int d = int.Parse(m.Groups["d"].ValueSpan, provider: System.Globalization.CultureInfo.InvariantCulture);
            if (mo is >= 1 and <= 12 && d >= 1 && d <= DateTime.DaysInMonth(y, mo)) return new DocumentDate(new DateOnly(y, mo, d));
            m = m.NextMatch();
        }
        return null;
    }

    private static readonly HashSet<string> SkippedTags = new(StringComparer.Ordinal)
    {
        "script", "style", "noscript", "template", "svg", "select", "option", "iframe", "head", "textarea", "button",
    };

    private static readonly HashSet<string> BlockTags = new(StringComparer.Ordinal)
    {
        "p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "td", "th", "table", "section", "article",
        "header", "footer", "aside", "nav", "main", "blockquote", "dd", "dt", "dl", "figure", "figcaption", "form", "hr", "pre", "time",
    };

    private enum MarkKind { ItemProp, Time, Hint }

    // A date above the headline counts as this many characters further away than one below it.
    private const int HeadlineBeforePenalty = 200;

    /// <summary>
    /// One pass over the body: the text a reader sees (one line per block, without scripts, comments sections,
    /// footers or sidebars) and the elements that may carry a date, with the range of their text.
    /// </summary>
    private sealed class PageScan
    {
        /// <summary>Visible text outside comments, footers and sidebars.</summary>
        public StringBuilder Text { get; } = new();
        /// <summary>All visible text, for when the main text has no date at all.</summary>
        public StringBuilder AllText { get; } = new();
        public List<(IElement Element, MarkKind Kind, bool InArticle, int Start, int End)> Marked { get; } = [];
        private readonly HashSet<IElement> _headlineAncestors = [];

        /// <summary>Where the first headline (h1) starts in <see cref="Text"/>, or -1.</summary>
        public int HeadlineStart { get; private set; } = -1;
        private const int MaxChars = 300_000;

        public PageScan(IHtmlDocument doc)
        {
            foreach (var h1 in doc.QuerySelectorAll("h1"))
                for (var p = h1.ParentElement; p is not null; p = p.ParentElement)
                    if (!_headlineAncestors.Add(p)) break;
            if (doc.Body is { } body) Walk(body, false, false);
        }

        private void Walk(INode node, bool inArticle, bool skipped)
        {
            foreach (var child in node.ChildNodes)
            {
                if (AllText.Length >= MaxChars) return;
                if (child is IText t)
                {
                    AllText.Append(t.Data);
                    if (!skipped) Text.Append(t.Data);
                    continue;
                }
                if (child is not IElement e || SkippedTags.Contains(e.LocalName)) continue;
                bool skip = skipped || (IsSkippedRegion(e) && !_headlineAncestors.Contains(e));
                bool art = inArticle || IsArticleContainer(e);
                int index = -1;
                if (!skip && Classify(e) is { } k)
                {
                    index = Marked.Count;
                    Marked.Add((e, k, art, Text.Length, -1));
                }
                if (e.LocalName == "h1" && !skip && HeadlineStart < 0) HeadlineStart = Text.Length;
                bool block = BlockTags.Contains(e.LocalName);
                string gap = block ? "\n" : " ";
                if (block) Append("\n", skip);
                Walk(e, art, skip);
                Append(gap, skip);
                if (index >= 0) Marked[index] = Marked[index] with { End = Text.Length };
            }
        }

        private void Append(string s, bool skipped)
        {
            AllText.Append(s);
            if (!skipped) Text.Append(s);
        }

        private static MarkKind? Classify(IElement e)
        {
            var prop = e.GetAttribute("itemprop");
            if (prop is not null && e.LocalName != "meta")
            {
                var p = prop.Trim().ToLowerInvariant();
                if (p is "datepublished" or "datecreated" or "uploaddate" or "datemodified") return MarkKind.ItemProp;
            }
            if (e.LocalName == "time") return MarkKind.Time;
            if (e.LocalName == "abbr") return MarkKind.Time; // <abbr title="Friday, 6 October 2017 at 04:00">; non-dates fail to parse
            var hint = ClassAndId(e);
            if (hint.Length <= 2) return null;
            if (e.LocalName is "article" or "main" or "section" or "body") return null;
            return PublishedHint().IsMatch(hint) || ModifiedHint().IsMatch(hint) || DateHint().IsMatch(hint) ? MarkKind.Hint : null;
        }

        private static bool IsArticleContainer(IElement e)
        {
            if (e.LocalName is "article" or "main" or "header" or "h1") return true;
            var h = ClassAndId(e);
            return h.Contains("article", StringComparison.Ordinal) || h.Contains("post", StringComparison.Ordinal)
                   || h.Contains("entry", StringComparison.Ordinal) || h.Contains("content", StringComparison.Ordinal);
        }
    }

    // A class or id token that starts with a region word ("comments", "sidebar-left", "footer"), but not a layout
    // token that merely mentions one ("right-sidebar", "post-footer").
    private static bool IsSkippedRegion(IElement e)
    {
        if (e.LocalName is "footer" or "aside" or "nav") return true;
        var cls = e.GetAttribute("class");
        var id = e.Id;
        if (!string.IsNullOrEmpty(id) && SkipRegion().IsMatch(id)) return true;
        if (string.IsNullOrEmpty(cls)) return false;
        foreach (var token in cls.Split((char[])[' ', '\t', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries))
            if (SkipRegion().IsMatch(token)) return true;
        return false;
    }

    [GeneratedRegex(@"""pub_date""\s*:\s*""([^""]+)""", RegexOptions.CultureInvariant)]
    private static partial Regex ParselyPubDate();

    [GeneratedRegex(@"[""'](?<k>datePublished|publishedDate|published_at|publishedAt|publishDate|publish_date|date_published|pubDate|firstPublishedAt|publicationDate|publication_date|created_at|createdAt)[""']\s*:\s*[""'](?<v>[^""']{8,40})[""']", RegexOptions.CultureInvariant)]
    private static partial Regex ScriptDateField();

    [GeneratedRegex(@"\s+", RegexOptions.CultureInvariant)]
    private static partial Regex WhiteSpace();

    [GeneratedRegex(@"publish|posted|pubdate|entry-date|post-date|postdate|date-post|datepublished|created|article-date|article_date|news-date|date-created|erstellt|veroeffentlicht", RegexOptions.CultureInvariant)]
    private static partial Regex PublishedHint();

    [GeneratedRegex(@"modif|updated|update-date|date-update|aktualisiert|last-edit|lastedit|revised", RegexOptions.CultureInvariant)]
    private static partial Regex ModifiedHint();

    [GeneratedRegex(@"date|datum|time|zeit|byline|dateline|meta|info|stamp", RegexOptions.CultureInvariant)]
    private static partial Regex DateHint();

    [GeneratedRegex(@"^(?:comment|kommentar|footer(?:$|[-_])|site-footer|page-footer|global-footer|sidebar|related|recommend|breadcrumb|cookie|newsletter|disqus|respond|reply|archive|calendar|tagcloud|popular|trending|most-read|mostread)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SkipRegion();

    [GeneratedRegex(@"(?:updated?|aktualisiert|geändert|zuletzt|last\s+modified|modified|revised|mis\s+à\s+jour|actualizado|aggiornato|bijgewerkt|atualizado|stand)\b[^\n]{0,25}$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ModifiedCue();

    // A cue word, then at most a preposition and punctuation, right before the date: "Veröffentlicht am", "Posted on", "Datum:".
    [GeneratedRegex(@"(?:ver(?:ö|oe)ffentlicht|publiziert|erstellt|erschienen|geschrieben|eingestellt|gepostet|published|posted|written|released|publié|publie|publicado|publicada|pubblicato|gepubliceerd|geplaatst|(?:datum|date|publication|pubdate|veröffentlichung)\s*:)\s*(?:am|on|le|el|il|op|em|en|in|:)?\s*[:\-–|,]?\s*(?:\d{1,2}:\d{2}\s*(?:uhr)?\s*[,|\-–]?\s*)?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PublishedCue();

    [GeneratedRegex(@"(?:©|\(c\)|copyright|&copy;)[^\n]{0,20}$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CopyrightCue();

    [GeneratedRegex(@"(?<![0-9])(?<y>(?:199[5-9]|20[0-4][0-9]))(?<s>[/_-]?)(?<m>[01][0-9])\k<s>(?<d>[0-3][0-9])(?![0-9])", RegexOptions.CultureInvariant)]
    private static partial Regex UrlDate();

    // "/meldungen/29-10-2021", "bericht_05.03.2019.html": day first, always with separators.
    [GeneratedRegex(@"(?<![0-9])(?<d>[0-3][0-9])(?<s>[-_.])(?<m>[01][0-9])\k<s>(?<y>199[5-9]|20[0-4][0-9])(?![0-9])", RegexOptions.CultureInvariant)]
    private static partial Regex UrlDayFirstDate();
}
