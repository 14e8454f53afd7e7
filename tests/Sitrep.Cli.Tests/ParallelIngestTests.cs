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
public sealed class ParallelIngestTests : IDisposable
{
    private readonly TestEnvironment _env = new();

    public void Dispose() => _env.Dispose();

    /// <summary>The bundled samples, a three-outlet story whose events merge, an exact copy of one article, and an empty file.</summary>
    private string[] Inputs()
    {
        var seed = File.ReadAllBytes(TestEnvironment.Shared("samples", "seed-article.txt"));
        return
        [
            Path.Combine(TestEnvironment.RepoRoot, "samples"),
            _env.StoryFile("story.jsonl"),
            _env.File("seed.txt", seed),
            _env.File("copy/seed-again.txt", seed),
            _env.File("empty.txt", []),
        ];
    }

    private IngestSummary Ingest(string db, int jobs)
    {
        using var store = SitrepStore.Open(db, new StoreDump.FixedClock());
        return new IngestRunner(store, new ReaderOptions(), jobs: jobs).Run(Inputs(), "test");
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
        Assert.Equal(a.Analysed, b.Analysed);
        // The batch is the kind this test needs: many articles, a merge across outlets, a duplicate and a failure.
        Assert.True(a.Counts.New >= 15, $"{a.Counts.New} new");
        Assert.True(a.Counts.ExactDuplicates >= 1, $"{a.Counts.ExactDuplicates} exact duplicates");
        Assert.Equal(1, a.Counts.Errors);

        SqliteConnection.ClearAllPools();
        var rowsOne = StoreDump.Rows(one);
        var rowsFour = StoreDump.Rows(four);
        Assert.Contains(rowsOne, r => r.StartsWith("event_clusters\t", StringComparison.Ordinal));
        Assert.True(rowsOne.Count > 1000, $"{rowsOne.Count} rows");
        StoreDump.AssertSame(rowsOne, rowsFour);
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
            dumps.Add(StoreDump.Rows(db, maskTimes: true));
        }
        Assert.Contains(dumps[0], r => r.StartsWith("events\t", StringComparison.Ordinal));
        StoreDump.AssertSame(dumps[0], dumps[1]);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public void A_stopped_ingest_keeps_whole_documents_closes_its_run_and_the_next_finishes_it(int jobs)
    {
        var db = Path.Combine(_env.Directory, "stopped.db");
        var inputs = Inputs();
        IngestSummary stopped;
        using (var cancel = new CancellationTokenSource())
        using (var store = SitrepStore.Open(db, new StoreDump.FixedClock()))
        {
            // Stop as the fourth input begins, as Ctrl+C would.
            stopped = new IngestRunner(store, new ReaderOptions(), jobs: jobs).Run(inputs, "test", (done, _) => { if (done == 3) cancel.Cancel(); }, cancel.Token);
        }
        Assert.True(stopped.Interrupted);
        var stored = stopped.Items.Count(i => i.Error is null);
        Assert.InRange(stored, 1, 10);
        using (var store = SitrepStore.Open(db))
        {
            var run = Assert.Single(store.ListIngestRuns());
            Assert.NotNull(run.FinishedAt);
            Assert.True(run.Interrupted);
            Assert.Equal(stopped.Counts, run.Counts);
            Assert.Equal(stored, store.ListDocumentIdsInStoreOrder().Count);
        }

        // The same inputs again: what was stored is unchanged, the rest is new, and the store is the uninterrupted one's.
        var rest = Ingest(db, jobs);
        Assert.False(rest.Interrupted);
        var (exit, runs, err) = TestEnvironment.Run("runs", "--db", db, "--json");
        Assert.True(exit == 0, err);
        using (var json = JsonDocument.Parse(runs))
            Assert.Equal(["interrupted", "finished"], json.RootElement.EnumerateArray().Select(r => r.GetProperty("status").GetString()));
        Assert.Equal(stored, rest.Counts.Unchanged);
        var whole = Path.Combine(_env.Directory, "whole.db");
        var once = Ingest(whole, jobs);
        // What was stored is recognised by its raw input before analysis: only the rest is analysed, and a third run
        // analyses nothing.
        Assert.Equal(once.Analysed - stored, rest.Analysed);
        Assert.Equal(once.Counts.New + once.Counts.ExactDuplicates + once.Counts.NearDuplicates + once.Counts.NewVersions,
            stopped.Counts.New + stopped.Counts.ExactDuplicates + stopped.Counts.NearDuplicates + stopped.Counts.NewVersions
            + rest.Counts.New + rest.Counts.ExactDuplicates + rest.Counts.NearDuplicates + rest.Counts.NewVersions);
        // Documents and failures name the run that stored them (two runs here, one there); every other row is the same.
        string[] byRun = ["ingest_runs", "documents", "errors"];
        StoreDump.AssertSame(StoreDump.Rows(whole, skipTables: byRun), StoreDump.Rows(db, skipTables: byRun));
        using var a = SitrepStore.Open(whole);
        using var b = SitrepStore.Open(db);
        Assert.Equal(a.ListDocumentIdsInStoreOrder().Select(d => d.Id), b.ListDocumentIdsInStoreOrder().Select(d => d.Id));
        b.Dispose();
        var again = Ingest(db, jobs);
        Assert.Equal(0, again.Analysed);
        Assert.Equal(once.Items.Count(i => i.Error is null), again.Counts.Unchanged);
    }

    [Fact]
    public void Progress_counts_the_articles_of_a_single_dump_as_they_are_stored()
    {
        var calls = new List<IngestProgress>();
        using (var store = SitrepStore.Open(Path.Combine(_env.Directory, "progress.db")))
            new IngestRunner(store, new ReaderOptions(), jobs: 2).Run([_env.StoryFile()], "test", calls.Add, CancellationToken.None);
        // One input of three articles: each stored article moves the count before the input is done.
        Assert.Equal([1, 2, 3], calls.Where(c => !c.InputDone).Select(c => c.Documents));
        Assert.All(calls.Where(c => !c.InputDone), c => Assert.Equal((0, 1), (c.Inputs, c.InputsPlanned)));
        Assert.Equal(new IngestProgress(1, 1, 3, InputDone: true), calls[^1]);
    }

    [Fact]
    public void Jobs_must_be_at_least_one()
    {
        var (exit, _, err) = TestEnvironment.Run("ingest", _env.File("a.txt", Encoding.UTF8.GetBytes("The minister met the envoy on Tuesday.\n")), "--db", _env.Db, "--jobs", "0", "--no-progress");
        Assert.NotEqual(0, exit);
        Assert.Contains("--jobs", err, StringComparison.Ordinal);
    }
}
