using Sitrep.Core;
using Sitrep.Ingest.Input;

namespace Sitrep.Ingest.Readers;

/// <summary>Picks the reader for an input by extension, content type and content sniffing, and runs it.</summary>
public sealed class ReaderRegistry : IDocumentReader
{
    private readonly IDocumentReader _text = new PlainTextReader();
    private readonly IDocumentReader _html = new HtmlReader();
    private readonly IDocumentReader _jsonl;
    private readonly IDocumentReader _feed;
    private readonly IDocumentReader _warc;

    public ReaderRegistry()
    {
        _jsonl = new JsonLinesReader(_text, _html);
        _feed = new FeedReader(_html);
        _warc = new WarcReader(_html);
    }

    public string Name => "auto";

    /// <summary>The versions of the readers, recorded with every output.</summary>
    public static IReadOnlyDictionary<string, string> Versions { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["reader.text"] = PlainTextReader.Version,
        ["reader.html"] = HtmlReader.Version,
        ["reader.jsonl"] = "jsonl/1",
        ["reader.rss"] = "rss/codehollow-feedreader-2.1.1",
        ["reader.warc"] = "warc/1",
    };

    public IEnumerable<ReadOutcome> Read(InputSource source, ReaderOptions options, CancellationToken cancellationToken = default)
    {
        var format = FormatSniffer.Sniff(source);
        IDocumentReader? reader = format switch
        {
            InputFormat.Text => _text,
            InputFormat.Html => _html,
            InputFormat.JsonLines => _jsonl,
            InputFormat.Feed => _feed,
            InputFormat.Warc => _warc,
            _ => null,
        };
        if (reader is null)
            return [ReadOutcome.Failed(source.Origin, new SitrepException(ErrorCodes.UnsupportedFormat, $"No reader for '{source.FileName ?? source.Origin}' (not text, HTML, JSON Lines, RSS/Atom or WARC)."), InputHash.Sha256(source.Bytes))];
        return reader.Read(source, options, cancellationToken);
    }
}
