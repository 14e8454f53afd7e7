using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;
using Sitrep.Core;
using Sitrep.Ingest.Input;
using CH = CodeHollow.FeedReader;

namespace Sitrep.Ingest.Readers;

/// <summary>
/// RSS 2.0, RSS 1.0 and Atom feeds, parsed with CodeHollow.FeedReader (its parser only, never its network code).
/// Each item becomes one HTML input for the HTML reader: its full content (<c>content:encoded</c>, Atom content) or
/// else its description/summary, with the item link as URL and title, dates (offsets kept), author and the feed's
/// language as known metadata. A feed that cannot be parsed is one <see cref="ErrorCodes.ParseFailed"/> outcome.
/// </summary>
public sealed partial class FeedReader : IDocumentReader
{
    private readonly IDocumentReader _htmlReader;

    public FeedReader(IDocumentReader htmlReader) => _htmlReader = htmlReader;

    public string Name => "rss";

    public IEnumerable<ReadOutcome> Read(InputSource source, ReaderOptions options, CancellationToken cancellationToken = default)
    {
        string sha = InputHash.Sha256(source.Bytes);
        DecodedText decoded;
        CH.Feed feed;
        try
        {
            decoded = TextDecoder.Decode(source.Bytes, source.DeclaredCharset, sniffHtmlMeta: false);
            feed = Parse(decoded.Text, source.Origin);
        }
        catch (SitrepException e)
        {
            return [ReadOutcome.Failed(source.Origin, e, sha)];
        }
        return ReadItems(source, feed, decoded.Warnings, options, cancellationToken);
    }

    private static CH.Feed Parse(string text, string origin)
    {
        CH.Feed feed;
        try
        {
            // The text is already decoded (BOM, declared charset, XML declaration), so parse the string, not bytes.
            feed = CH.FeedReader.ReadFromString(text);
        }
        catch (XmlException e) when (e.Message.Contains("entity", StringComparison.OrdinalIgnoreCase) && TryReadWithHtmlEntities(text, out var repaired))
        {
            feed = repaired;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            throw new SitrepException(ErrorCodes.ParseFailed, $"{origin}: not a readable RSS or Atom feed ({e.GetType().Name}: {e.Message}).", e);
        }
        if (feed is null || feed.Type is CH.FeedType.Unknown or CH.FeedType.JsonFeed)
            throw new SitrepException(ErrorCodes.ParseFailed, $"{origin}: not an RSS or Atom feed.");
        return feed;
    }

    // Many feeds use HTML entities (&nbsp; &eacute;) that XML does not define; retry with them as numeric references.
    private static bool TryReadWithHtmlEntities(string text, out CH.Feed feed)
    {
        feed = null!;
        var fixedText = NamedEntity().Replace(text, m =>
        {
            var name = m.Groups[1].Value;
            if (name is "amp" or "lt" or "gt" or "quot" or "apos") return m.Value;
            var decoded = WebUtility.HtmlDecode(m.Value);
            if (decoded == m.Value) return "&amp;" + name + ";";
            var sb = new StringBuilder();
            foreach (var rune in decoded.EnumerateRunes()) sb.Append("&#").Append(rune.Value.ToString(CultureInfo.InvariantCulture)).Append(';');
            return sb.ToString();
        });
        try
        {
            feed = CH.FeedReader.ReadFromString(fixedText);
            return feed is not null;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return false;
        }
    }

    private IEnumerable<ReadOutcome> ReadItems(InputSource source, CH.Feed feed, IReadOnlyList<DocumentError> warnings, ReaderOptions options, CancellationToken cancellationToken)
    {
        var root = feed.SpecificFeed?.Element;
        var language = Clean(feed.Language) ?? Clean(root?.Attribute(XNamespace.Xml + "lang")?.Value)
                       ?? Clean(root?.Document?.Root?.Attribute(XNamespace.Xml + "lang")?.Value);
        var site = Clean(feed.Title);
        var baseUri = AbsoluteUri(feed.Link) ?? AbsoluteUri(source.Url);
        int index = 0;
        foreach (var item in feed.Items)
        {
            cancellationToken.ThrowIfCancellationRequested();
            index++;
            var origin = $"{source.Origin}#item-{index.ToString(CultureInfo.InvariantCulture)}";
            var element = item.SpecificItem?.Element;
            var html = ItemHtml(item, element);
            if (html is null)
            {
                yield return ContainerItems.Error(origin, ErrorCodes.NoBody, $"{origin}: the feed item has no content, description or summary.");
                continue;
            }
            var url = Resolve(baseUri, Clean(item.Link) ?? PermalinkGuid(element));
            var (published, pubSource) = ItemPublished(item, element);
            var (modified, modSource) = FirstDate(element, ["updated", "modified"]);
            var bytes = Encoding.UTF8.GetBytes(html);
            if (bytes.LongLength > options.MaxBytes)
            {
                yield return ContainerItems.Error(origin, ErrorCodes.TooLarge,
                    $"{origin} is {bytes.LongLength.ToString("N0", CultureInfo.InvariantCulture)} bytes, over the limit of {options.MaxBytes.ToString("N0", CultureInfo.InvariantCulture)} (ReaderOptions.MaxBytes).", bytes);
                continue;
            }
            var metadata = new DocumentMetadata
            {
                Url = url,
                Title = Clean(WebUtility.HtmlDecode(item.Title ?? "")),
                Site = site,
                Author = ItemAuthor(item, element),
                Published = published,
                PublishedSource = pubSource,
                Modified = modified,
                ModifiedSource = modSource,
                DeclaredLanguage = language,
                SourceFormat = SourceFormat.Rss,
                Reader = Name,
                Origin = origin,
            };
            var input = new InputSource
            {
                Origin = origin,
                Bytes = bytes,
                Url = url,
                FileName = ContainerItems.FileNameOfUrl(url),
                ContentType = "text/html",
                DeclaredCharset = "utf-8",
                KnownMetadata = metadata,
                FetchedAt = source.FetchedAt,
            };
            foreach (var outcome in ContainerItems.ReadItem(_htmlReader, input, options, warnings, cancellationToken))
                yield return outcome;
        }
    }

    // RSS 2.0: a <guid> is the item's URL unless isPermaLink="false".
    private static string? PermalinkGuid(XElement? element)
    {
        if (element is null || Child(element, "guid") is not { } guid) return null;
        if (string.Equals(guid.Attribute("isPermaLink")?.Value?.Trim(), "false", StringComparison.OrdinalIgnoreCase)) return null;
        return AbsoluteUri(guid.Value) is not null ? guid.Value.Trim() : null;
    }

    // Full content first, then the description/summary. Atom type="text" content is escaped so the HTML reader sees
    // text; type="xhtml" content is taken as markup (the library flattens it to text).
    private static string? ItemHtml(CH.FeedItem item, XElement? element)
    {
        var content = item.Content;
        bool plain = false;
        var c = element is null ? null : Child(element, "content");
        if (c?.Attribute("type")?.Value is "text")
            plain = true;
        else if (c?.Attribute("type")?.Value is "xhtml" && c.HasElements)
            content = string.Concat(c.Nodes().Select(n => n.ToString(SaveOptions.DisableFormatting)));
        if (string.IsNullOrWhiteSpace(content))
        {
            content = item.Description;
            plain = element is not null && Child(element, "summary") is { } s && s.Attribute("type")?.Value is "text";
        }
        if (string.IsNullOrWhiteSpace(content)) return null;
        return plain ? TextAsHtml(content) : content;
    }

    private static string TextAsHtml(string text)
    {
        var sb = new StringBuilder();
        foreach (var para in ParagraphBreak().Split(text.Trim()))
            sb.Append("<p>").Append(Escape(para.Trim())).Append("</p>\n");
        return sb.ToString();
    }

    // Only the markup characters: WebUtility.HtmlEncode would also turn every non-ASCII letter into an entity.
    private static string Escape(string s) =>
        s.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal);

    private static (DocumentDate? Date, MetadataSource? Source) ItemPublished(CH.FeedItem item, XElement? element)
    {
        if (ContainerDates.TryParse(item.PublishingDateString, out var d))
            return (d, new MetadataSource("feed", element is not null && Child(element, "pubDate") is not null ? "pubDate" : "published"));
        return FirstDate(element, ["published", "pubDate", "date", "issued", "created"]);
    }

    private static (DocumentDate? Date, MetadataSource? Source) FirstDate(XElement? element, string[] localNames)
    {
        if (element is null) return (null, null);
        foreach (var name in localNames)
        {
            if (Child(element, name) is { } e && ContainerDates.TryParse(e.Value, out var d))
                return (d, new MetadataSource("feed", name));
        }
        return (null, null);
    }

    private static string? ItemAuthor(CH.FeedItem item, XElement? element)
    {
        var author = Clean(item.Author);
        if (author is null && element is not null)
        {
            // dc:creator, Atom <author><name>, RSS <author>
            var e = Child(element, "creator") ?? Child(element, "author");
            author = Clean(e is null ? null : Child(e, "name")?.Value ?? e.Value);
        }
        if (author is null) return null;
        // RSS 2.0 writes "email (Full Name)"; keep the name.
        var m = EmailWithName().Match(author);
        return m.Success ? m.Groups[1].Value.Trim() : author;
    }

    private static XElement? Child(XElement element, string localName) =>
        element.Elements().FirstOrDefault(e => string.Equals(e.Name.LocalName, localName, StringComparison.Ordinal));

    private static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    private static Uri? AbsoluteUri(string? s) =>
        s is not null && Uri.TryCreate(s.Trim(), UriKind.Absolute, out var u) && (u.Scheme == Uri.UriSchemeHttp || u.Scheme == Uri.UriSchemeHttps) ? u : null;

    private static string? Resolve(Uri? baseUri, string? link)
    {
        if (link is null) return null;
        // On Unix "/a/b" parses as an absolute file URI, so only http(s) counts as already absolute.
        if (AbsoluteUri(link) is not null) return link;
        return baseUri is not null && Uri.TryCreate(baseUri, link, out var rel) ? rel.AbsoluteUri : link;
    }

    [GeneratedRegex(@"&([A-Za-z][A-Za-z0-9]{1,31});", RegexOptions.CultureInvariant)]
    private static partial Regex NamedEntity();

    [GeneratedRegex(@"^\S+@\S+\s*\((.+)\)\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex EmailWithName();

    [GeneratedRegex(@"\r?\n\s*\r?\n", RegexOptions.CultureInvariant)]
    private static partial Regex ParagraphBreak();
}
