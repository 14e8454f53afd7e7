using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Sitrep.Core;

namespace Sitrep.Ingest.Html;

/// <summary>The article body of an HTML page: clean text, its map to the raw HTML, and the extractor that made it.</summary>
public sealed record HtmlBody(string Text, OffsetMap Map, string Extractor);

/// <summary>
/// Extracts the article body from news HTML. SmartReader (a Readability port) picks the main content; its
/// element is re-segmented into paragraphs from block elements and cleaned of page furniture. A second candidate
/// from paragraph density competes with it when SmartReader finds too little, judged against the page's JSON-LD
/// articleBody when there is one. A visible standfirst equal to the page description is kept. The HTML is parsed
/// once; the text is mapped back to raw positions by aligning it with a linear scan of the raw HTML.
/// </summary>
public sealed class HtmlBodyExtractor
{
    public const string Version = "smartreader-0.11.1+sitrep.1";

    private const string PlaceholderUrl = "https://localhost/";

    public HtmlBody Extract(string html, string? url, CancellationToken cancellationToken = default) =>
        Extract(html, null, url, cancellationToken);

    /// <summary>
    /// Extracts the body from <paramref name="parsed"/>, the AngleSharp parse of <paramref name="html"/>, so a caller
    /// that also reads metadata parses the page once. SmartReader rewrites the document: read anything else from it first.
    /// </summary>
    public HtmlBody Extract(string html, IHtmlDocument? parsed, string? url, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(html);
        using var stream = new BodyTextStream(html);
        List<string> paragraphs;
        try
        {
            paragraphs = ExtractParagraphs(parsed ?? new HtmlParser().ParseDocument(html), url, stream, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException and not OutOfMemoryException)
        {
            // Malformed input must not fail the batch: the caller reports an empty body as "no article body".
            paragraphs = [];
        }
        cancellationToken.ThrowIfCancellationRequested();
        var (text, map) = BodyAligner.Build(html, stream, paragraphs, cancellationToken);
        return new HtmlBody(text, map, Version);
    }

    private static List<string> ExtractParagraphs(IHtmlDocument doc, string? url, BodyTextStream stream, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();

        var meta = PageMeta.Read(doc);
        // The density candidate is collected before SmartReader rewrites the DOM.
        var density = DensityCandidate(doc);
        bool useJson = meta.ArticleBody is { } jb && BodyWords.Count(jb) >= 50;
        var all = useJson && doc.Body is { } bodyEl ? BodyBlocks.Collect(bodyEl) : null;
        var summaries = SummaryLists(doc);
        var headline = doc.QuerySelector("h1")?.TextContent;
        cancellationToken.ThrowIfCancellationRequested();

        List<BodyParagraph> reader = [];
        var authors = new List<string>(meta.Authors);
        try
        {
            IElement? content = null;
            // Class names stay so that the paragraph walk can recognise captions, share bars and the like.
            var sr = new SmartReader.Reader(ReaderUrl(url), doc) { KeepClasses = true };
            sr.AddCustomOperationEnd(e => content = e);
            var article = sr.GetArticle();
            if (content is not null && article.IsReadable) reader = BodyBlocks.Collect(content);
            if (!string.IsNullOrWhiteSpace(article.Author)) authors.Add(article.Author.Trim());
        }
        catch (Exception e) when (e is not OperationCanceledException and not OutOfMemoryException)
        {
            reader = [];
        }

        var titles = meta.Titles.Select(BodyFilter.Normalize).Where(t => t.Length > 0).ToHashSet(StringComparer.Ordinal);
        var a = BodyFilter.Apply(reader, titles, authors);
        var b = BodyFilter.Apply(density, titles, authors);
        var chosen = Choose(a, b, meta.ArticleBody);
        if (useJson && all is not null) chosen = ExpandWithJson(chosen, BodyFilter.Apply(all, titles, authors), meta.ArticleBody!);
        AddSummary(chosen, summaries, headline, stream);
        AddStandfirst(chosen, meta.Descriptions, stream);
        return chosen;
    }

    private static string ReaderUrl(string? url) =>
        url is not null && Uri.TryCreate(url, UriKind.Absolute, out var u) && (u.Scheme == Uri.UriSchemeHttp || u.Scheme == Uri.UriSchemeHttps)
            ? url : PlaceholderUrl;

    /// <summary>
    /// SmartReader's body unless the density candidate is clearly better: closer to JSON-LD articleBody when the
    /// page has one, otherwise much longer while containing SmartReader's text.
    /// </summary>
    private static List<string> Choose(List<string> reader, List<string> density, string? jsonBody)
    {
        if (density.Count == 0) return reader;
        if (reader.Count == 0) return density;
        if (jsonBody is not null && BodyWords.Count(jsonBody) >= 50)
        {
            // JSON-LD bodies are sometimes teasers, so judge by how much of it a candidate covers, then by precision.
            var target = BodyWords.Bag(jsonBody);
            Dictionary<string, int> ba = BodyWords.Bag(reader), bb = BodyWords.Bag(density);
            double ra = BodyWords.Containment(target, ba), rb = BodyWords.Containment(target, bb);
            if (rb > ra + 0.05) return density;
            if (ra > rb + 0.05) return reader;
            return BodyWords.Containment(bb, target) > BodyWords.Containment(ba, target) + 0.05 ? density : reader;
        }
        int wa = reader.Sum(BodyWords.Count), wb = density.Sum(BodyWords.Count);
        if (wb >= 1.5 * wa && BodyWords.Containment(BodyWords.Bag(reader), BodyWords.Bag(density)) >= 0.8) return density;
        return reader;
    }

    /// <summary>
    /// When the chosen body covers little of a JSON-LD articleBody, the article is probably split over several
    /// containers: add the page's paragraphs that occur in articleBody, in page order.
    /// </summary>
    private static List<string> ExpandWithJson(List<string> chosen, List<string> all, string jsonBody)
    {
        var nj = BodyFilter.Normalize(jsonBody);
        if (nj.Length == 0) return chosen;
        double covChosen = Coverage(chosen, nj);
        if (covChosen >= 0.8) return chosen;
        var inChosen = chosen.ToHashSet(StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var union = new List<string>();
        foreach (var p in all)
        {
            if (!seen.Add(p)) continue;
            if (inChosen.Contains(p)) { union.Add(p); continue; }
            var np = BodyFilter.Normalize(p);
            if (np.Length >= 20 && nj.Contains(np, StringComparison.Ordinal)) union.Add(p);
        }
        return Coverage(union, nj) >= covChosen + 0.1 ? union : chosen;
    }

    /// <summary>Share of the normalized JSON-LD body made up by paragraphs found in it verbatim.</summary>
    private static double Coverage(List<string> paragraphs, string normalizedJson)
    {
        long covered = 0;
        foreach (var p in paragraphs)
        {
            var np = BodyFilter.Normalize(p);
            if (np.Length > 0 && normalizedJson.Contains(np, StringComparison.Ordinal)) covered += np.Length;
        }
        return Math.Min(1.0, (double)covered / normalizedJson.Length);
    }

    /// <summary>
    /// Lists of whole sentences ("key points", "in brief"): 2 to 8 items, each a sentence of 8+ words with few
    /// links. Read before SmartReader rewrites the DOM.
    /// </summary>
    private static List<List<string>> SummaryLists(IHtmlDocument doc)
    {
        var result = new List<List<string>>();
        foreach (var list in doc.QuerySelectorAll("ul, ol"))
        {
            var items = list.Children.Where(c => c.LocalName == "li").ToList();
            if (items.Count is < 2 or > 8 || items.Count != list.Children.Length) continue;
            var texts = new List<string>(items.Count);
            foreach (var li in items)
            {
                var t = BodyBlocks.CollapseWhitespace(li.TextContent);
                int links = li.QuerySelectorAll("a").Sum(a => a.TextContent.Length);
                if (BodyWords.Count(t) < 8 || t.Length == 0 || links > t.Length / 3 || !t.EndsWith('.') && !t.EndsWith('"') && !t.EndsWith('”')) break;
                texts.Add(t);
            }
            if (texts.Count == items.Count) result.Add(texts);
        }
        return result;
    }

    /// <summary>Prepends a summary list shown between the headline and the body, which the body candidates leave out.</summary>
    private static void AddSummary(List<string> paragraphs, List<List<string>> summaries, string? headline, BodyTextStream stream)
    {
        if (paragraphs.Count == 0 || summaries.Count == 0 || string.IsNullOrWhiteSpace(headline)) return;
        int head = Locate(stream, headline, 0);
        int body = Locate(stream, paragraphs[0], 0);
        if (head < 0 || body < 0 || head >= body) return;
        var present = paragraphs.ToHashSet(StringComparer.Ordinal);
        foreach (var items in summaries)
        {
            if (items.Any(present.Contains)) continue;
            int at = Locate(stream, items[0], head);
            if (at < 0 || at >= body) continue;
            paragraphs.InsertRange(0, items);
            return;
        }
    }

    /// <summary>Stream index of the first visible occurrence of the text's first characters at or after <paramref name="from"/>; -1 if none.</summary>
    private static int Locate(BodyTextStream stream, string text, int from)
    {
        Span<char> needle = stackalloc char[32];
        int n = 0;
        foreach (char c in text)
        {
            if (n == needle.Length) break;
            if (!char.IsWhiteSpace(c)) needle[n++] = c;
        }
        if (n == 0 || from >= stream.Count) return -1;
        int at = stream.Chars[from..].IndexOf(needle[..n]);
        return at < 0 ? -1 : from + at;
    }

    /// <summary>Prepends the page description when the page shows it as its own block (a standfirst) and the body lacks it.</summary>
    private static void AddStandfirst(List<string> paragraphs, IReadOnlyList<string> descriptions, BodyTextStream stream)
    {
        if (paragraphs.Count == 0) return;
        var head = paragraphs.Take(3).Select(BodyFilter.Normalize).ToArray();
        foreach (var raw in descriptions)
        {
            var description = BodyBlocks.CollapseWhitespace(raw);
            var d = BodyFilter.Normalize(description);
            if (d.Length < 40) continue;
            if (head.Any(n => n.Contains(d, StringComparison.Ordinal) || (n.Length > 40 && d.Contains(n, StringComparison.Ordinal)))) return;
            if (!IsVisibleBlock(stream, description)) continue;
            paragraphs.Insert(0, description);
            return;
        }
    }

    /// <summary>True when the text occurs in the visible text delimited by tags on both sides, i.e. as a whole element.</summary>
    private static bool IsVisibleBlock(BodyTextStream stream, string text)
    {
        var needle = new char[text.Length];
        int n = 0;
        foreach (char c in text) if (!char.IsWhiteSpace(c)) needle[n++] = c;
        if (n == 0) return false;
        var chars = stream.Chars;
        int from = 0;
        while (from < chars.Length)
        {
            int at = chars[from..].IndexOf(needle.AsSpan(0, n));
            if (at < 0) return false;
            at += from;
            int end = at + n;
            if ((stream.Flags(at) & BodyTextStream.TagBefore) != 0 && (end == stream.Count || (stream.Flags(end) & BodyTextStream.TagBefore) != 0))
                return true;
            from = at + 1;
        }
        return false;
    }

    /// <summary>The element holding most paragraph text (parents score a paragraph fully, grandparents half), with same-classed siblings.</summary>
    private static List<BodyParagraph> DensityCandidate(IHtmlDocument doc)
    {
        var scores = new Dictionary<IElement, double>();
        foreach (var p in doc.QuerySelectorAll("p"))
        {
            var len = p.TextContent.AsSpan().Trim().Length;
            if (len < 40) continue;
            var parent = p.ParentElement;
            if (parent is null) continue;
            scores[parent] = scores.GetValueOrDefault(parent) + len;
            if (parent.ParentElement is { } gp) scores[gp] = scores.GetValueOrDefault(gp) + len / 2.0;
        }
        IElement? best = null;
        double bestScore = 0;
        foreach (var (el, score) in scores)
        {
            if (score > bestScore) { best = el; bestScore = score; }
        }
        if (best is null) return [];
        var result = new List<BodyParagraph>();
        // Bodies split by ads or paywall markers continue in siblings of the same kind.
        var cls = best.GetAttribute("class");
        var parent2 = best.ParentElement;
        if (parent2 is not null && !string.IsNullOrEmpty(cls))
        {
            foreach (var sib in parent2.Children)
            {
                if (sib == best || (sib.LocalName == best.LocalName && string.Equals(sib.GetAttribute("class"), cls, StringComparison.Ordinal)))
                    result.AddRange(BodyBlocks.Collect(sib));
            }
        }
        else
        {
            result.AddRange(BodyBlocks.Collect(best));
        }
        return result;
    }
}
