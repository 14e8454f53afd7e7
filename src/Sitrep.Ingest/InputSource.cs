using Sitrep.Core;

namespace Sitrep.Ingest;

/// <summary>
/// One input as bytes, before a reader has looked at it: a file, a URL's response, a WARC record's payload,
/// a JSON line's field, a feed item. <see cref="Bytes"/> are already decompressed.
/// </summary>
public sealed record InputSource
{
    /// <summary>Where it came from: a path, <c>path#L12</c> for a line, <c>path#record-3</c>, a URL, or <c>-</c> for stdin.</summary>
    public required string Origin { get; init; }
    public required byte[] Bytes { get; init; }
    /// <summary>The article URL when known (from a WARC header, a feed item, a JSON field, or the fetched URL).</summary>
    public string? Url { get; init; }
    /// <summary>A file name or URL path, for picking a reader by extension.</summary>
    public string? FileName { get; init; }
    /// <summary>The MIME type when a protocol said it (HTTP Content-Type without parameters).</summary>
    public string? ContentType { get; init; }
    /// <summary>The charset a protocol declared (HTTP header, XML declaration of the container).</summary>
    public string? DeclaredCharset { get; init; }
    /// <summary>Metadata the container already knows (a feed item's title and date, a JSON line's fields).</summary>
    public DocumentMetadata? KnownMetadata { get; init; }
    /// <summary>When the page was fetched (WARC-Date, HTTP Date); never used as the publication date.</summary>
    public DateTimeOffset? FetchedAt { get; init; }
}

/// <summary>What a reader made of one input: a document (maybe with warnings) or an error.</summary>
public sealed record ReadOutcome(string Origin, Document? Document, DocumentError? Error, string? InputSha256 = null)
{
    public static ReadOutcome Failed(string origin, SitrepException e, string? sha = null) => new(origin, null, e.ToError("read"), sha);
    public static ReadOutcome Read(Document document) => new(document.Metadata.Origin, document, null, document.Raw.Sha256());
}

/// <summary>Options every reader respects.</summary>
public sealed record ReaderOptions
{
    /// <summary>Inputs larger than this (after decompression) are refused with <see cref="ErrorCodes.TooLarge"/>.</summary>
    public long MaxBytes { get; init; } = 20 * 1024 * 1024;
    /// <summary>Markup nested deeper than this is refused with <see cref="ErrorCodes.TooDeep"/>.</summary>
    public int MaxHtmlDepth { get; init; } = 1024;
    public TimeSpan FetchTimeout { get; init; } = TimeSpan.FromSeconds(30);
    /// <summary>JSON Lines field names, tried in order.</summary>
    public JsonLinesFields JsonFields { get; init; } = new();
}

public sealed record JsonLinesFields
{
    public IReadOnlyList<string> Url { get; init; } = ["url", "link", "source_url", "uri"];
    public IReadOnlyList<string> Title { get; init; } = ["title", "headline"];
    public IReadOnlyList<string> Text { get; init; } = ["text", "body", "content", "article", "maintext", "articleBody"];
    public IReadOnlyList<string> Html { get; init; } = ["html", "raw_html", "content_html"];
    public IReadOnlyList<string> Published { get; init; } = ["published", "date", "date_publish", "publish_date", "datePublished", "pubDate", "published_at"];
    public IReadOnlyList<string> Modified { get; init; } = ["modified", "date_modify", "dateModified", "updated", "updated_at"];
    public IReadOnlyList<string> Author { get; init; } = ["author", "authors", "byline"];
    public IReadOnlyList<string> Site { get; init; } = ["site", "source", "source_domain", "publisher", "site_name"];
    public IReadOnlyList<string> Language { get; init; } = ["language", "lang"];
}

/// <summary>Turns one input into documents. Readers of containers (feeds, WARC, JSON Lines) yield several.</summary>
public interface IDocumentReader
{
    /// <summary>Short name recorded with each document, e.g. <c>html</c>.</summary>
    string Name { get; }
    IEnumerable<ReadOutcome> Read(InputSource source, ReaderOptions options, CancellationToken cancellationToken = default);
}
