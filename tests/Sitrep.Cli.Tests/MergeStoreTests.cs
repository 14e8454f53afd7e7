using System.Text;
using System.Text.Json;
using Sitrep.Cli.Analysis;
using Sitrep.Cli.Ingestion;
using Sitrep.Core.Records;
using Sitrep.Ingest;
using Sitrep.Storage;
using Sitrep.Storage.Tests;

namespace Sitrep.Cli.Tests;

/// <summary>
/// Scaling out: stores ingested on several machines, each from part of the inputs, merge into the store one machine
/// would have made from the parts one after the other, without analysing again.
/// </summary>
public sealed class MergeStoreTests : IDisposable
{
    private readonly TestEnvironment _env = new();

    public void Dispose() => _env.Dispose();

    /// <summary>The first part: the bundled samples.</summary>
    private static string[] PartOne() => [Path.Combine(TestEnvironment.RepoRoot, "samples")];

    /// <summary>
    /// The second part: a three-outlet story whose events merge with each other, the seed article, a copy of one of
    /// the first part's articles at another path (a duplicate across parts), and an empty file (a failed input).
    /// </summary>
    private string[] PartTwo()
    {
        var sample = Directory.GetFiles(Path.Combine(TestEnvironment.RepoRoot, "samples", "text"), "*.txt").Order(StringComparer.Ordinal).First();
        return
        [
            _env.StoryFile("two/story.jsonl"),
            _env.File("two/seed.txt", File.ReadAllBytes(TestEnvironment.Shared("samples", "seed-article.txt"))),
            _env.File("two/copied-sample.txt", File.ReadAllBytes(sample)),
            _env.File("two/empty.txt", []),
        ];
    }

    private string Db(string name) => Path.Combine(_env.Directory, name + ".db");

    private static IngestSummary Ingest(string db, string[] inputs)
    {
        using var store = SitrepStore.Open(db, new StoreDump.FixedClock());
        return new IngestRunner(store, new ReaderOptions(), jobs: 2).Run(inputs, "test");
    }

    private static List<MergeSummary> Merge(string db, params string[] shards)
    {
        using var target = SitrepStore.Open(db, new StoreDump.FixedClock());
        var summaries = new List<MergeSummary>();
        foreach (var path in shards)
        {
            using var shard = SitrepStore.Open(path);
            summaries.Add(StoreMerge.Merge(target, shard, path));
        }
        return summaries;
    }

    [Fact]
    public void Merged_parts_give_the_store_of_one_machine_ingesting_them_in_turn()
    {
        var two = PartTwo();
        Ingest(Db("one"), PartOne());
        var second = Ingest(Db("one"), two);
        Ingest(Db("a"), PartOne());
        Ingest(Db("b"), two);
        var merged = Merge(Db("merged"), Db("a"), Db("b"));

        // The second part holds what makes merging hard: a duplicate of the first part's article and a failed input.
        Assert.True(second.Counts.ExactDuplicates >= 1, $"{second.Counts.ExactDuplicates} exact duplicates");
        Assert.Equal(1, second.Counts.Errors);
        Assert.Equal(second.Counts.ExactDuplicates, merged[1].Total.ExactDuplicates);
        Assert.Equal(1, merged[1].Total.Errors);

        // Every table but the runs' own records (the merge's runs name the stores they came from).
        var expected = StoreDump.Rows(Db("one"), skipTables: "ingest_runs");
        var actual = StoreDump.Rows(Db("merged"), skipTables: "ingest_runs");
        Assert.Contains(expected, r => r.StartsWith("claims\t", StringComparison.Ordinal));
        Assert.Contains(expected, r => r.StartsWith("errors\t", StringComparison.Ordinal));
        StoreDump.AssertSame(expected, actual);

        // The events of the two parts merge as in one store: the story's three outlets are one event's mentions.
        using var store = SitrepStore.Open(Db("merged"));
        Assert.Contains(store.ListEvents(new EventQuery { Limit = 10_000 }), e => e.NumArticles >= 3);
    }

    [Fact]
    public void Merging_a_store_again_adds_nothing_and_a_grown_store_adds_only_its_new_runs()
    {
        Ingest(Db("a"), PartOne());
        Merge(Db("merged"), Db("a"));
        var before = StoreDump.Rows(Db("merged"));
        var again = Merge(Db("merged"), Db("a"))[0];
        Assert.Empty(again.Runs);
        Assert.Equal([1L], again.Skipped);
        StoreDump.AssertSame(before, StoreDump.Rows(Db("merged"))); // not even a run record

        // The part ingests more (the next day's inputs, with a failure); merging it again brings that run alone, and the
        // merged store is the one machine's that ingested both days.
        var two = PartTwo();
        Ingest(Db("a"), two);
        var grown = Merge(Db("merged"), Db("a"))[0];
        Assert.Equal([1L], grown.Skipped);
        Assert.Equal(2L, Assert.Single(grown.Runs).ShardRun);
        Assert.Equal(1, grown.Total.Errors);
        Ingest(Db("one"), PartOne());
        Ingest(Db("one"), two);
        StoreDump.AssertSame(StoreDump.Rows(Db("one"), skipTables: "ingest_runs"), StoreDump.Rows(Db("merged"), skipTables: "ingest_runs"));
    }

    [Fact]
    public void A_stopped_merge_keeps_what_it_stored_and_merging_again_finishes_it()
    {
        Ingest(Db("a"), [.. PartOne(), .. PartTwo()]);
        Merge(Db("whole"), Db("a"));
        MergeSummary stopped;
        using (var cancel = new CancellationTokenSource())
        using (var target = SitrepStore.Open(Db("merged"), new StoreDump.FixedClock()))
        using (var shard = SitrepStore.Open(Db("a")))
            stopped = StoreMerge.Merge(target, shard, Db("a"), (done, _) => { if (done == 7) cancel.Cancel(); }, cancel.Token);
        Assert.True(stopped.Interrupted);
        var (_, run, counts) = Assert.Single(stopped.Runs);
        using (var target = SitrepStore.Open(Db("merged")))
        {
            var stored = target.ListDocumentIdsInStoreOrder().Count;
            Assert.InRange(stored, 7, 12);
            Assert.Equal(stored, counts.New + counts.ExactDuplicates + counts.NearDuplicates + counts.NewVersions);
            Assert.NotNull(target.ListIngestRuns().Single(r => r.Id == run).FinishedAt);
        }
        var rest = Merge(Db("merged"), Db("a"))[0];
        Assert.False(rest.Interrupted);
        Assert.Equal(1, rest.Total.Errors);
        // Documents and failures name the run that stored them (two runs here, one there); every other row is the same.
        string[] byRun = ["ingest_runs", "documents", "errors"];
        StoreDump.AssertSame(StoreDump.Rows(Db("whole"), skipTables: byRun), StoreDump.Rows(Db("merged"), skipTables: byRun));
    }

    [Fact]
    public void A_stored_document_reads_back_with_the_record_it_was_stored_with()
    {
        // The record of every document read back from the store equals the record `sitrep annotate` makes of its input.
        var inputs = PartTwo();
        Ingest(Db("a"), inputs);
        var annotated = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var input in inputs.SkipLast(1))
        {
            var (exit, stdout, err) = TestEnvironment.Run("annotate", input, "--compact", "--jobs", "1");
            Assert.True(exit == 0, err);
            foreach (var line in stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries))
            {
                using var json = JsonDocument.Parse(line);
                annotated[json.RootElement.GetProperty("document").GetProperty("id").GetString()!] = line;
            }
        }
        using var store = SitrepStore.Open(Db("a"));
        var ids = store.ListDocumentIdsInStoreOrder();
        Assert.True(ids.Count >= 5, $"{ids.Count} documents");
        var analysis = AnalysisPipeline.Default;
        foreach (var (id, _) in ids)
        {
            var (doc, versions) = store.LoadAnalysedDocument(id)!;
            Assert.NotNull(versions);
            var record = DocumentRecordWriter.ToJson(doc, versions!, indented: false, analysis.LayerWriters);
            Assert.True(annotated.ContainsKey(id), $"{id} not in {string.Join(", ", annotated.Keys)}; stored: {string.Join(", ", ids)}");
            Assert.Equal(annotated[id], record);
        }
        Assert.Null(store.LoadAnalysedDocument("d-no-such-document"));

        // `sitrep show --json` prints that record.
        var (first, _) = ids[0];
        var (code, shown, error) = TestEnvironment.Run("show", first, "--db", Db("a"), "--json");
        Assert.True(code == 0, error);
        Assert.True(System.Text.Json.Nodes.JsonNode.DeepEquals(System.Text.Json.Nodes.JsonNode.Parse(annotated[first]), System.Text.Json.Nodes.JsonNode.Parse(shown)), shown);
        Assert.Contains("\"events\"", shown, StringComparison.Ordinal);
    }

    private static HashSet<string> DocumentIds(string db)
    {
        using var store = SitrepStore.Open(db);
        return [.. store.ListDocumentIdsInStoreOrder().Select(d => d.Id)];
    }

    [Fact]
    public void Shards_of_one_ingest_split_the_documents_and_merge_into_all_of_them()
    {
        string[] inputs = [.. PartOne(), .. PartTwo()];
        var (exit, _, err) = TestEnvironment.Run(["ingest", .. inputs, "--db", Db("all"), "--no-progress"]);
        Assert.True(exit == 2, err); // the empty file fails
        foreach (var k in new[] { 1, 2, 3 })
        {
            (exit, _, err) = TestEnvironment.Run(["ingest", .. inputs, "--db", Db($"shard{k}"), "--shard", $"{k}/3", "--no-progress"]);
            Assert.True(exit is 0 or 2, err);
        }
        var shards = new[] { 1, 2, 3 }.Select(k => DocumentIds(Db($"shard{k}"))).ToList();
        Assert.All(shards, s => Assert.True(s.Count >= 5, $"{s.Count} documents in a shard"));
        Assert.Empty(shards[0].Intersect(shards[1]).Concat(shards[0].Intersect(shards[2])).Concat(shards[1].Intersect(shards[2])));
        var all = DocumentIds(Db("all"));
        Assert.True(all.SetEquals(shards.SelectMany(s => s)), "the shards hold exactly the documents of the whole ingest");

        (exit, _, err) = TestEnvironment.Run("merge", Db("shard1"), Db("shard2"), Db("shard3"), "--db", Db("merged"), "--no-progress");
        Assert.True(exit == 0, err);
        Assert.True(all.SetEquals(DocumentIds(Db("merged"))));
        using var whole = SitrepStore.Open(Db("all"));
        using var merged = SitrepStore.Open(Db("merged"));
        Assert.Equal(whole.AnalysisCounts()["events"], merged.AnalysisCounts()["events"]);
        // The failed input is one shard's, recorded once.
        Assert.Equal(whole.ListErrors().Select(e => e.Code), merged.ListErrors().Select(e => e.Code));
        Assert.Single(merged.ListErrors());

        foreach (var bad in new[] { "0/2", "3/2", "1/0", "a/b", "2", "1/2/3" })
        {
            (exit, _, err) = TestEnvironment.Run(["ingest", .. inputs, "--db", Db("bad"), "--shard", bad, "--no-progress"]);
            Assert.True(exit != 0 && err.Contains("--shard", StringComparison.Ordinal), $"--shard {bad}: {exit} {err}");
        }
    }

    [Fact]
    public void The_command_merges_reports_and_refuses_what_it_cannot_do()
    {
        Ingest(Db("a"), PartOne());
        var (exit, stdout, err) = TestEnvironment.Run("merge", Db("a"), "--db", Db("merged"), "--json");
        Assert.True(exit == 0, err);
        using (var json = JsonDocument.Parse(stdout))
        {
            var shard = json.RootElement.GetProperty("shards")[0];
            Assert.Equal(Db("a"), shard.GetProperty("shard").GetString());
            Assert.True(shard.GetProperty("counts").GetProperty("new").GetInt32() >= 15, stdout);
        }
        using (var store = SitrepStore.Open(Db("merged")))
            Assert.StartsWith($"merge {Db("a")} run 1: ", store.ListIngestRuns().Single().Arguments, StringComparison.Ordinal);

        // A missing store stops the merge before the target is made.
        (exit, _, err) = TestEnvironment.Run("merge", Db("a"), Db("missing"), "--db", Db("other"));
        Assert.Equal(Commands.ExitCodes.NotFound, exit);
        Assert.Contains("no store at", err, StringComparison.Ordinal);
        Assert.False(File.Exists(Db("other")));

        // A store into itself, or named twice.
        (exit, _, err) = TestEnvironment.Run("merge", Db("a"), "--db", Db("a"));
        Assert.NotEqual(0, exit);
        Assert.Contains("into itself", err, StringComparison.Ordinal);
        (exit, _, err) = TestEnvironment.Run("merge", Db("a"), Db("a"), "--db", Db("other"));
        Assert.NotEqual(0, exit);
        Assert.Contains("named twice", err, StringComparison.Ordinal);
    }
}
