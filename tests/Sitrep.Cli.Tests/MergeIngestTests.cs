using System.Text.Json;
using Sitrep.Storage;
using Sitrep.Storage.Tests;

namespace Sitrep.Cli.Tests;

/// <summary>The merge story from three outlets through the whole pipeline: <c>sitrep ingest</c> → store → <c>sitrep events</c>.</summary>
public sealed class MergeIngestTests : IDisposable
{
    private readonly TestEnvironment _env = new();

    public void Dispose() => _env.Dispose();

    private string StoryFile() => _env.StoryFile();

    [Fact]
    public void Ingest_stores_every_layer_with_its_versions()
    {
        var (exit, _, stderr) = TestEnvironment.Run("ingest", StoryFile(), "--db", _env.Db, "--no-progress");
        Assert.True(exit == 0, stderr);
        using var store = SitrepStore.Open(_env.Db);
        var counts = store.AnalysisCounts();
        Assert.Equal(3, counts["document_analysis"]);
        Assert.Equal(3, counts["tokens"]);
        Assert.True(counts["sentences"] >= 9, $"{counts["sentences"]} sentences");
        Assert.True(counts["timexes"] >= 3, $"{counts["timexes"]} timexes");
        var doc = store.ListDocuments(new DocumentQuery())[0];
        var layers = store.GetLayers(doc.Id).Select(l => l.Layer).ToList();
        Assert.Contains("sentences", layers);
        Assert.Contains("tokens", layers);
        Assert.Contains("timexes", layers);
        Assert.Contains("\"parser\":\"en-ewt-parser@sha256:", store.GetLayers(doc.Id)[0].Versions, StringComparison.Ordinal);
        Assert.Equal(store.GetDocument(doc.Id)!.CleanText.Length > 0, store.GetTokens(doc.Id)!.Length > 0);

        // Nothing changed: nothing to re-analyse. Forced re-analysis keeps every count.
        (exit, var stdout, stderr) = TestEnvironment.Run("reprocess", "--db", _env.Db, "--json");
        Assert.True(exit == 0, stderr);
        using (var json = JsonDocument.Parse(stdout)) Assert.Equal(0, json.RootElement.GetProperty("stale").GetInt32());
        (exit, stdout, stderr) = TestEnvironment.Run("reprocess", "--db", _env.Db, "--json", "--since", "99.0.0");
        Assert.True(exit == 0, stderr);
        using (var json = JsonDocument.Parse(stdout))
        {
            Assert.Equal(3, json.RootElement.GetProperty("reprocessed").GetInt32());
            Assert.Equal(json.RootElement.GetProperty("events_before").GetInt32(), json.RootElement.GetProperty("events_after").GetInt32());
            Assert.Equal(json.RootElement.GetProperty("mentions_before").GetInt32(), json.RootElement.GetProperty("mentions_after").GetInt32());
        }
    }

    /// <summary>Needs the event coder in the analysis pipeline: the same incident from three outlets is one event with three articles.</summary>
    [Fact]
    public void Three_outlets_through_ingest_give_one_event()
    {
        var (exit, _, stderr) = TestEnvironment.Run("ingest", StoryFile(), "--db", _env.Db, "--no-progress");
        Assert.True(exit == 0, stderr);
        (exit, var stdout, stderr) = TestEnvironment.Run("events", "--db", _env.Db, "--dyad", "CHN-PHL", "--root", "19", "--json", "--mentions");
        Assert.True(exit == 0, stderr);
        using var json = JsonDocument.Parse(stdout);
        var e = Assert.Single(json.RootElement.EnumerateArray().ToList());
        Assert.Equal(3, e.GetProperty("num_articles").GetInt32());
        Assert.Equal(3, e.GetProperty("num_sources").GetInt32());
        Assert.Equal("2024-03-05", e.GetProperty("date").GetProperty("day").GetString());
    }
}
