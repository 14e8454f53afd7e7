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

        new(3, "analysis layers, merged events, stories", """
            -- The model and dictionary versions that made a document's layers: one row per distinct set.
            CREATE TABLE version_sets (
                id       INTEGER PRIMARY KEY,
                versions TEXT NOT NULL UNIQUE  -- JSON object, keys in ordinal order
            );

            -- One row per analysed document: which versions analysed it, when, and which Sitrep.
            CREATE TABLE document_analysis (
                document_id    TEXT PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
                version_set_id INTEGER NOT NULL REFERENCES version_sets(id),
                sitrep_version TEXT NOT NULL,
                analyzed_at    TEXT NOT NULL
            ) WITHOUT ROWID;
            CREATE INDEX ix_document_analysis_versions ON document_analysis(version_set_id);

            -- Which layers a document has, how many items each, made by which version set.
            CREATE TABLE document_layers (
                document_id    TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
                layer          TEXT NOT NULL,
                version_set_id INTEGER NOT NULL REFERENCES version_sets(id),
                items          INTEGER NOT NULL,
                PRIMARY KEY (document_id, layer)
            ) WITHOUT ROWID;

            -- Stories: articles about the same thing (duplicate and version links, MinHash, shared events).
            CREATE TABLE stories (
                id                INTEGER PRIMARY KEY,
                first_document_id TEXT NOT NULL
            );
            ALTER TABLE documents ADD COLUMN story_id INTEGER REFERENCES stories(id);
            CREATE INDEX ix_documents_story ON documents(story_id);

            CREATE TABLE sentences (
                document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
                seq         INTEGER NOT NULL,
                start       INTEGER NOT NULL,
                "end"       INTEGER NOT NULL,
                first_token INTEGER NOT NULL,
                token_count INTEGER NOT NULL,
                PRIMARY KEY (document_id, seq)
            ) WITHOUT ROWID;

            -- Tokens are many and read per document: one compressed blob per document (see TokenCodec).
            CREATE TABLE tokens (
                document_id TEXT PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
                count       INTEGER NOT NULL,
                data        BLOB NOT NULL
            ) WITHOUT ROWID;

            CREATE TABLE entities (
                document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
                seq         INTEGER NOT NULL,
                start       INTEGER NOT NULL,
                "end"       INTEGER NOT NULL,
                type        TEXT NOT NULL,
                first_token INTEGER NOT NULL,
                token_count INTEGER NOT NULL,
                PRIMARY KEY (document_id, seq)
            ) WITHOUT ROWID;

            -- Actor identities shared across documents: the knowledge-base id, else code and name.
            CREATE TABLE actors (
                id      TEXT PRIMARY KEY,
                kb_id   TEXT,
                name    TEXT NOT NULL,
                code    TEXT NOT NULL,
                country TEXT,
                kind    TEXT NOT NULL
            ) WITHOUT ROWID;
            CREATE INDEX ix_actors_code ON actors(code);

            CREATE TABLE actor_mentions (
                document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
                seq         INTEGER NOT NULL,
                start       INTEGER NOT NULL,
                "end"       INTEGER NOT NULL,
                first_token INTEGER NOT NULL,
                token_count INTEGER NOT NULL,
                head_token  INTEGER NOT NULL,
                actor_key   TEXT NOT NULL REFERENCES actors(id),
                actor_id    TEXT,
                name        TEXT NOT NULL,
                code        TEXT NOT NULL,
                country     TEXT,
                sector      TEXT,
                role        TEXT,
                kind        TEXT NOT NULL,
                chain       INTEGER NOT NULL,
                resolution  TEXT NOT NULL,
                PRIMARY KEY (document_id, seq)
            ) WITHOUT ROWID;
            CREATE INDEX ix_actor_mentions_actor ON actor_mentions(actor_key);

            CREATE TABLE places (
                document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
                seq         INTEGER NOT NULL,
                start       INTEGER NOT NULL,
                "end"       INTEGER NOT NULL,
                first_token INTEGER NOT NULL,
                token_count INTEGER NOT NULL,
                place_id    TEXT,
                name        TEXT NOT NULL,
                country     TEXT,
                lat         REAL,
                lon         REAL,
                kind        TEXT NOT NULL,
                PRIMARY KEY (document_id, seq)
            ) WITHOUT ROWID;

            CREATE TABLE timexes (
                document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
                seq         INTEGER NOT NULL,
                start       INTEGER NOT NULL,
                "end"       INTEGER NOT NULL,
                type        TEXT NOT NULL,
                value       TEXT NOT NULL,
                mod         TEXT,
                anchor      TEXT NOT NULL,
                zone_offset TEXT,
                PRIMARY KEY (document_id, seq)
            ) WITHOUT ROWID;

            -- One row per event as the world saw it: the mentions of the same event in many articles merged.
            -- Counts follow GDELT: mentions, distinct sources (outlets) and articles, counting only documents
            -- that are neither duplicates nor superseded versions. day/day_end: the event date as a day range.
            CREATE TABLE event_clusters (
                id                INTEGER PRIMARY KEY,
                cameo             TEXT NOT NULL,
                base_code         TEXT NOT NULL,
                root              TEXT NOT NULL,
                quad_class        INTEGER NOT NULL,
                goldstein         REAL NOT NULL,
                plover_type       TEXT,
                plover_mode       TEXT,
                source_code       TEXT NOT NULL,
                source_root       TEXT NOT NULL,
                source_country    TEXT,
                source_name       TEXT,
                source_sector     TEXT,
                source_actor_key  TEXT,
                target_code       TEXT NOT NULL,
                target_root       TEXT NOT NULL,
                target_country    TEXT,
                target_name       TEXT,
                target_sector     TEXT,
                target_actor_key  TEXT,
                polarity          INTEGER NOT NULL,
                modality          TEXT NOT NULL,
                date_value        TEXT NOT NULL,
                day               TEXT,
                day_end           TEXT,
                place_id          TEXT,
                place_name        TEXT,
                place_country     TEXT,
                place_lat         REAL,
                place_lon         REAL,
                place_kind        TEXT,
                first_event_id    INTEGER,
                is_root           INTEGER NOT NULL DEFAULT 0,
                num_mentions      INTEGER NOT NULL DEFAULT 0,
                num_sources       INTEGER NOT NULL DEFAULT 0,
                num_articles      INTEGER NOT NULL DEFAULT 0,
                date_added        TEXT NOT NULL
            );
            -- Covering the filters and values of series and of the first page of events for a dyad or an actor:
            -- a dyad's events are read from the index alone, in day order.
            CREATE INDEX ix_event_clusters_dyad ON event_clusters(source_root, target_root, day, num_mentions, quad_class, goldstein);
            CREATE INDEX ix_event_clusters_target ON event_clusters(target_root, day, num_mentions, quad_class, goldstein);
            CREATE INDEX ix_event_clusters_match ON event_clusters(source_code, target_code, root, day);
            CREATE INDEX ix_event_clusters_day ON event_clusters(day);
            CREATE INDEX ix_event_clusters_cameo ON event_clusters(cameo);

            -- One row per coded event in a document: a mention of an event cluster.
            CREATE TABLE events (
                id               INTEGER PRIMARY KEY,
                document_id      TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
                seq              INTEGER NOT NULL,
                event_key        TEXT NOT NULL,
                cluster_id       INTEGER NOT NULL REFERENCES event_clusters(id),
                counted          INTEGER NOT NULL,
                source_name_doc  TEXT NOT NULL,
                cameo            TEXT NOT NULL,
                base_code        TEXT NOT NULL,
                root             TEXT NOT NULL,
                quad_class       INTEGER NOT NULL,
                goldstein        REAL NOT NULL,
                plover_type      TEXT,
                plover_mode      TEXT,
                plover_context   TEXT NOT NULL,
                source_code      TEXT,
                source_country   TEXT,
                source_actor     INTEGER,
                source_actor_key TEXT,
                target_code      TEXT,
                target_country   TEXT,
                target_actor     INTEGER,
                target_actor_key TEXT,
                date_value       TEXT NOT NULL,
                date_from        TEXT NOT NULL,
                date_timex       INTEGER,
                day              TEXT,
                day_end          TEXT,
                place            INTEGER,
                modality         TEXT NOT NULL,
                rule             TEXT NOT NULL,
                sentence         INTEGER NOT NULL,
                trigger_start    INTEGER NOT NULL,
                trigger_end      INTEGER NOT NULL,
                spans            TEXT NOT NULL,
                evidence_text    TEXT NOT NULL,
                is_root          INTEGER NOT NULL,
                links            TEXT NOT NULL,
                shingles         BLOB NOT NULL,
                UNIQUE (document_id, seq)
            );
            CREATE INDEX ix_events_cluster ON events(cluster_id, counted);

            CREATE TABLE attributions (
                event_id  INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
                seq       INTEGER NOT NULL,
                code      TEXT,
                actor     INTEGER,
                actor_key TEXT,
                text      TEXT NOT NULL,
                start     INTEGER NOT NULL,
                "end"     INTEGER NOT NULL,
                PRIMARY KEY (event_id, seq)
            ) WITHOUT ROWID;

            CREATE TABLE quotes (
                document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
                seq         INTEGER NOT NULL,
                start       INTEGER NOT NULL,
                "end"       INTEGER NOT NULL,
                text        TEXT NOT NULL,
                speaker     INTEGER,
                speaker_key TEXT,
                cue_start   INTEGER,
                cue_end     INTEGER,
                PRIMARY KEY (document_id, seq)
            ) WITHOUT ROWID;

            -- Claims: events that someone asserts, alleges or denies, with the chain of sources that carry them.
            CREATE TABLE claims (
                event_id      INTEGER PRIMARY KEY REFERENCES events(id) ON DELETE CASCADE,
                document_id   TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
                stance        TEXT NOT NULL,
                claimant_code TEXT,
                claimant_name TEXT,
                claimant_key  TEXT,
                sources       TEXT NOT NULL,
                about         TEXT NOT NULL
            );
            CREATE INDEX ix_claims_document ON claims(document_id);
            """, BackfillStories),

        // TimeML's quant and freq of a SET ("every week" EVERY; "twice a week" 2X), written by timex-rules/10 and later.
        new(4, "timex quant and freq", """
            ALTER TABLE timexes ADD COLUMN quant TEXT;
            ALTER TABLE timexes ADD COLUMN freq TEXT;
            """),

        // A cluster's mentions in id order straight from an index: matching a new event reads a large cluster's
        // first mentions only, and without this index SQLite sorted all of them for every event.
        new(5, "events by cluster in id order", """
            CREATE INDEX ix_events_cluster_id ON events(cluster_id, id);
            """),

        // The series of all events (sitrep series, the explorer's chart) and the dyad counts behind actor activity read
        // every merged event: with the columns they sum in the index they read the index alone, in order (1M events:
        // series 0.2 s instead of 2.3 s, dyads 0.4 s instead of 3.8 s of row lookups). The index on day alone becomes
        // the prefix of the first; event matching keeps the prefix (source, target, root, day) of the second.
        new(6, "series and dyads from covering indexes", """
            CREATE INDEX ix_event_clusters_day_series ON event_clusters(day, quad_class, goldstein, num_mentions);
            DROP INDEX ix_event_clusters_day;
            DROP INDEX ix_event_clusters_match;
            CREATE INDEX ix_event_clusters_match ON event_clusters(source_code, target_code, root, day, num_mentions, goldstein, quad_class);
            """),

        // A document's next version (sitrep show, the explorer, merging a store) was found by scanning every document:
        // a million-document store read them all for each document shown.
        new(7, "documents by previous version", """
            CREATE INDEX ix_documents_previous_version ON documents(previous_version_id);
            """),

        // A run stopped by Ctrl+C or SIGTERM is closed with what it stored and says so; one with no finish time crashed.
        new(8, "interrupted runs", """
            ALTER TABLE ingest_runs ADD COLUMN interrupted INTEGER NOT NULL DEFAULT 0;
            """),
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
            SitrepStore.InsertNearDuplicateKeys(connection, id, unchecked((ulong)simhash), NearDuplicateIndex.FromBlob(blob));
    }

    /// <summary>Gives every document stored before version 3 a story: its original's or previous version's, else its own.</summary>
    private static void BackfillStories(SqliteConnection connection, SqliteTransaction tx)
    {
        var rows = new List<(string Id, string? Link)>();
        using (var select = connection.CreateCommand())
        {
            select.Transaction = tx;
            select.CommandText = "SELECT id, coalesce(duplicate_of, previous_version_id) FROM documents ORDER BY rowid";
            using var r = select.ExecuteReader();
            while (r.Read()) rows.Add((r.GetString(0), r.IsDBNull(1) ? null : r.GetString(1)));
        }
        var stories = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var (id, link) in rows)
        {
            long story;
            if (link is not null && stories.TryGetValue(link, out var s)) story = s;
            else
            {
                using var insert = connection.CreateCommand();
                insert.Transaction = tx;
                insert.CommandText = "INSERT INTO stories(first_document_id) VALUES (@d) RETURNING id";
                insert.Parameters.AddWithValue("@d", id);
                story = Convert.ToInt64(insert.ExecuteScalar(), CultureInfo.InvariantCulture);
            }
            stories[id] = story;
            using var update = connection.CreateCommand();
            update.Transaction = tx;
            update.CommandText = "UPDATE documents SET story_id = @s WHERE id = @d";
            update.Parameters.AddWithValue("@s", story);
            update.Parameters.AddWithValue("@d", id);
            update.ExecuteNonQuery();
        }
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
