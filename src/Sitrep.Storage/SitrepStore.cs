using System.Globalization;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Data.Sqlite;
using Sitrep.Core;

namespace Sitrep.Storage;

/// <summary>
/// The embedded SQLite store: ingest runs, raw inputs, documents with their clean text, offset map and
/// de-duplication signatures, per-document warnings and per-input errors. One instance owns one connection;
/// calls are serialized with a lock. Every document is written in one IMMEDIATE transaction, so a crash
/// never leaves part of a document behind.
/// </summary>
public sealed partial class SitrepStore : IDisposable
{
    private readonly SqliteConnection _connection;
    private readonly TimeProvider _clock;
    private readonly Lock _gate = new();
    private bool _disposed;

    /// <summary>Test hook: called at named points inside a document's transaction ("raw", "document", "links", "commit"); a throw there must roll back everything.</summary>
    internal Action<string>? StoreStepHook { get; set; }

    /// <summary>The Sitrep version recorded with each document and run (the assembly version, three parts).</summary>
    public static string SitrepVersion { get; } =
        typeof(SitrepStore).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";

    public string Path { get; }
    public int SchemaVersion { get; }

    private SitrepStore(SqliteConnection connection, TimeProvider clock, string path, int schemaVersion)
    {
        _connection = connection;
        _clock = clock;
        Path = path;
        SchemaVersion = schemaVersion;
    }

    /// <summary>Opens (creating if needed) the store at <paramref name="path"/> and migrates it to the latest schema. <c>:memory:</c> gives a private in-memory store.</summary>
    /// <exception cref="StoreSchemaException">The file has a newer schema than this build knows, or is not a Sitrep store.</exception>
    public static SitrepStore Open(string path, TimeProvider? clock = null) => Open(path, clock, SchemaMigrations.Latest);

    /// <summary>Opens and migrates only up to <paramref name="targetVersion"/>: for migration tests.</summary>
    internal static SitrepStore Open(string path, TimeProvider? clock, int targetVersion)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        clock ??= TimeProvider.System;
        if (path != ":memory:" && !path.StartsWith("file:", StringComparison.Ordinal)
            && System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path)) is { Length: > 0 } dir)
            Directory.CreateDirectory(dir); // SQLite creates the file, not its folder
        var cs = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            // No pooling: Dispose really closes the file, so WAL is checkpointed and tests can delete it.
            Pooling = false,
            DefaultTimeout = 30,
        }.ToString();
        var connection = new SqliteConnection(cs);
        try
        {
            connection.Open();
            // WAL: readers never block the writer; NORMAL sync keeps every transaction atomic (durability of
            // the last commits on power loss is what it trades). Busy timeout: wait for another writer.
            Pragma(connection, "PRAGMA journal_mode = WAL");
            Pragma(connection, "PRAGMA synchronous = NORMAL");
            Pragma(connection, "PRAGMA foreign_keys = ON");
            Pragma(connection, "PRAGMA busy_timeout = 10000");
            // A checkpoint (copying the WAL into the database, with its fsyncs) every 10,000 pages (40 MB) rather than
            // SQLite's 1,000: a store is written one document per transaction, and the frequent checkpoints were a
            // sixth of the time of merging a store.
            Pragma(connection, "PRAGMA wal_autocheckpoint = 10000");
            SchemaMigrations.Apply(connection, clock, path, targetVersion);
            return new SitrepStore(connection, clock, path, SchemaMigrations.UserVersion(connection, null));
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>The deterministic stored id (see <see cref="DocumentIds.For"/>).</summary>
    public static string DocumentId(string? url, string origin, string rawSha256) => DocumentIds.For(url, origin, rawSha256);

    public long BeginIngest(string arguments)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        lock (_gate)
        {
            ThrowIfDisposed();
            using var cmd = Command("INSERT INTO ingest_runs(started_at, arguments, sitrep_version) VALUES (@t, @a, @v) RETURNING id", null);
            cmd.Parameters.AddWithValue("@t", FormatTime(_clock.GetUtcNow()));
            cmd.Parameters.AddWithValue("@a", arguments);
            cmd.Parameters.AddWithValue("@v", SitrepVersion);
            return Convert.ToInt64(cmd.ExecuteScalar(), CultureInfo.InvariantCulture);
        }
    }

    /// <param name="interrupted">The run was stopped before it read every input; the counts are what it stored.</param>
    public void EndIngest(long id, IngestCounts counts, bool interrupted = false)
    {
        ArgumentNullException.ThrowIfNull(counts);
        lock (_gate)
        {
            ThrowIfDisposed();
            using var cmd = Command("""
                UPDATE ingest_runs SET finished_at = @t, inputs = @inputs, new_documents = @new, unchanged = @unchanged,
                    exact_duplicates = @exact, near_duplicates = @near, new_versions = @versions, errors = @errors, warnings = @warnings,
                    interrupted = @interrupted
                WHERE id = @id
                """, null);
            cmd.Parameters.AddWithValue("@t", FormatTime(_clock.GetUtcNow()));
            cmd.Parameters.AddWithValue("@inputs", counts.Inputs);
            cmd.Parameters.AddWithValue("@new", counts.New);
            cmd.Parameters.AddWithValue("@unchanged", counts.Unchanged);
            cmd.Parameters.AddWithValue("@exact", counts.ExactDuplicates);
            cmd.Parameters.AddWithValue("@near", counts.NearDuplicates);
            cmd.Parameters.AddWithValue("@versions", counts.NewVersions);
            cmd.Parameters.AddWithValue("@errors", counts.Errors);
            cmd.Parameters.AddWithValue("@warnings", counts.Warnings);
            cmd.Parameters.AddWithValue("@interrupted", interrupted ? 1 : 0);
            cmd.Parameters.AddWithValue("@id", id);
            if (cmd.ExecuteNonQuery() != 1) throw new ArgumentException($"No ingest run {id}.", nameof(id));
        }
    }

    /// <summary>Records an input that produced no document. Returns false when (origin, input, code) was already recorded.</summary>
    public bool RecordError(long ingestRunId, string origin, string? inputSha256, DocumentError error)
    {
        ArgumentException.ThrowIfNullOrEmpty(origin);
        ArgumentNullException.ThrowIfNull(error);
        lock (_gate)
        {
            ThrowIfDisposed();
            using var cmd = Command("""
                INSERT INTO errors(ingest_run_id, origin, input_sha256, code, message, stage, severity, recorded_at)
                VALUES (@run, @origin, @sha, @code, @message, @stage, @severity, @t)
                ON CONFLICT DO NOTHING
                """, null);
            cmd.Parameters.AddWithValue("@run", ingestRunId);
            cmd.Parameters.AddWithValue("@origin", origin);
            cmd.Parameters.AddWithValue("@sha", Db(inputSha256));
            cmd.Parameters.AddWithValue("@code", error.Code);
            cmd.Parameters.AddWithValue("@message", error.Message);
            cmd.Parameters.AddWithValue("@stage", Db(error.Stage));
            cmd.Parameters.AddWithValue("@severity", SeverityName(error.Severity));
            cmd.Parameters.AddWithValue("@t", FormatTime(_clock.GetUtcNow()));
            return cmd.ExecuteNonQuery() == 1;
        }
    }

    /// <summary>Stores a document with the hashes in its <see cref="CoreLayers.Hashes"/> layer.</summary>
    public StoreOutcome Store(Document doc, long ingestRunId)
    {
        ArgumentNullException.ThrowIfNull(doc);
        return Store(doc, doc.Get(CoreLayers.Hashes), ingestRunId);
    }

    /// <summary>
    /// Classifies and stores one document in one transaction (see <see cref="StoreOutcomeKind"/>). Order of
    /// checks: same id (same raw input at the same URL/origin) → Unchanged; same URL whose latest version has
    /// the same body → Unchanged; same URL, other body → NewVersion; then, against documents at other URLs,
    /// same normalized body → ExactDuplicate, LSH/SimHash candidates passing the thresholds → NearDuplicate.
    /// </summary>
    public StoreOutcome Store(Document doc, ContentHashes hashes, long ingestRunId) => Store(doc, hashes, ingestRunId, null);

    /// <summary>
    /// As <see cref="Store(Document, ContentHashes, long)"/>, and with <paramref name="versions"/> (the models and
    /// dictionaries that analysed the document) also stores every analysis layer the document carries, merges its
    /// events with the same events from other articles and assigns its story: all in the same transaction.
    /// </summary>
    public StoreOutcome Store(Document doc, ContentHashes hashes, long ingestRunId, IReadOnlyDictionary<string, string>? versions)
    {
        ArgumentNullException.ThrowIfNull(doc);
        ArgumentNullException.ThrowIfNull(hashes);
        if (hashes.MinHash.Count == 0 || hashes.MinHash.Count % NearDuplicateIndex.Bands != 0)
            throw new ArgumentException($"The MinHash signature has {hashes.MinHash.Count} values; a multiple of {NearDuplicateIndex.Bands} is needed.", nameof(hashes));
        lock (_gate)
        {
            ThrowIfDisposed();
            // Alone, a document is one transaction; in a batch (BeginBatch), one savepoint of the batch's transaction.
            // Either way a failure undoes that document and nothing else.
            var batch = _batch;
            using var own = batch is null ? _connection.BeginTransaction(deferred: false) : null;
            var tx = own ?? batch!;
            if (own is null) tx.Save(DocumentSavepoint);
            try
            {
                var outcome = StoreIn(tx, doc, hashes, ingestRunId, versions);
                if (own is null) tx.Release(DocumentSavepoint);
                else if (outcome.Kind == StoreOutcomeKind.Unchanged) own.Rollback(); // nothing was written; releases the write lock
                else own.Commit();
                return outcome;
            }
            catch when (own is null)
            {
                tx.Rollback(DocumentSavepoint);
                tx.Release(DocumentSavepoint);
                throw;
            }
        }
    }

    private const string DocumentSavepoint = "sitrep_document";

    private StoreOutcome StoreIn(SqliteTransaction tx, Document doc, ContentHashes hashes, long ingestRunId, IReadOnlyDictionary<string, string>? versions)
    {
        var meta = doc.Metadata;
        var rawSha = doc.Raw.Sha256();
        var canonical = UrlCanonicalizer.Canonicalize(meta.Url);
        // The same function the readers use, so a stored id equals the id 'sitrep annotate' prints.
        var id = DocumentIds.For(meta.Url, meta.Origin, rawSha);

        if (Exists(tx, id)) return Unchanged(tx, id);

        int version = 1;
        string? previous = null;
        var kind = StoreOutcomeKind.New;
        if (canonical is not null)
        {
            var latest = Prepared("SELECT id, version, body_sha256 FROM documents WHERE canonical_url = @c AND is_latest = 1 ORDER BY version DESC LIMIT 1", tx);
            latest.Parameters.AddWithValue("@c", canonical);
            using var r = latest.ExecuteReader();
            if (r.Read())
            {
                if (string.Equals(r.GetString(2), hashes.BodySha256, StringComparison.Ordinal))
                {
                    var existing = r.GetString(0);
                    r.Close();
                    return Unchanged(tx, existing);
                }
                previous = r.GetString(0);
                version = r.GetInt32(1) + 1;
                kind = StoreOutcomeKind.NewVersion;
            }
        }

        var (dupOf, dupKind, similarity, storyPeer) = FindDuplicate(tx, id, canonical, hashes);
        if (kind == StoreOutcomeKind.New && dupKind is not null)
            kind = dupKind == "exact" ? StoreOutcomeKind.ExactDuplicate : StoreOutcomeKind.NearDuplicate;

        InsertRaw(tx, doc.Raw, rawSha);
        StoreStepHook?.Invoke("raw");
        InsertDocument(tx, doc, id, canonical, rawSha, hashes, version, previous, dupOf, dupKind, similarity, ingestRunId);
        StoreStepHook?.Invoke("document");
        if (previous is not null)
        {
            var supersede = Prepared("UPDATE documents SET is_latest = 0 WHERE id = @p", tx);
            supersede.Parameters.AddWithValue("@p", previous);
            supersede.ExecuteNonQuery();
        }
        InsertWarnings(tx, id, doc.Errors);
        InsertNearDuplicateKeys(Statement(LshInsert), Statement(SimHashInsert), id, hashes.SimHash, hashes.MinHash);
        StoreStepHook?.Invoke("links");
        if (previous is not null) SupersedeEvents(tx, previous);
        var clusters = versions is null ? [] : WriteAnalysis(tx, doc, id, versions, counted: dupOf is null);
        StoreStepHook?.Invoke("layers");
        AssignStory(id, dupOf ?? previous ?? storyPeer, clusters);
        StoreStepHook?.Invoke("commit");
        return new StoreOutcome(kind, id, version, previous, dupOf, dupKind, similarity);
    }

    /// <summary>
    /// What <see cref="Store(Document, ContentHashes, long, IReadOnlyDictionary{string, string}?)"/> would answer for a
    /// document whose raw input at its URL (or origin) is already stored: Unchanged, before any analysis is spent on it;
    /// null when it must be stored (or compared by its body, which needs its fingerprints).
    /// </summary>
    public StoreOutcome? AlreadyStored(Document doc)
    {
        ArgumentNullException.ThrowIfNull(doc);
        lock (_gate)
        {
            ThrowIfDisposed();
            var id = DocumentIds.For(doc.Metadata.Url, doc.Metadata.Origin, doc.Raw.Sha256());
            return Exists(_batch, id) ? Unchanged(_batch, id) : null;
        }
    }

    private StoreOutcome Unchanged(SqliteTransaction? tx, string existingId)
    {
        using var cmd = _connection.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = "SELECT version, previous_version_id, duplicate_of, duplicate_kind, similarity FROM documents WHERE id = @id";
        cmd.Parameters.AddWithValue("@id", existingId);
        using var r = cmd.ExecuteReader();
        r.Read();
        return new StoreOutcome(StoreOutcomeKind.Unchanged, existingId, r.GetInt32(0), Str(r, 1), Str(r, 2), Str(r, 3), r.IsDBNull(4) ? null : r.GetDouble(4));
    }

    private bool Exists(SqliteTransaction? tx, string id)
    {
        var cmd = Prepared("SELECT 1 FROM documents WHERE id = @id", tx);
        cmd.Parameters.AddWithValue("@id", id);
        return cmd.ExecuteScalar() is not null;
    }

    /// <summary>The best duplicate among documents at other URLs: an exact body match (linked to its original), else the most similar near-duplicate.</summary>
    private (string? Id, string? Kind, double? Similarity, string? StoryPeer) FindDuplicate(SqliteTransaction tx, string id, string? canonical, ContentHashes hashes)
    {
        // Exact: originals first, then the earliest stored; an exact duplicate's original is the same body, so follow it.
        var exact = Prepared("""
            SELECT id, duplicate_of, duplicate_kind FROM documents
            WHERE body_sha256 = @b AND id <> @id AND (@c IS NULL OR canonical_url IS NULL OR canonical_url <> @c)
            ORDER BY duplicate_of IS NOT NULL, rowid LIMIT 1
            """, tx);
        {
            exact.Parameters.AddWithValue("@b", hashes.BodySha256);
            exact.Parameters.AddWithValue("@id", id);
            exact.Parameters.AddWithValue("@c", Db(canonical));
            using var r = exact.ExecuteReader();
            if (r.Read())
            {
                var target = Str(r, 2) == "exact" ? r.GetString(1) : r.GetString(0);
                return (target, "exact", 1.0, null);
            }
        }

        if (NearDuplicateIndex.IsEmpty(hashes.MinHash)) return (null, null, null, null);

        var candidates = new SortedSet<string>(StringComparer.Ordinal);
        CollectIndexMatches("SELECT document_id FROM lsh_bands WHERE band = ?1 AND key = ?2", NearDuplicateIndex.BandKeys(hashes.MinHash), candidates);
        CollectIndexMatches("SELECT document_id FROM simhash_blocks WHERE block = ?1 AND value = ?2",
            Array.ConvertAll(NearDuplicateIndex.Blocks(hashes.SimHash), b => (long)b), candidates);

        string? best = null;
        double bestSimilarity = -1;
        bool bestIsOriginal = false;
        string? storyPeer = null;
        double storySimilarity = -1;
        var load = Prepared("SELECT minhash, simhash, canonical_url, duplicate_of, duplicate_kind FROM documents WHERE id = @id", tx);
        var pId = load.Parameters.Add("@id", SqliteType.Text);
        foreach (var candidate in candidates) // ordinal order: ties resolve the same way on every run
        {
            pId.Value = candidate;
            using var r = load.ExecuteReader();
            if (!r.Read()) continue;
            var cUrl = Str(r, 2);
            if (canonical is not null && string.Equals(cUrl, canonical, StringComparison.Ordinal)) continue; // own version chain
            double j = NearDuplicateIndex.EstimateJaccard(hashes.MinHash, NearDuplicateIndex.FromBlob(r.GetFieldValue<byte[]>(0)));
            int hamming = System.Numerics.BitOperations.PopCount(hashes.SimHash ^ unchecked((ulong)r.GetInt64(1)));
            // Same story: a looser MinHash match than a near-duplicate (a rewrite or an update of the same report).
            if (j >= NearDuplicateIndex.StoryJaccardThreshold && j > storySimilarity)
            {
                storyPeer = candidate;
                storySimilarity = j;
            }
            if (j < NearDuplicateIndex.JaccardThreshold && hamming > NearDuplicateIndex.HammingThreshold) continue;
            // An exact duplicate has its original's body: point at the original instead.
            var target = Str(r, 4) == "exact" ? r.GetString(3) : candidate;
            bool isOriginal = r.IsDBNull(3);
            if (j > bestSimilarity || (j == bestSimilarity && isOriginal && !bestIsOriginal))
            {
                best = target;
                bestSimilarity = j;
                bestIsOriginal = isOriginal;
            }
        }
        return best is null ? (null, null, null, storyPeer) : (best, "near", bestSimilarity, storyPeer);
    }

    private void InsertRaw(SqliteTransaction tx, SourceText raw, string rawSha)
    {
        var cmd = Prepared("""
            INSERT INTO raw_inputs(sha256, bytes, byte_length, encoding) VALUES (@sha, @bytes, @length, @encoding)
            ON CONFLICT(sha256) DO NOTHING
            """, tx);
        cmd.Parameters.AddWithValue("@sha", rawSha);
        if (raw.HasBytes)
        {
            cmd.Parameters.Add("@bytes", SqliteType.Blob).Value = raw.Bytes.ToArray();
            cmd.Parameters.AddWithValue("@length", raw.Bytes.Length);
        }
        else
        {
            cmd.Parameters.AddWithValue("@bytes", DBNull.Value);
            cmd.Parameters.AddWithValue("@length", Encoding.UTF8.GetByteCount(raw.Text));
        }
        cmd.Parameters.AddWithValue("@encoding", Db(raw.EncodingName));
        cmd.ExecuteNonQuery();
    }

    private void InsertDocument(SqliteTransaction tx, Document doc, string id, string? canonical, string rawSha, ContentHashes hashes,
        int version, string? previous, string? dupOf, string? dupKind, double? similarity, long ingestRunId)
    {
        var m = doc.Metadata;
        var language = doc.GetOrDefault(CoreLayers.Language);
        var cmd = Prepared("""
            INSERT INTO documents(id, url, canonical_url, title, site, author,
                published, published_method, published_detail, modified, modified_method, modified_detail,
                declared_language, language, language_confidence, is_english, source_format, reader, origin,
                raw_sha256, raw_encoding, raw_text, clean_text, offset_map, body_sha256, simhash, minhash,
                version, previous_version_id, is_latest, duplicate_of, duplicate_kind, similarity,
                ingest_run_id, ingested_at, sitrep_version)
            VALUES (@id, @url, @canonical, @title, @site, @author,
                @published, @publishedMethod, @publishedDetail, @modified, @modifiedMethod, @modifiedDetail,
                @declared, @language, @confidence, @english, @format, @reader, @origin,
                @rawSha, @rawEncoding, @rawText, @clean, @map, @body, @simhash, @minhash,
                @version, @previous, 1, @dupOf, @dupKind, @similarity,
                @run, @at, @sitrep)
            """, tx);
        var p = cmd.Parameters;
        p.AddWithValue("@id", id);
        p.AddWithValue("@url", Db(m.Url));
        p.AddWithValue("@canonical", Db(canonical));
        p.AddWithValue("@title", Db(m.Title));
        p.AddWithValue("@site", Db(m.Site));
        p.AddWithValue("@author", Db(m.Author));
        p.AddWithValue("@published", Db(m.Published?.ToIso()));
        p.AddWithValue("@publishedMethod", Db(m.PublishedSource?.Method));
        p.AddWithValue("@publishedDetail", Db(m.PublishedSource?.Detail));
        p.AddWithValue("@modified", Db(m.Modified?.ToIso()));
        p.AddWithValue("@modifiedMethod", Db(m.ModifiedSource?.Method));
        p.AddWithValue("@modifiedDetail", Db(m.ModifiedSource?.Detail));
        p.AddWithValue("@declared", Db(m.DeclaredLanguage));
        p.AddWithValue("@language", Db(language?.Code));
        p.AddWithValue("@confidence", language is null ? DBNull.Value : language.Confidence);
        p.AddWithValue("@english", language is null ? DBNull.Value : language.IsEnglish ? 1 : 0);
        p.AddWithValue("@format", m.SourceFormat.ToName());
        p.AddWithValue("@reader", m.Reader);
        p.AddWithValue("@origin", m.Origin);
        p.AddWithValue("@rawSha", rawSha);
        p.AddWithValue("@rawEncoding", Db(doc.Raw.EncodingName));
        // The raw text is kept only when re-decoding the bytes would not reproduce it exactly (see RawText).
        p.AddWithValue("@rawText", doc.Raw.HasBytes && RawText.Decodes(doc.Raw.Bytes, doc.Raw.EncodingName, doc.Raw.Text) ? DBNull.Value : doc.Raw.Text);
        p.AddWithValue("@clean", doc.Text.Text);
        p.AddWithValue("@map", doc.Map.Serialize());
        p.AddWithValue("@body", hashes.BodySha256);
        p.AddWithValue("@simhash", unchecked((long)hashes.SimHash));
        p.Add("@minhash", SqliteType.Blob).Value = NearDuplicateIndex.ToBlob(hashes.MinHash);
        p.AddWithValue("@version", version);
        p.AddWithValue("@previous", Db(previous));
        p.AddWithValue("@dupOf", Db(dupOf));
        p.AddWithValue("@dupKind", Db(dupKind));
        p.AddWithValue("@similarity", similarity is { } s ? s : DBNull.Value);
        p.AddWithValue("@run", ingestRunId);
        p.AddWithValue("@at", FormatTime(_clock.GetUtcNow()));
        p.AddWithValue("@sitrep", SitrepVersion);
        cmd.ExecuteNonQuery();
    }

    private void InsertWarnings(SqliteTransaction tx, string id, IReadOnlyList<DocumentError> issues)
    {
        if (issues.Count == 0) return;
        var cmd = Prepared("INSERT INTO document_warnings(document_id, seq, code, message, stage, severity) VALUES (@id, @seq, @code, @message, @stage, @severity)", tx);
        cmd.Parameters.AddWithValue("@id", id);
        var seq = cmd.Parameters.Add("@seq", SqliteType.Integer);
        var code = cmd.Parameters.Add("@code", SqliteType.Text);
        var message = cmd.Parameters.Add("@message", SqliteType.Text);
        var stage = cmd.Parameters.Add("@stage", SqliteType.Text);
        var severity = cmd.Parameters.Add("@severity", SqliteType.Text);
        for (int i = 0; i < issues.Count; i++)
        {
            seq.Value = i;
            code.Value = issues[i].Code;
            message.Value = issues[i].Message;
            stage.Value = Db(issues[i].Stage);
            severity.Value = SeverityName(issues[i].Severity);
            cmd.ExecuteNonQuery();
        }
    }

    private const string LshInsert = "INSERT OR IGNORE INTO lsh_bands(band, key, document_id) VALUES (?1, ?2, ?3)";
    private const string SimHashInsert = "INSERT OR IGNORE INTO simhash_blocks(block, value, document_id) VALUES (?1, ?2, ?3)";

    /// <summary>For a migration that rebuilds the index, inside the connection's open transaction.</summary>
    internal static void InsertNearDuplicateKeys(SqliteConnection connection, string id, ulong simhash, IReadOnlyList<uint> minhash)
    {
        using var lsh = new SqliteStatement(connection, LshInsert);
        using var blocks = new SqliteStatement(connection, SimHashInsert);
        InsertNearDuplicateKeys(lsh, blocks, id, simhash, minhash);
    }

    private static void InsertNearDuplicateKeys(SqliteStatement lsh, SqliteStatement blocks, string id, ulong simhash, IReadOnlyList<uint> minhash)
    {
        if (NearDuplicateIndex.IsEmpty(minhash)) return; // an empty body is nobody's near-duplicate
        InsertIndexRows(lsh, id, NearDuplicateIndex.BandKeys(minhash));
        InsertIndexRows(blocks, id, Array.ConvertAll(NearDuplicateIndex.Blocks(simhash), b => (long)b));
    }

    /// <summary>One row per value, with its position as the slot (band or block number): ?1 slot, ?2 value, ?3 document.</summary>
    private static void InsertIndexRows(SqliteStatement insert, string id, long[] values)
    {
        insert.Bind(3, id);
        for (int i = 0; i < values.Length; i++) insert.Bind(1, i).Bind(2, values[i]).Execute();
    }

    /// <summary>Documents that share any (slot, value) pair with these values, the slot being each value's position.</summary>
    private void CollectIndexMatches(string sql, long[] values, SortedSet<string> into)
    {
        var query = Statement(sql);
        for (int i = 0; i < values.Length; i++) query.Bind(1, i).Bind(2, values[i]).ForEachText(d => into.Add(d));
    }

    private SqliteTransaction? _batch;

    /// <summary>
    /// Opens a batch: the documents stored until it is committed share one transaction, each in a savepoint of its own
    /// (a document that fails is undone alone), which saves the cost of a commit per document when many are written at
    /// once (<see cref="StoreMerge"/>). Only <see cref="Store(Document, ContentHashes, long, IReadOnlyDictionary{string, string}?)"/>
    /// may be called while it is open. Disposing it without <see cref="StoreBatch.Commit"/> undoes all of it.
    /// </summary>
    public StoreBatch BeginBatch()
    {
        lock (_gate)
        {
            ThrowIfDisposed();
            if (_batch is not null) throw new InvalidOperationException("A batch is already open on this store.");
            _batch = _connection.BeginTransaction(deferred: false);
            return new StoreBatch(this);
        }
    }

    internal void EndBatch(bool commit)
    {
        lock (_gate)
        {
            if (_batch is null) return;
            try
            {
                if (commit) _batch.Commit(); else _batch.Rollback();
            }
            finally
            {
                _batch.Dispose();
                _batch = null;
            }
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed) return;
            _disposed = true;
            _batch?.Dispose();
            _batch = null;
            foreach (var cmd in _prepared.Values) cmd.Dispose();
            foreach (var statement in _statements.Values) statement.Dispose();
            _connection.Dispose();
        }
    }

    private void ThrowIfDisposed() => ObjectDisposedException.ThrowIf(_disposed, this);

    /// <summary>
    /// The write path's statements, prepared once per store and reused by every document (SQLite then parses each
    /// statement once, not once per document); the caller sets every parameter again and never disposes it.
    /// </summary>
    private readonly Dictionary<string, SqliteCommand> _prepared = new(StringComparer.Ordinal);

    /// <summary>The hot rows' statements, driven through SQLite's C API (see <see cref="SqliteStatement"/>); reused likewise.</summary>
    private readonly Dictionary<string, SqliteStatement> _statements = new(StringComparer.Ordinal);

    private SqliteStatement Statement(string sql)
    {
        if (!_statements.TryGetValue(sql, out var statement))
        {
            statement = new SqliteStatement(_connection, sql);
            _statements.Add(sql, statement);
        }
        return statement;
    }

    private SqliteCommand Prepared(string sql, SqliteTransaction? tx, bool clearParameters = true)
    {
        if (!_prepared.TryGetValue(sql, out var cmd))
        {
            cmd = _connection.CreateCommand();
            cmd.CommandText = sql;
            _prepared.Add(sql, cmd);
        }
        cmd.Transaction = tx;
        if (clearParameters) cmd.Parameters.Clear();
        return cmd;
    }

    private SqliteCommand Command(string sql, SqliteTransaction? tx)
    {
        var cmd = _connection.CreateCommand();
        cmd.CommandText = sql;
        cmd.Transaction = tx;
        return cmd;
    }

    private static void Pragma(SqliteConnection connection, string sql)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }

    internal static string FormatTime(DateTimeOffset t) => t.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);

    internal static DateTimeOffset ParseTime(string s) =>
        DateTimeOffset.ParseExact(s, "yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);

    private static string SeverityName(ErrorSeverity s) => s == ErrorSeverity.Warning ? "warning" : "error";

    private static ErrorSeverity ParseSeverity(string s) => s == "warning" ? ErrorSeverity.Warning : ErrorSeverity.Error;

    private static object Db(string? value) => value is null ? DBNull.Value : value;

    private static string? Str(SqliteDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);
}

/// <summary>An open batch of <see cref="SitrepStore.BeginBatch"/>: commit it, or dispose it to undo it.</summary>
public sealed class StoreBatch : IDisposable
{
    private readonly SitrepStore _store;
    private bool _done;

    internal StoreBatch(SitrepStore store) => _store = store;

    public void Commit()
    {
        if (_done) return;
        _done = true;
        _store.EndBatch(commit: true);
    }

    public void Dispose()
    {
        if (_done) return;
        _done = true;
        _store.EndBatch(commit: false);
    }
}
