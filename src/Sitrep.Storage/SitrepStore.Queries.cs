using System.Collections.Immutable;
using System.Text;
using Microsoft.Data.Sqlite;
using Sitrep.Core;

namespace Sitrep.Storage;

public sealed partial class SitrepStore
{
    private const string SummaryColumns = """
        d.id, d.url, d.title, d.site, d.published, d.source_format, d.origin, d.language, d.is_english,
        d.version, d.is_latest, d.duplicate_of, d.duplicate_kind, d.similarity,
        (SELECT count(*) FROM document_warnings w WHERE w.document_id = d.id), length(d.clean_text), d.ingested_at
        """;

    /// <summary>Documents matching <paramref name="q"/>, ordered by published date (undated last), then id.</summary>
    public IReadOnlyList<StoredDocumentSummary> ListDocuments(DocumentQuery q)
    {
        ArgumentNullException.ThrowIfNull(q);
        ArgumentOutOfRangeException.ThrowIfNegative(q.Limit);
        ArgumentOutOfRangeException.ThrowIfNegative(q.Offset);
        lock (_gate)
        {
            ThrowIfDisposed();
            using var cmd = _connection.CreateCommand();
            var where = new List<string>();
            if (!q.AllVersions) where.Add("d.is_latest = 1");
            if (!q.IncludeDuplicates) where.Add("d.duplicate_of IS NULL");
            if (q.Language is not null) { where.Add("d.language = @language"); cmd.Parameters.AddWithValue("@language", q.Language); }
            if (q.Site is not null) { where.Add("d.site = @site"); cmd.Parameters.AddWithValue("@site", q.Site); }
            if (q.SourceFormat is { } f) { where.Add("d.source_format = @format"); cmd.Parameters.AddWithValue("@format", f.ToName()); }
            // Published is ISO 8601 starting with the source's local date, so its first 10 characters compare as dates.
            if (q.PublishedFrom is { } from) { where.Add("substr(d.published, 1, 10) >= @from"); cmd.Parameters.AddWithValue("@from", IsoDate(from)); }
            if (q.PublishedTo is { } to) { where.Add("substr(d.published, 1, 10) <= @to"); cmd.Parameters.AddWithValue("@to", IsoDate(to)); }
            if (!string.IsNullOrEmpty(q.TextContains))
            {
                where.Add("(instr(lower(d.clean_text), lower(@text)) > 0 OR instr(lower(ifnull(d.title, '')), lower(@text)) > 0)");
                cmd.Parameters.AddWithValue("@text", q.TextContains);
            }
            if (q.WithIssuesOnly) where.Add("EXISTS (SELECT 1 FROM document_warnings w WHERE w.document_id = d.id)");
            var sql = new StringBuilder("SELECT ").Append(SummaryColumns).Append(" FROM documents d");
            if (where.Count > 0) sql.Append(" WHERE ").AppendJoin(" AND ", where);
            sql.Append(" ORDER BY d.published IS NULL, d.published, d.id LIMIT @limit OFFSET @offset");
            cmd.Parameters.AddWithValue("@limit", q.Limit);
            cmd.Parameters.AddWithValue("@offset", q.Offset);
            cmd.CommandText = sql.ToString();
            using var r = cmd.ExecuteReader();
            var list = new List<StoredDocumentSummary>();
            while (r.Read()) list.Add(ReadSummary(r));
            return list;
        }
    }

    /// <summary>Everything stored for a document, or null when there is no such id.</summary>
    public StoredDocument? GetDocument(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        lock (_gate)
        {
            ThrowIfDisposed();
            using var cmd = _connection.CreateCommand();
            cmd.CommandText = """
                SELECT d.url, d.canonical_url, d.title, d.site, d.author,
                    d.published, d.published_method, d.published_detail, d.modified, d.modified_method, d.modified_detail,
                    d.declared_language, d.language, d.language_confidence, d.is_english, d.source_format, d.reader, d.origin,
                    d.raw_sha256, r.bytes, d.raw_encoding, d.raw_text, d.clean_text, d.offset_map, d.body_sha256, d.simhash, d.minhash,
                    d.version, d.is_latest, d.previous_version_id, d.duplicate_of, d.duplicate_kind, d.similarity,
                    d.ingest_run_id, d.ingested_at, d.sitrep_version,
                    (SELECT n.id FROM documents n WHERE n.previous_version_id = d.id ORDER BY n.version LIMIT 1)
                FROM documents d JOIN raw_inputs r ON r.sha256 = d.raw_sha256
                WHERE d.id = @id
                """;
            cmd.Parameters.AddWithValue("@id", id);
            StoredDocument doc;
            using (var r = cmd.ExecuteReader())
            {
                if (!r.Read()) return null;
                var bytes = r.IsDBNull(19) ? null : r.GetFieldValue<byte[]>(19);
                var rawEncoding = Str(r, 20);
                var rawText = Str(r, 21) ?? (bytes is null ? null : RawText.Decode(bytes, rawEncoding))
                    ?? throw new InvalidOperationException($"Document {id} has no stored raw text and its bytes cannot be decoded as '{rawEncoding}'.");
                var metadata = new DocumentMetadata
                {
                    Url = Str(r, 0),
                    Title = Str(r, 2),
                    Site = Str(r, 3),
                    Author = Str(r, 4),
                    Published = ParseDate(Str(r, 5)),
                    PublishedSource = Str(r, 6) is { } pm ? new MetadataSource(pm, Str(r, 7)) : null,
                    Modified = ParseDate(Str(r, 8)),
                    ModifiedSource = Str(r, 9) is { } mm ? new MetadataSource(mm, Str(r, 10)) : null,
                    DeclaredLanguage = Str(r, 11),
                    SourceFormat = SourceFormatNames.Parse(r.GetString(15)),
                    Reader = r.GetString(16),
                    Origin = r.GetString(17),
                };
                doc = new StoredDocument
                {
                    Id = id,
                    Metadata = metadata,
                    CanonicalUrl = Str(r, 1),
                    Language = Str(r, 12) is { } code ? new LanguageIdentification(code, r.GetDouble(13), r.GetInt64(14) != 0) : null,
                    RawSha256 = r.GetString(18),
                    RawBytes = bytes is null ? null : ImmutableArray.Create(bytes),
                    RawEncoding = rawEncoding,
                    RawText = rawText,
                    CleanText = r.GetString(22),
                    Map = OffsetMap.Deserialize(r.GetString(23)),
                    Hashes = new ContentHashes(r.GetString(24), unchecked((ulong)r.GetInt64(25)), ImmutableArray.Create(NearDuplicateIndex.FromBlob(r.GetFieldValue<byte[]>(26)))),
                    Version = r.GetInt32(27),
                    IsLatest = r.GetInt64(28) != 0,
                    PreviousVersionId = Str(r, 29),
                    DuplicateOf = Str(r, 30),
                    DuplicateKind = Str(r, 31),
                    Similarity = r.IsDBNull(32) ? null : r.GetDouble(32),
                    IngestRunId = r.GetInt64(33),
                    IngestedAt = ParseTime(r.GetString(34)),
                    SitrepVersion = r.GetString(35),
                    NextVersionId = Str(r, 36),
                };
            }
            return doc with { Duplicates = Strings("SELECT id FROM documents WHERE duplicate_of = @id ORDER BY id", id), Issues = Issues(id) };
        }
    }

    /// <summary>Recorded input errors, in the order first recorded.</summary>
    public IReadOnlyList<StoredError> ListErrors(ErrorQuery? q = null)
    {
        q ??= new ErrorQuery();
        lock (_gate)
        {
            ThrowIfDisposed();
            using var cmd = _connection.CreateCommand();
            var where = new List<string>();
            if (q.Code is not null) { where.Add("code = @code"); cmd.Parameters.AddWithValue("@code", q.Code); }
            if (q.IngestRunId is { } run) { where.Add("ingest_run_id = @run"); cmd.Parameters.AddWithValue("@run", run); }
            if (q.Severity is { } s) { where.Add("severity = @severity"); cmd.Parameters.AddWithValue("@severity", SeverityName(s)); }
            var sql = new StringBuilder("SELECT id, ingest_run_id, origin, input_sha256, code, message, stage, severity, recorded_at FROM errors");
            if (where.Count > 0) sql.Append(" WHERE ").AppendJoin(" AND ", where);
            sql.Append(" ORDER BY id LIMIT @limit OFFSET @offset");
            cmd.Parameters.AddWithValue("@limit", q.Limit);
            cmd.Parameters.AddWithValue("@offset", q.Offset);
            cmd.CommandText = sql.ToString();
            using var r = cmd.ExecuteReader();
            var list = new List<StoredError>();
            while (r.Read())
                list.Add(new StoredError(r.GetInt64(0), r.GetInt64(1), r.GetString(2), Str(r, 3), r.GetString(4), r.GetString(5), Str(r, 6),
                    ParseSeverity(r.GetString(7)), ParseTime(r.GetString(8))));
            return list;
        }
    }

    public IReadOnlyList<IngestRun> ListIngestRuns()
    {
        lock (_gate)
        {
            ThrowIfDisposed();
            using var cmd = _connection.CreateCommand();
            cmd.CommandText = """
                SELECT id, started_at, finished_at, arguments, sitrep_version, inputs, new_documents, unchanged,
                    exact_duplicates, near_duplicates, new_versions, errors, warnings, interrupted
                FROM ingest_runs ORDER BY id
                """;
            using var r = cmd.ExecuteReader();
            var list = new List<IngestRun>();
            while (r.Read())
            {
                IngestCounts? counts = r.IsDBNull(5) ? null : new IngestCounts
                {
                    Inputs = r.GetInt32(5), New = r.GetInt32(6), Unchanged = r.GetInt32(7), ExactDuplicates = r.GetInt32(8),
                    NearDuplicates = r.GetInt32(9), NewVersions = r.GetInt32(10), Errors = r.GetInt32(11), Warnings = r.GetInt32(12),
                };
                list.Add(new IngestRun(r.GetInt64(0), ParseTime(r.GetString(1)), Str(r, 2) is { } f ? ParseTime(f) : null, r.GetString(3), r.GetString(4), counts)
                {
                    Interrupted = r.GetInt64(13) != 0,
                });
            }
            return list;
        }
    }

    /// <summary>Counts over the whole store.</summary>
    public StoreSummary GetSummary()
    {
        lock (_gate)
        {
            ThrowIfDisposed();
            using var cmd = _connection.CreateCommand();
            cmd.CommandText = """
                SELECT count(*), ifnull(sum(is_latest), 0),
                    ifnull(sum(duplicate_kind = 'exact'), 0), ifnull(sum(duplicate_kind = 'near'), 0), ifnull(sum(version > 1), 0),
                    (SELECT count(*) FROM raw_inputs), (SELECT count(*) FROM ingest_runs),
                    (SELECT count(DISTINCT document_id) FROM document_warnings)
                FROM documents
                """;
            using var r = cmd.ExecuteReader();
            r.Read();
            return new StoreSummary(r.GetInt32(0), r.GetInt32(1), r.GetInt32(2), r.GetInt32(3), r.GetInt32(4), r.GetInt32(5), r.GetInt32(6), r.GetInt32(7),
                CountsByCode("SELECT code, count(*) FROM errors GROUP BY code"),
                CountsByCode("SELECT code, count(*) FROM document_warnings GROUP BY code"));
        }
    }

    private ImmutableSortedDictionary<string, int> CountsByCode(string sql)
    {
        using var cmd = _connection.CreateCommand();
        cmd.CommandText = sql;
        using var r = cmd.ExecuteReader();
        var b = ImmutableSortedDictionary.CreateBuilder<string, int>(StringComparer.Ordinal);
        while (r.Read()) b[r.GetString(0)] = r.GetInt32(1);
        return b.ToImmutable();
    }

    private List<string> Strings(string sql, string id)
    {
        using var cmd = _connection.CreateCommand();
        cmd.CommandText = sql;
        cmd.Parameters.AddWithValue("@id", id);
        using var r = cmd.ExecuteReader();
        var list = new List<string>();
        while (r.Read()) list.Add(r.GetString(0));
        return list;
    }

    private List<DocumentError> Issues(string id)
    {
        using var cmd = _connection.CreateCommand();
        cmd.CommandText = "SELECT code, message, stage, severity FROM document_warnings WHERE document_id = @id ORDER BY seq";
        cmd.Parameters.AddWithValue("@id", id);
        using var r = cmd.ExecuteReader();
        var list = new List<DocumentError>();
        while (r.Read()) list.Add(new DocumentError(r.GetString(0), r.GetString(1), Str(r, 2), ParseSeverity(r.GetString(3))));
        return list;
    }

    private static StoredDocumentSummary ReadSummary(SqliteDataReader r) => new(
        r.GetString(0), Str(r, 1), Str(r, 2), Str(r, 3), Str(r, 4), SourceFormatNames.Parse(r.GetString(5)), r.GetString(6), Str(r, 7),
        r.IsDBNull(8) ? null : r.GetInt64(8) != 0, r.GetInt32(9), r.GetInt64(10) != 0, Str(r, 11), Str(r, 12),
        r.IsDBNull(13) ? null : r.GetDouble(13), r.GetInt32(14), r.GetInt32(15), ParseTime(r.GetString(16)));

    private static DocumentDate? ParseDate(string? iso) => DocumentDate.TryParseIso(iso, out var d) ? d : null;

    private static string IsoDate(DateOnly d) => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
