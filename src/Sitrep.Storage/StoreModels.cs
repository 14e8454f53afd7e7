using System.Collections.Immutable;
using Sitrep.Core;

namespace Sitrep.Storage;

/// <summary>How <see cref="SitrepStore.Store"/> classified a document.</summary>
public enum StoreOutcomeKind
{
    /// <summary>Stored; nothing similar was known.</summary>
    New,
    /// <summary>Nothing written: this raw input at this URL (or origin) is already stored, or the URL's latest version has the same body.</summary>
    Unchanged,
    /// <summary>Stored and linked to the original with the same normalized body at another URL or origin.</summary>
    ExactDuplicate,
    /// <summary>Stored and linked to a similar document (estimated Jaccard ≥ 0.8, or SimHash Hamming distance ≤ 3).</summary>
    NearDuplicate,
    /// <summary>Stored as version n+1 of the document at the same URL, whose body differs.</summary>
    NewVersion,
}

/// <summary>
/// The result of storing one document. <paramref name="DocumentId"/> is the stored id (for Unchanged, the
/// id of the document already stored). A new version may also be a duplicate of another URL's document;
/// then <paramref name="DuplicateOf"/> is set too, and <paramref name="Kind"/> stays NewVersion.
/// </summary>
public sealed record StoreOutcome(
    StoreOutcomeKind Kind,
    string DocumentId,
    int Version,
    string? PreviousVersionId = null,
    string? DuplicateOf = null,
    string? DuplicateKind = null,
    double? Similarity = null);

/// <summary>The counts recorded for an ingest run.</summary>
public sealed record IngestCounts
{
    public int Inputs { get; init; }
    public int New { get; init; }
    public int Unchanged { get; init; }
    public int ExactDuplicates { get; init; }
    public int NearDuplicates { get; init; }
    public int NewVersions { get; init; }
    public int Errors { get; init; }
    public int Warnings { get; init; }

    /// <summary>These counts with one more document of <paramref name="kind"/>.</summary>
    public IngestCounts Add(StoreOutcomeKind kind) => kind switch
    {
        StoreOutcomeKind.New => this with { New = New + 1 },
        StoreOutcomeKind.Unchanged => this with { Unchanged = Unchanged + 1 },
        StoreOutcomeKind.ExactDuplicate => this with { ExactDuplicates = ExactDuplicates + 1 },
        StoreOutcomeKind.NearDuplicate => this with { NearDuplicates = NearDuplicates + 1 },
        StoreOutcomeKind.NewVersion => this with { NewVersions = NewVersions + 1 },
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };
}

/// <summary>One ingest (or merge) run. Without <see cref="FinishedAt"/> it never ended (the process died); <see cref="Interrupted"/> ones were stopped and closed with what they stored.</summary>
public sealed record IngestRun(long Id, DateTimeOffset StartedAt, DateTimeOffset? FinishedAt, string Arguments, string SitrepVersion, IngestCounts? Counts)
{
    public bool Interrupted { get; init; }
}

/// <summary>Filters for <see cref="SitrepStore.ListDocuments"/>. Results are ordered by published date (undated last), then id.</summary>
public sealed record DocumentQuery
{
    /// <summary>Identified language code (ISO 639-1, e.g. <c>en</c>).</summary>
    public string? Language { get; init; }
    public string? Site { get; init; }
    public SourceFormat? SourceFormat { get; init; }
    /// <summary>Inclusive, on the source's local calendar date; undated documents are excluded when set.</summary>
    public DateOnly? PublishedFrom { get; init; }
    /// <summary>Inclusive, on the source's local calendar date.</summary>
    public DateOnly? PublishedTo { get; init; }
    /// <summary>Substring of the clean text or title; case-insensitive for ASCII letters only.</summary>
    public string? TextContains { get; init; }
    /// <summary>Include documents linked as exact or near duplicates (default true: duplicates are kept, not hidden).</summary>
    public bool IncludeDuplicates { get; init; } = true;
    /// <summary>Include superseded versions (default false: only each URL's latest version).</summary>
    public bool AllVersions { get; init; }
    /// <summary>Only documents that carry warnings or stage errors.</summary>
    public bool WithIssuesOnly { get; init; }
    public int Limit { get; init; } = 100;
    public int Offset { get; init; }
}

/// <summary>One row of a listing. <paramref name="CleanLength"/> is in Unicode code points (SQLite's length()).</summary>
public sealed record StoredDocumentSummary(
    string Id,
    string? Url,
    string? Title,
    string? Site,
    string? Published,
    SourceFormat SourceFormat,
    string Origin,
    string? Language,
    bool? IsEnglish,
    int Version,
    bool IsLatest,
    string? DuplicateOf,
    string? DuplicateKind,
    double? Similarity,
    int IssueCount,
    int CleanLength,
    DateTimeOffset IngestedAt);

/// <summary>Everything stored for one document, enough to rebuild it (<see cref="ToDocument"/>) and trace any annotation to raw bytes.</summary>
public sealed record StoredDocument
{
    public required string Id { get; init; }
    public required DocumentMetadata Metadata { get; init; }
    public string? CanonicalUrl { get; init; }
    public LanguageIdentification? Language { get; init; }
    public required string RawSha256 { get; init; }
    /// <summary>The raw bytes; null when the document's raw text did not come from bytes.</summary>
    public ImmutableArray<byte>? RawBytes { get; init; }
    public string? RawEncoding { get; init; }
    public required string RawText { get; init; }
    public required string CleanText { get; init; }
    public required OffsetMap Map { get; init; }
    public required ContentHashes Hashes { get; init; }
    public int Version { get; init; }
    public bool IsLatest { get; init; }
    public string? PreviousVersionId { get; init; }
    public string? NextVersionId { get; init; }
    public string? DuplicateOf { get; init; }
    public string? DuplicateKind { get; init; }
    public double? Similarity { get; init; }
    /// <summary>Documents stored as duplicates of this one.</summary>
    public IReadOnlyList<string> Duplicates { get; init; } = [];
    public IReadOnlyList<DocumentError> Issues { get; init; } = [];
    public long IngestRunId { get; init; }
    public DateTimeOffset IngestedAt { get; init; }
    public required string SitrepVersion { get; init; }

    /// <summary>The document as the pipeline saw it: raw (with bytes), clean text, map, metadata, language and hashes layers, issues.</summary>
    public Document ToDocument()
    {
        var raw = new SourceText(RawText, RawBytes is { } b ? [.. b] : null, RawEncoding);
        var doc = new Document(Id, raw, new SourceText(CleanText), Map, Metadata).With(CoreLayers.Hashes, Hashes);
        if (Language is not null) doc = doc.With(CoreLayers.Language, Language);
        foreach (var issue in Issues) doc = doc.WithError(issue);
        return doc;
    }
}

/// <summary>Filters for <see cref="SitrepStore.ListErrors"/>; ordered by first occurrence.</summary>
public sealed record ErrorQuery
{
    public string? Code { get; init; }
    public long? IngestRunId { get; init; }
    public ErrorSeverity? Severity { get; init; }
    public int Limit { get; init; } = 1000;
    public int Offset { get; init; }
}

public sealed record StoredError(
    long Id,
    long IngestRunId,
    string Origin,
    string? InputSha256,
    string Code,
    string Message,
    string? Stage,
    ErrorSeverity Severity,
    DateTimeOffset RecordedAt);

/// <summary>Counts for a summary view. Dictionaries are ordered by code.</summary>
public sealed record StoreSummary(
    int Documents,
    int LatestDocuments,
    int ExactDuplicates,
    int NearDuplicates,
    int NewVersions,
    int RawInputs,
    int IngestRuns,
    int DocumentsWithIssues,
    IReadOnlyDictionary<string, int> ErrorsByCode,
    IReadOnlyDictionary<string, int> IssuesByCode);

/// <summary>The store's schema cannot be used by this build (newer than it knows, or not a Sitrep store).</summary>
public sealed class StoreSchemaException(string message) : Exception(message);
