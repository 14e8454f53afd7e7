using Microsoft.Data.Sqlite;
using Sitrep.Core;

namespace Sitrep.Storage.Tests;

public sealed class MigrationTests : IDisposable
{
    private readonly TempStore _t = new();

    public void Dispose() => _t.Dispose();

    private SqliteConnection Raw()
    {
        var c = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = _t.Path, Pooling = false }.ToString());
        c.Open();
        return c;
    }

    private static void Exec(SqliteConnection c, string sql, params (string Name, object Value)[] args)
    {
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        foreach (var (n, v) in args) cmd.Parameters.AddWithValue(n, v);
        cmd.ExecuteNonQuery();
    }

    private static long Scalar(SqliteConnection c, string sql)
    {
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        return Convert.ToInt64(cmd.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    [Fact]
    public void Migrations_are_numbered_consecutively_from_one()
    {
        Assert.Equal(Enumerable.Range(1, SchemaMigrations.All.Count), SchemaMigrations.All.Select(m => m.Version));
        Assert.All(SchemaMigrations.All, m => Assert.False(string.IsNullOrWhiteSpace(m.Name)));
    }

    [Fact]
    public void A_version_1_store_is_migrated_and_its_documents_indexed()
    {
        var doc = Docs.Html("Flooding displaced thousands in the north, officials said.", "https://a.example/floods");
        var hashes = Docs.Hashes(doc, 1);
        using (var v1 = SitrepStore.Open(_t.Path, _t.Clock, targetVersion: 1))
        {
            Assert.Equal(1, v1.SchemaVersion);
        }
        // A document as a version-1 build wrote it (no near-duplicate index yet).
        using (var c = Raw())
        {
            Assert.Equal(1, Scalar(c, "PRAGMA user_version"));
            Assert.Equal(0, Scalar(c, "SELECT count(*) FROM sqlite_master WHERE name = 'lsh_bands'"));
            Exec(c, "INSERT INTO ingest_runs(id, started_at, arguments, sitrep_version) VALUES (1, '2026-01-01T00:00:00.0000000Z', 'old', '0.0.9')");
            Exec(c, "INSERT INTO raw_inputs(sha256, bytes, byte_length, encoding) VALUES (@s, @b, @l, 'utf-8')",
                ("@s", doc.Raw.Sha256()), ("@b", doc.Raw.Bytes.ToArray()), ("@l", doc.Raw.Bytes.Length));
            Exec(c, """
                INSERT INTO documents(id, url, canonical_url, source_format, reader, origin, raw_sha256, raw_encoding, clean_text, offset_map,
                    body_sha256, simhash, minhash, ingest_run_id, ingested_at, sitrep_version)
                VALUES ('dold', @u, @u, 'html', 'html/old', 'old.warc', @s, 'utf-8', @t, @m, @b, @h, @mh, 1, '2026-01-01T00:00:00.0000000Z', '0.0.9')
                """,
                ("@u", doc.Metadata.Url!), ("@s", doc.Raw.Sha256()), ("@t", doc.Text.Text), ("@m", doc.Map.Serialize()), ("@b", hashes.BodySha256),
                ("@h", unchecked((long)hashes.SimHash)), ("@mh", hashes.MinHash.SelectMany(BitConverter.GetBytes).ToArray()));
        }

        var store = _t.Store;
        Assert.Equal(SchemaMigrations.Latest, store.SchemaVersion);
        Assert.Equal(SchemaMigrations.Latest, _t.Count("schema_migrations"));
        Assert.Equal(NearDuplicateIndex.Bands, _t.Count("lsh_bands"));
        Assert.Equal(NearDuplicateIndex.SimHashBlocks, _t.Count("simhash_blocks"));

        var old = store.GetDocument("dold")!;
        Assert.Equal(doc.Raw.Text, old.RawText);
        Assert.Equal(doc.Map.Serialize(), old.Map.Serialize());
        Assert.Equal(hashes.MinHash, old.Hashes.MinHash);

        // The backfilled index finds the old document as a near-duplicate of a new one.
        long run = store.BeginIngest("new");
        var copyText = doc.Text.Text + " Update.";
        var copy = store.Store(Docs.Html(copyText, "https://b.example/floods"), Docs.Near(hashes, copyText, 8), run);
        Assert.Equal(StoreOutcomeKind.NearDuplicate, copy.Kind);
        Assert.Equal("dold", copy.DuplicateOf);

        // Reopening applies nothing again.
        _t.Close();
        Assert.Equal(SchemaMigrations.Latest, _t.Store.SchemaVersion);
        Assert.Equal(SchemaMigrations.Latest, _t.Count("schema_migrations"));
    }

    [Fact]
    public void A_documents_next_version_is_found_by_index_not_by_scanning_every_document()
    {
        _t.Store.BeginIngest("x");
        _t.Close();
        using var c = Raw();
        using var cmd = c.CreateCommand();
        // The subquery GetDocument runs for the next version.
        cmd.CommandText = "EXPLAIN QUERY PLAN SELECT n.id FROM documents n WHERE n.previous_version_id = 'd1' ORDER BY n.version LIMIT 1";
        using var r = cmd.ExecuteReader();
        var plan = new List<string>();
        while (r.Read()) plan.Add(r.GetString(3));
        Assert.Contains(plan, p => p.Contains("USING INDEX ix_documents_previous_version", StringComparison.Ordinal));
    }

    [Fact]
    public void A_store_with_a_newer_schema_is_refused_with_a_clear_message()
    {
        _t.Store.BeginIngest("x");
        _t.Close();
        using (var c = Raw()) Exec(c, "PRAGMA user_version = 99");

        var e = Assert.Throws<StoreSchemaException>(() => SitrepStore.Open(_t.Path));
        Assert.Contains("schema version 99", e.Message, StringComparison.Ordinal);
        Assert.Contains($"up to {SchemaMigrations.Latest}", e.Message, StringComparison.Ordinal);
        Assert.Contains("newer Sitrep", e.Message, StringComparison.Ordinal);
        Assert.Contains(_t.Path, e.Message, StringComparison.Ordinal);

        // Untouched: still version 99 with its data.
        using var check = Raw();
        Assert.Equal(99, Scalar(check, "PRAGMA user_version"));
        Assert.Equal(1, Scalar(check, "SELECT count(*) FROM ingest_runs"));
    }

    [Fact]
    public void A_database_that_is_not_a_store_is_refused()
    {
        using (var c = Raw()) Exec(c, "CREATE TABLE something_else(x)");
        var e = Assert.Throws<StoreSchemaException>(() => SitrepStore.Open(_t.Path));
        Assert.Contains("not a Sitrep store", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Migration_times_come_from_the_injected_clock()
    {
        _ = _t.Store;
        using var c = Raw();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT applied_at FROM schema_migrations ORDER BY version";
        using var r = cmd.ExecuteReader();
        while (r.Read()) Assert.Equal(_t.Clock.Now, SitrepStore.ParseTime(r.GetString(0)));
    }

    [Fact]
    public void Foreign_keys_are_enforced()
    {
        var doc = Docs.Html("Text.", "https://a.example/1");
        // Ingest run 42 does not exist: the insert fails, and nothing of the document remains.
        Assert.Throws<SqliteException>(() => _t.Store.Store(doc, Docs.Hashes(doc, 1), ingestRunId: 42));
        Assert.Equal(0, _t.Count("documents"));
        Assert.Equal(0, _t.Count("raw_inputs"));
    }
}
