using System.Text;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Sitrep.Cli.Ingestion;
using Sitrep.Ingest;
using Sitrep.Storage;
using Sitrep.Storage.Tests;

namespace Sitrep.Cli.Tests;

/// <summary>
/// Analysis on several threads must not change the store: the same inputs ingested with one job and with four give
/// the same rows in every table (ids, merged events, duplicates, stories, errors), given the same clock.
/// </summary>
public sealed partial class ParallelIngestTests : IDisposable
{
    private readonly TestEnvironment _env = new();

    public void Dispose() => _env.Dispose();

    private sealed class FixedClock : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => new(2026, 11, 30, 12, 0, 0, TimeSpan.Zero);
    }

    /// <summary>The bundled samples, a three-outlet story whose events merge, an exact copy of one article, and an empty file.</summary>
    private string[] Inputs()
    {
        var story = string.Join('\n', new[] { "wire", "rewrite", "update" }.Select(StoryArticle.Load).Select(a => JsonSerializer.Serialize(new Dictionary<string, string>
        {
            ["url"] = a.Url, ["site"] = a.Site, ["published"] = a.Published, ["title"] = a.Title, ["text"] = a.Body,
        }))) + "\n";
        var seed = File.ReadAllBytes(TestEnvironment.Shared("samples", "seed-article.txt"));
        return
        [
            Path.Combine(TestEnvironment.RepoRoot, "samples"),
            _env.File("story.jsonl", Encoding.UTF8.GetBytes(story)),
            _env.File("seed.txt", seed),
            _env.File("copy/seed-again.txt", seed),
            _env.File("empty.txt", []),
        ];
    }

    private IngestSummary Ingest(string db, int jobs)
    {
        using var store = SitrepStore.Open(db, new FixedClock());
        return new IngestRunner(store, new ReaderOptions(), jobs: jobs).Run(Inputs(), "test");
    }

    /// <summary>Every row of every table, as text, table by table in name order and rows in ordinal order.</summary>
    private static List<string> Dump(string db)
    {
        var rows = new List<string>();
        using var c = new SqliteConnection($"Data Source={db};Mode=ReadOnly;Pooling=False");
        c.Open();
        var tables = new List<string>();
        using (var cmd = c.CreateCommand())
        {
            cmd.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name";
            using var r = cmd.ExecuteReader();
            while (r.Read()) tables.Add(r.GetString(0));
        }
        foreach (var table in tables)
        {
            var these = new List<string>();
            using var cmd = c.CreateCommand();
            cmd.CommandText = $"SELECT * FROM \"{table}\"";
            using var r = cmd.ExecuteReader();
            while (r.Read())
            {
                var cells = new string[r.FieldCount];
                for (int i = 0; i < r.FieldCount; i++)
                    cells[i] = r.IsDBNull(i) ? "NULL" : r.GetValue(i) is byte[] b ? Convert.ToHexString(b) : Convert.ToString(r.GetValue(i), System.Globalization.CultureInfo.InvariantCulture)!;
                these.Add(table + "\t" + string.Join('\t', cells));
            }
            these.Sort(StringComparer.Ordinal);
            rows.Add($"{table}: {these.Count} rows");
            rows.AddRange(these);
        }
        return rows;
    }

    [Fact]
    public void Four_jobs_give_the_same_store_as_one()
    {
        var one = Path.Combine(_env.Directory, "one.db");
        var four = Path.Combine(_env.Directory, "four.db");
        var a = Ingest(one, jobs: 1);
        var b = Ingest(four, jobs: 4);

        Assert.Equal(a.Counts, b.Counts);
        Assert.Equal(a.Items, b.Items);
        // The batch is the kind this test needs: many articles, a merge across outlets, a duplicate and a failure.
        Assert.True(a.Counts.New >= 15, $"{a.Counts.New} new");
        Assert.True(a.Counts.ExactDuplicates >= 1, $"{a.Counts.ExactDuplicates} exact duplicates");
        Assert.Equal(1, a.Counts.Errors);

        SqliteConnection.ClearAllPools();
        var rowsOne = Dump(one);
        var rowsFour = Dump(four);
        Assert.Contains(rowsOne, r => r.StartsWith("event_clusters\t", StringComparison.Ordinal));
        Assert.True(rowsOne.Count > 1000, $"{rowsOne.Count} rows");
        // Compare line by line so a failure names the first row that differs.
        for (int i = 0; i < Math.Min(rowsOne.Count, rowsFour.Count); i++)
            Assert.Equal(rowsOne[i], rowsFour[i]);
        Assert.Equal(rowsOne.Count, rowsFour.Count);
    }

    [Fact]
    public void Reprocessing_on_three_jobs_gives_the_same_store_as_on_one()
    {
        var original = Path.Combine(_env.Directory, "original.db");
        Ingest(original, jobs: 1);
        SqliteConnection.ClearAllPools();
        var dumps = new List<List<string>>();
        foreach (var jobs in new[] { "1", "3" })
        {
            var db = Path.Combine(_env.Directory, $"re{jobs}.db");
            File.Copy(original, db);
            var (exit, stdout, err) = TestEnvironment.Run("reprocess", "--db", db, "--since", "99.0.0", "--jobs", jobs, "--json");
            Assert.True(exit == 0, err);
            using (var json = JsonDocument.Parse(stdout))
                Assert.True(json.RootElement.GetProperty("reprocessed").GetInt32() >= 15, stdout);
            SqliteConnection.ClearAllPools();
            // The CLI's clock is the system's: the times of analysis are the one thing allowed to differ.
            dumps.Add(Dump(db).Select(r => AnalysisTime().Replace(r, "TIME")).ToList());
        }
        Assert.Contains(dumps[0], r => r.StartsWith("events\t", StringComparison.Ordinal));
        for (int i = 0; i < Math.Min(dumps[0].Count, dumps[1].Count); i++)
            Assert.Equal(dumps[0][i], dumps[1][i]);
        Assert.Equal(dumps[0].Count, dumps[1].Count);
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"\b(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[.0-9]*(Z|[+-]\d\d:\d\d)|20\d{12})\b")]
    private static partial System.Text.RegularExpressions.Regex AnalysisTime();

    [Fact]
    public void Jobs_must_be_at_least_one()
    {
        var (exit, _, err) = TestEnvironment.Run("ingest", _env.File("a.txt", Encoding.UTF8.GetBytes("The minister met the envoy on Tuesday.\n")), "--db", _env.Db, "--jobs", "0", "--no-progress");
        Assert.NotEqual(0, exit);
        Assert.Contains("--jobs", err, StringComparison.Ordinal);
    }
}
