using System.Globalization;
using System.Text.Json;
using Sitrep.Storage;
using Sitrep.Storage.Tests;

namespace Sitrep.Cli.Tests;

/// <summary>The store commands (events, timeline, series, claims, export) on a store of hand-built layers: the merge story from three outlets.</summary>
public sealed class StoreCommandTests : IDisposable
{
    private readonly TestEnvironment _env = new();

    public StoreCommandTests()
    {
        using var store = SitrepStore.Open(_env.Db);
        int seed = 0;
        foreach (var name in new[] { "wire", "rewrite", "update" })
        {
            var doc = LayeredDocs.Story(name);
            store.Store(doc, Docs.Hashes(doc, ++seed), store.BeginIngest("test"), LayeredDocs.Versions);
        }
    }

    public void Dispose() => _env.Dispose();

    private (int Exit, string Out, string Err) Run(params string[] args) => TestEnvironment.Run([.. args, "--db", _env.Db]);

    [Fact]
    public void Events_by_dyad_as_json_table_and_csv()
    {
        var (exit, stdout, stderr) = Run("events", "--dyad", "CHN-PHL", "--json", "--mentions");
        Assert.True(exit == 0, stderr);
        using var json = JsonDocument.Parse(stdout);
        var e = Assert.Single(json.RootElement.EnumerateArray().ToList());
        Assert.Equal("190", e.GetProperty("cameo").GetString());
        Assert.Equal(3, e.GetProperty("num_articles").GetInt32());
        Assert.Equal(3, e.GetProperty("mentions").GetArrayLength());
        Assert.Equal("2024-03-05", e.GetProperty("date").GetProperty("day").GetString());

        (exit, stdout, _) = Run("events", "--dyad", "PHL-CHN", "--json");
        Assert.Equal(0, exit);
        Assert.Equal(0, JsonDocument.Parse(stdout).RootElement.GetArrayLength());

        (exit, stdout, _) = Run("events", "--actor", "China Coast Guard");
        Assert.Equal(0, exit);
        Assert.Contains("CHNMIL", stdout, StringComparison.Ordinal);
        Assert.Contains("1 event(s)", stdout, StringComparison.Ordinal);

        (exit, stdout, _) = Run("events", "--root", "19", "--quad", "4", "--from", "2024-03-01", "--to", "2024-03-31", "--place", "Second Thomas Shoal", "--csv");
        Assert.Equal(0, exit);
        var lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.StartsWith("id,day,", lines[0], StringComparison.Ordinal);

        (exit, _, _) = Run("events", "--quad", "7");
        Assert.NotEqual(0, exit);
    }

    [Fact]
    public void Timeline_and_series()
    {
        var (exit, stdout, stderr) = Run("timeline", "PHL", "--json");
        Assert.True(exit == 0, stderr);
        var e = Assert.Single(JsonDocument.Parse(stdout).RootElement.EnumerateArray().ToList());
        Assert.Contains("water cannon", e.GetProperty("evidence").GetString(), StringComparison.Ordinal);

        (exit, stdout, _) = Run("timeline", "PHL-CHN");
        Assert.Equal(0, exit);
        Assert.Contains("2024-03-05", stdout, StringComparison.Ordinal);

        (exit, stdout, stderr) = Run("series", "--dyad", "CHN-PHL", "--by", "month", "--json");
        Assert.True(exit == 0, stderr);
        var p = Assert.Single(JsonDocument.Parse(stdout).RootElement.EnumerateArray().ToList());
        Assert.Equal("2024-03", p.GetProperty("period").GetString());
        Assert.Equal(1, p.GetProperty("material_conflict").GetInt32());
        Assert.Equal(-10, p.GetProperty("goldstein").GetDouble());
        Assert.Equal(3, p.GetProperty("mentions").GetInt32());
    }

    [Fact]
    public async Task Exports_to_files()
    {
        var tsv = Path.Combine(_env.Directory, "events.tsv");
        var mentions = Path.Combine(_env.Directory, "mentions.tsv");
        var (exit, _, stderr) = Run("export", "--format", "gdelt", "--out", tsv, "--mentions-out", mentions);
        Assert.True(exit == 0, stderr);
        var row = Assert.Single(File.ReadAllLines(tsv));
        Assert.Equal(61, row.Split('\t').Length);
        Assert.Equal(3, File.ReadAllLines(mentions).Length);
        Assert.All(File.ReadAllLines(mentions), l => Assert.Equal(16, l.Split('\t').Length));

        var parquet = Path.Combine(_env.Directory, "events.parquet");
        (exit, _, stderr) = Run("export", "--format", "parquet", "--out", parquet, "--dyad", "CHN-PHL");
        Assert.True(exit == 0, stderr);
        await using (var fs = File.OpenRead(parquet))
            Assert.Equal(3, Assert.Single(await Storage.Export.ParquetExport.ReadAsync(fs)).NumArticles);

        var (exit2, graphml, _) = Run("export", "--format", "graphml");
        Assert.Equal(0, exit2);
        var doc = System.Xml.Linq.XDocument.Parse(graphml);
        Assert.Equal(2, doc.Descendants().Count(x => x.Name.LocalName == "node"));

        (exit, _, _) = Run("export", "--format", "parquet");
        Assert.Equal(64, exit); // parquet needs --out
        (exit, _, _) = Run("export", "--format", "xml");
        Assert.Equal(64, exit);
    }

    [Fact]
    public void Missing_store_is_reported()
    {
        var (exit, _, stderr) = TestEnvironment.Run("events", "--db", Path.Combine(_env.Directory, "none.db"));
        Assert.Equal(3, exit);
        Assert.Contains("no store", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Actor_activity_view_renders_the_store()
    {
        using var store = SitrepStore.Open(_env.Db);
        var actors = Commands.Store.ActorActivityView.Query(store);
        Assert.Equal("CHNMIL", actors[0].Code);
        var sw = new StringWriter(CultureInfo.InvariantCulture);
        Commands.Store.ActorActivityView.WriteCsv(sw, actors);
        Assert.Contains("CHNMIL,China Coast Guard,1,0,3,-10.0,CHNMIL-PHL (1)", sw.ToString(), StringComparison.Ordinal);
        sw = new StringWriter(CultureInfo.InvariantCulture);
        Commands.Store.ActorActivityView.WriteJson(sw, actors);
        Assert.Equal(2, JsonDocument.Parse(sw.ToString()).RootElement.GetArrayLength());
    }
}
