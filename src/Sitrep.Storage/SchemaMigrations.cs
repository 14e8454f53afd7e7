using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Sitrep.Storage;

/// <summary>One schema step: SQL, and optionally code that fills new structures from existing rows.</summary>
internal sealed record Migration(int Version, string Name, string Sql, Action<SqliteConnection, SqliteTransaction>? Backfill = null);

/// <summary>
/// The numbered schema migrations, applied in order. PRAGMA user_version holds the applied version (it is
/// part of the database header, so it commits atomically with the migration); schema_migrations records when
/// each step ran. Never edit a released migration: add a new one.
/// </summary>
internal static class SchemaMigrations
{
    public static IReadOnlyList<Migration> All { get; } =
    [
        new(1, "core tables", """
            CREATE TABLE schema_migrations (
                version     INTEGER PRIMARY KEY,
                name        TEXT NOT NULL,
                applied_at  TEXT NOT NULL
            );

            CREATE TABLE ingest_runs (
                id               INTEGER PRIMARY KEY AUTOINCREMENT,
                started_at       TEXT NOT NULL,
                finished_at      TEXT,
                arguments        TEXT NOT NULL,
                sitrep_version   TEXT NOT NULL,
                inputs           INTEGER,
                new_documents    INTEGER,
                unchanged        INTEGER,
                exact_duplicates INTEGER,
                near_duplicates  INTEGER,
                new_versions     INTEGER,
                errors           INTEGER,
                warnings         INTEGER
            );

            -- Raw inputs by content: identical bytes are stored once however many documents came from them.
            CREATE TABLE raw_inputs (
                sha256      TEXT PRIMARY KEY,
                bytes       BLOB,
                byte_length INTEGER NOT NULL,
                encoding    TEXT
            );

            CREATE TABLE documents (
                id                  TEXT PRIMARY KEY,
                url                 TEXT,
                canonical_url       TEXT,
                title               TEXT,
                site                TEXT,
                author              TEXT,
                published           TEXT,
                published_method    TEXT,
                published_detail    TEXT,
                modified            TEXT,
                modified_method     TEXT,
                modified_detail     TEXT,
                declared_language   TEXT,
                language            TEXT,
                language_confidence REAL,
                is_english          INTEGER,
                source_format       TEXT NOT NULL,
                reader              TEXT NOT NULL,
                origin              TEXT NOT NULL,
                raw_sha256          TEXT NOT NULL REFERENCES raw_inputs(sha256),
                raw_encoding        TEXT,
                -- NULL when decoding raw_inputs.bytes with raw_encoding gives the raw text exactly.
                raw_text            TEXT,
                clean_text          TEXT NOT NULL,
                offset_map          TEXT NOT NULL,
                body_sha256         TEXT NOT NULL,
                simhash             INTEGER NOT NULL,
                minhash             BLOB NOT NULL,
                version             INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
                previous_version_id TEXT REFERENCES documents(id),
                is_latest           INTEGER NOT NULL DEFAULT 1,
                duplicate_of        TEXT REFERENCES documents(id),
                duplicate_kind      TEXT CHECK (duplicate_kind IN ('exact', 'near')),
                similarity          REAL,
                ingest_run_id       INTEGER NOT NULL REFERENCES ingest_runs(id),
                ingested_at         TEXT NOT NULL,
                sitrep_version      TEXT NOT NULL,
                CHECK ((duplicate_of IS NULL) = (duplicate_kind IS NULL))
            );
            CREATE INDEX ix_documents_canonical_url ON documents(canonical_url, version);
            CREATE INDEX ix_documents_body_sha256 ON documents(body_sha256);
            CREATE INDEX ix_documents_published ON documents(published, id);
            CREATE INDEX ix_documents_raw_sha256 ON documents(raw_sha256);

            -- Warnings and stage errors carried by a stored document, in order.
            CREATE TABLE document_warnings (
                document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
                seq         INTEGER NOT NULL,
                code        TEXT NOT NULL,
                message     TEXT NOT NULL,
                stage       TEXT,
                severity    TEXT NOT NULL CHECK (severity IN ('error', 'warning')),
                PRIMARY KEY (document_id, seq)
            );

            -- Inputs that produced no document. One row per (origin, input, code): re-ingesting adds nothing.
            CREATE TABLE errors (
                id            INTEGER PRIMARY KEY AUTOINCREMENT,
                ingest_run_id INTEGER NOT NULL REFERENCES ingest_runs(id),
                origin        TEXT NOT NULL,
                input_sha256  TEXT,
                code          TEXT NOT NULL,
                message       TEXT NOT NULL,
                stage         TEXT,
                severity      TEXT NOT NULL CHECK (severity IN ('error', 'warning')),
                recorded_at   TEXT NOT NULL
            );
            -- ifnull: SQLite treats NULLs as distinct in unique indexes, which would let unreadable inputs repeat.
            CREATE UNIQUE INDEX ux_errors_origin_input_code ON errors(origin, ifnull(input_sha256, ''), code);
            """),

        new(2, "near-duplicate indexes", """
            -- MinHash LSH bands: documents sharing a (band, key) are near-duplicate candidates.
            CREATE TABLE lsh_bands (
                band        INTEGER NOT NULL,
                key         INTEGER NOT NULL,
                document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
                PRIMARY KEY (band, key, document_id)
            ) WITHOUT ROWID;
            CREATE INDEX ix_lsh_bands_document ON lsh_bands(document_id);

            -- SimHash in four 16-bit blocks: within Hamming distance 3 at least one block is equal.
            CREATE TABLE simhash_blocks (
                block       INTEGER NOT NULL,
                value       INTEGER NOT NULL,
                document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
                PRIMARY KEY (block, value, document_id)
            ) WITHOUT ROWID;
            CREATE INDEX ix_simhash_blocks_document ON simhash_blocks(document_id);

            CREATE INDEX ix_documents_duplicate_of ON documents(duplicate_of);
            """, BackfillNearDuplicateIndex),
    ];

    public static int Latest => All[^1].Version;

    /// <summary>Indexes documents stored before version 2.</summary>
    private static void BackfillNearDuplicateIndex(SqliteConnection connection, SqliteTransaction tx)
    {
        var rows = new List<(string Id, long SimHash, byte[] MinHash)>();
        using (var select = connection.CreateCommand())
        {
            select.Transaction = tx;
            select.CommandText = "SELECT id, simhash, minhash FROM documents ORDER BY id";
            using var r = select.ExecuteReader();
            while (r.Read()) rows.Add((r.GetString(0), r.GetInt64(1), r.GetFieldValue<byte[]>(2)));
        }
        foreach (var (id, simhash, blob) in rows)
            SitrepStore.InsertNearDuplicateKeys(connection, tx, id, unchecked((ulong)simhash), NearDuplicateIndex.FromBlob(blob));
    }

    /// <summary>Applies every migration above the current version and up to <paramref name="target"/>, each in its own transaction.</summary>
    public static void Apply(SqliteConnection connection, TimeProvider clock, string path, int target)
    {
        int current = UserVersion(connection, null);
        if (current > Latest)
            throw new StoreSchemaException(
                $"The store '{path}' has schema version {current}, but this Sitrep ({SitrepStore.SitrepVersion}) knows versions up to {Latest}. " +
                "It was written by a newer Sitrep: use that version, or a new store file.");
        if (current == 0 && HasForeignTables(connection))
            throw new StoreSchemaException($"'{path}' is an SQLite database but not a Sitrep store (it has tables and no schema version).");

        foreach (var m in All)
        {
            if (m.Version > target) break;
            if (m.Version <= current) continue;
            // IMMEDIATE takes the write lock first, so two processes opening a new store do not both migrate.
            using var tx = connection.BeginTransaction(deferred: false);
            if (UserVersion(connection, tx) >= m.Version) { tx.Commit(); continue; }
            Execute(connection, tx, m.Sql);
            m.Backfill?.Invoke(connection, tx);
            using (var record = connection.CreateCommand())
            {
                record.Transaction = tx;
                record.CommandText = "INSERT INTO schema_migrations(version, name, applied_at) VALUES (@v, @n, @t)";
                record.Parameters.AddWithValue("@v", m.Version);
                record.Parameters.AddWithValue("@n", m.Name);
                record.Parameters.AddWithValue("@t", SitrepStore.FormatTime(clock.GetUtcNow()));
                record.ExecuteNonQuery();
            }
            Execute(connection, tx, "PRAGMA user_version = " + m.Version.ToString(CultureInfo.InvariantCulture));
            tx.Commit();
        }
    }

    public static int UserVersion(SqliteConnection connection, SqliteTransaction? tx)
    {
        using var cmd = connection.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = "PRAGMA user_version";
        return Convert.ToInt32(cmd.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    private static bool HasForeignTables(SqliteConnection connection)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'";
        return Convert.ToInt64(cmd.ExecuteScalar(), CultureInfo.InvariantCulture) > 0;
    }

    private static void Execute(SqliteConnection connection, SqliteTransaction tx, string sql)
    {
        using var cmd = connection.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }
}
