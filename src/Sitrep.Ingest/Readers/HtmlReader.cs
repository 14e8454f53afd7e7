using AngleSharp.Html.Parser;
using Sitrep.Core;
using Sitrep.Ingest.Html;
using Sitrep.Ingest.Input;

namespace Sitrep.Ingest.Readers;

/// <summary>
/// Reads one HTML page: decodes it (BOM, declared or meta charset, UTF-8, windows-1252), refuses pathological
/// nesting, extracts the article body with an offset map into the page, and the metadata chain
/// (JSON-LD, OpenGraph/meta, &lt;time&gt;, URL, visible text). Metadata a container supplied (a feed item, a
/// JSON line) fills what the page does not say.
/// </summary>
public sealed class HtmlReader : IDocumentReader
{
    public static readonly string Version = "html/" + HtmlBodyExtractor.Version;

    private readonly HtmlBodyExtractor _body = new();
    private readonly HtmlMetadataExtractor _metadata = new();

    public string Name => "html";

    public IEnumerable<ReadOutcome> Read(InputSource source, ReaderOptions options, CancellationToken cancellationToken = default)
    {
        ReadOutcome outcome;
        try
        {
            outcome = ReadOutcome.Read(ReadPage(source, options, cancellationToken));
        }
        catch (SitrepException e)
        {
            outcome = ReadOutcome.Failed(source.Origin, e, InputHash.Sha256(source.Bytes));
        }
        yield return outcome;
    }

    public Document ReadPage(InputSource source, ReaderOptions options, CancellationToken cancellationToken = default)
    {
        if (source.Bytes.LongLength > options.MaxBytes)
            throw new SitrepException(ErrorCodes.TooLarge, $"Page is {source.Bytes.LongLength / 1048576.0:0.0} MB, over the {options.MaxBytes / 1048576.0:0.#} MB limit (--max-mb).");
        var decoded = TextDecoder.Decode(source.Bytes, source.DeclaredCharset, sniffHtmlMeta: true);
        var html = decoded.Text;
        int depth = HtmlDepthGuard.MaxDepth(html, options.MaxHtmlDepth + 1);
        if (depth > options.MaxHtmlDepth)
            throw new SitrepException(ErrorCodes.TooDeep, $"HTML is nested more than {options.MaxHtmlDepth} elements deep; refusing to parse it.");
        var raw = new SourceText(html, source.Bytes, decoded.EncodingName);

        var dom = new HtmlParser().ParseDocument(html);
        var url = source.Url ?? source.KnownMetadata?.Url;
        // A page cannot be published after it was fetched (a WARC date, an HTTP date): that bounds the guesses.
        var metadataExtractor = source.FetchedAt is { } fetched ? new HtmlMetadataExtractor(DateOnly.FromDateTime(fetched.UtcDateTime).AddDays(1)) : _metadata;
        var meta = metadataExtractor.Extract(dom, url);
        // One parse serves both: metadata is read first, because the body extractor rewrites the document.
        var body = _body.Extract(html, dom, url, cancellationToken);
        if (body.Text.Length == 0)
            throw new SitrepException(ErrorCodes.NoBody, "No article text found in the page.");

        var known = source.KnownMetadata;
        url ??= meta.CanonicalUrl;
        var metadata = new DocumentMetadata
        {
            Url = url,
            Title = known?.Title ?? meta.Title,
            Author = known?.Author ?? meta.Author,
            Site = known?.Site ?? meta.Site ?? PlainTextReader.SiteFromUrl(url),
            // A container's explicit dates (a feed's pubDate, a dump's date field) beat what is guessed from a page fragment.
            Published = known?.Published ?? meta.Published,
            PublishedSource = known?.Published is not null ? known.PublishedSource : meta.PublishedSource,
            Modified = known?.Modified ?? meta.Modified,
            ModifiedSource = known?.Modified is not null ? known.ModifiedSource : meta.ModifiedSource,
            DeclaredLanguage = meta.DeclaredLanguage ?? known?.DeclaredLanguage,
            SourceFormat = known?.SourceFormat ?? SourceFormat.Html,
            Reader = known?.Reader is { } container ? $"{container}+{Version}" : Version,
            Origin = source.Origin,
        };
        var doc = new Document(DocumentIds.For(url, source.Origin, raw.Sha256()), raw, new SourceText(body.Text), body.Map, metadata);
        foreach (var w in decoded.Warnings) doc = doc.WithError(w);
        return doc;
    }
}
