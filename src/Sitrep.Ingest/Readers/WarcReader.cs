using System.Globalization;
using Sitrep.Core;
using Sitrep.Ingest.Input;

namespace Sitrep.Ingest.Readers;

/// <summary>What a WARC reader saw: records read, HTML pages handed on, records skipped (by reason) and errors.</summary>
public sealed class WarcStats
{
    public int Records { get; internal set; }
    public int HtmlPages { get; internal set; }
    public int Errors { get; internal set; }
    /// <summary>Skipped records by reason, e.g. <c>request</c>, <c>warcinfo</c>, <c>non-HTML (image/png)</c>, <c>HTTP 404</c>.</summary>
    public SortedDictionary<string, int> Skipped { get; } = new(StringComparer.Ordinal);
    public int SkippedTotal => Skipped.Values.Sum();

    internal void Skip(string reason) => Skipped[reason] = Skipped.GetValueOrDefault(reason) + 1;
}

/// <summary>
/// WARC 1.0/1.1 files, plain or gzip-compressed with one member per record (concatenated members are read one after
/// another, and a damaged member costs only its own records). Every <c>response</c> record whose HTTP payload is HTML
/// (and every HTML <c>resource</c> record) becomes one input for the HTML reader, with WARC-Target-URI as URL,
/// WARC-Date as fetch time and the HTTP charset as declared charset. Other records are skipped and counted.
/// </summary>
public sealed class WarcReader : IDocumentReader
{
    private readonly IDocumentReader _htmlReader;
    private readonly long? _maxDecompressedBytes;

    /// <param name="maxDecompressedBytes">Limit on the whole decompressed file; 16 × <see cref="ReaderOptions.MaxBytes"/> when null.</param>
    public WarcReader(IDocumentReader htmlReader, long? maxDecompressedBytes = null)
    {
        _htmlReader = htmlReader;
        _maxDecompressedBytes = maxDecompressedBytes;
    }

    public string Name => "warc";

    public IEnumerable<ReadOutcome> Read(InputSource source, ReaderOptions options, CancellationToken cancellationToken = default) =>
        Read(source, options, new WarcStats(), cancellationToken);

    /// <summary>As <see cref="Read(InputSource, ReaderOptions, CancellationToken)"/>, filling <paramref name="stats"/> as the sequence is enumerated.</summary>
    public IEnumerable<ReadOutcome> Read(InputSource source, ReaderOptions options, WarcStats stats, CancellationToken cancellationToken = default)
    {
        IReadOnlyList<GzipSegment> segments;
        try
        {
            segments = Gzip.HasMagic(source.Bytes)
                ? Gzip.DecompressResyncing(source.Bytes, _maxDecompressedBytes ?? ContainerLimit(options), source.Origin)
                : [new GzipSegment(source.Bytes, null)];
        }
        catch (SitrepException e)
        {
            return [ReadOutcome.Failed(source.Origin, e, InputHash.Sha256(source.Bytes))];
        }
        if (segments.Count == 1 && segments[0].Data.Length == 0 && segments[0].Error is null)
            return [ContainerItems.Error(source.Origin, ErrorCodes.EmptyInput, $"{source.Origin} is empty.")];
        return ReadSegments(source, segments, options, stats, cancellationToken);
    }

    // A WARC is a container of many pages, so its decompressed size may exceed the per-document limit; the limit
    // still applies to every page, and this bounds the memory the whole container may take.
    private static long ContainerLimit(ReaderOptions options) => options.MaxBytes > long.MaxValue / 16 ? long.MaxValue : options.MaxBytes * 16;

    private IEnumerable<ReadOutcome> ReadSegments(InputSource source, IReadOnlyList<GzipSegment> segments, ReaderOptions options, WarcStats stats, CancellationToken cancellationToken)
    {
        int number = 1;
        bool sawRecord = false;
        foreach (var segment in segments)
        {
            var results = WarcRecordParser.Parse(segment.Data, number).ToList();
            // A record cut off by a damaged or truncated gzip segment is one problem: report it once, as the gzip error.
            bool cutRecord = segment.Error is not null && results.Count > 0 && results[^1].Record is null;
            for (int i = 0; i < results.Count; i++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var result = results[i];
                number = result.Number + 1;
                var origin = $"{source.Origin}#record-{result.Number.ToString(CultureInfo.InvariantCulture)}";
                if (result.Record is null)
                {
                    stats.Errors++;
                    yield return cutRecord && i == results.Count - 1
                        ? ContainerItems.Error(origin, ErrorCodes.TruncatedGzip, $"{origin}: {result.Error}: {segment.Error}; records up to the next intact gzip member are lost.")
                        : ContainerItems.Error(origin, ErrorCodes.ParseFailed, $"{origin}: {result.Error}.");
                    continue;
                }
                sawRecord = true;
                stats.Records++;
                var (item, skip, error) = ToInput(source, result.Record, origin, options);
                if (error is not null)
                {
                    stats.Errors++;
                    yield return error;
                    continue;
                }
                if (item is null)
                {
                    stats.Skip(skip!);
                    continue;
                }
                stats.HtmlPages++;
                foreach (var outcome in ContainerItems.ReadItem(_htmlReader, item, options, null, cancellationToken))
                    yield return outcome;
            }
            if (segment.Error is not null && !cutRecord)
            {
                stats.Errors++;
                var origin = $"{source.Origin}#record-{number.ToString(CultureInfo.InvariantCulture)}";
                yield return ContainerItems.Error(origin, ErrorCodes.TruncatedGzip, $"{source.Origin}: {segment.Error}; records up to the next intact gzip member are lost.");
            }
        }
        if (!sawRecord && stats.Errors == 0)
            yield return ContainerItems.Error(source.Origin, ErrorCodes.ParseFailed, $"{source.Origin}: no WARC records found.");
    }

    private static (InputSource? Item, string? Skip, ReadOutcome? Error) ToInput(InputSource source, WarcRecord record, string origin, ReaderOptions options)
    {
        var type = record.Type?.Trim().ToLowerInvariant() ?? "untyped";
        var url = record.TargetUri;
        var fetchedAt = ContainerDates.ParseInstant(record.Headers["WARC-Date"]);
        string? mediaType, charset;
        byte[] body;
        switch (type)
        {
            case "response":
                {
                    var recordType = ContentTypeHeader.MediaType(record.Headers["Content-Type"]);
                    if (recordType is not null && recordType != "application/http")
                        return (null, $"response with {recordType}", null);
                    if (url is not null && !url.StartsWith("http", StringComparison.OrdinalIgnoreCase))
                        return (null, "non-HTTP response", null);
                    HttpResponseMessageData http;
                    try
                    {
                        http = WarcHttp.ParseResponse(record.Block.Span, options.MaxBytes, origin);
                    }
                    catch (SitrepException e)
                    {
                        return (null, null, ReadOutcome.Failed(origin, e));
                    }
                    if (http.StatusCode is < 200 or > 299) return (null, $"HTTP {http.StatusCode.ToString(CultureInfo.InvariantCulture)}", null);
                    mediaType = http.MediaType;
                    charset = http.Charset;
                    body = http.Body;
                    break;
                }
            case "resource":
                mediaType = ContentTypeHeader.MediaType(record.Headers["Content-Type"]);
                charset = ContentTypeHeader.Charset(record.Headers["Content-Type"]);
                body = record.Block.ToArray();
                break;
            default:
                return (null, type, null);
        }
        // No Content-Type at all: trust an unmistakable HTML start (doctype or <html>).
        if (mediaType is null && FormatSniffer.SniffContent(body, out bool strong) == InputFormat.Html && strong)
            mediaType = "text/html";
        if (mediaType is not ("text/html" or "application/xhtml+xml"))
            return (null, $"non-HTML ({mediaType ?? "no Content-Type"})", null);
        if (body.LongLength > options.MaxBytes)
            return (null, null, ContainerItems.Error(origin, ErrorCodes.TooLarge,
                $"{origin}: the page is {body.LongLength.ToString("N0", CultureInfo.InvariantCulture)} bytes, over the limit of {options.MaxBytes.ToString("N0", CultureInfo.InvariantCulture)} (ReaderOptions.MaxBytes)."));
        var item = new InputSource
        {
            Origin = origin,
            Bytes = body,
            Url = url,
            FileName = ContainerItems.FileNameOfUrl(url),
            ContentType = mediaType,
            DeclaredCharset = charset,
            FetchedAt = fetchedAt,
            KnownMetadata = new DocumentMetadata
            {
                Url = url,
                SourceFormat = SourceFormat.Warc,
                Reader = "warc",
                Origin = origin,
            },
        };
        return (item, null, null);
    }
}
