namespace Sitrep.Core;

/// <summary>Where a metadata value was found (JSON-LD, OpenGraph, a header line, …), for provenance.</summary>
public readonly record struct MetadataSource(string Method, string? Detail = null)
{
    public override string ToString() => Detail is null ? Method : $"{Method}:{Detail}";
}

/// <summary>The input format a document was read from; the names are the <c>source_format</c> values of the record format.</summary>
public enum SourceFormat { Text, Html, Jsonl, Rss, Warc }

public static class SourceFormatNames
{
    public static string ToName(this SourceFormat f) => f switch
    {
        SourceFormat.Text => "text",
        SourceFormat.Html => "html",
        SourceFormat.Jsonl => "jsonl",
        SourceFormat.Rss => "rss",
        SourceFormat.Warc => "warc",
        _ => throw new ArgumentOutOfRangeException(nameof(f)),
    };

    public static SourceFormat Parse(string name) => name switch
    {
        "text" => SourceFormat.Text,
        "html" => SourceFormat.Html,
        "jsonl" => SourceFormat.Jsonl,
        "rss" => SourceFormat.Rss,
        "warc" => SourceFormat.Warc,
        _ => throw new FormatException($"Unknown source format '{name}'."),
    };
}

/// <summary>Document-level metadata. Immutable; readers fill it, stages may refine it with <c>with</c>.</summary>
public sealed record DocumentMetadata
{
    public string? Url { get; init; }
    public string? Title { get; init; }
    public string? Site { get; init; }
    public string? Author { get; init; }
    public DocumentDate? Published { get; init; }
    public MetadataSource? PublishedSource { get; init; }
    public DocumentDate? Modified { get; init; }
    public MetadataSource? ModifiedSource { get; init; }
    /// <summary>The language the page declares (html lang, og:locale, feed language), not the identified one.</summary>
    public string? DeclaredLanguage { get; init; }
    public SourceFormat SourceFormat { get; init; }
    /// <summary>The reader and its version, e.g. <c>html/smartreader-0.11.1</c>.</summary>
    public required string Reader { get; init; }
    /// <summary>Where the input came from: a file path (with a member inside an archive or feed), a URL, or <c>-</c> for stdin.</summary>
    public required string Origin { get; init; }
}
