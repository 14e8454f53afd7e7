using System.Text.Json;
using System.Text.Json.Nodes;

namespace Sitrep.Cli.Tests;

/// <summary>The eval commands end to end on a slice of the shared dev sets: loader, readers, scorer, output.</summary>
public sealed class EvalCommandTests : IDisposable
{
    private readonly TestEnvironment _env = new();

    [Fact]
    public void EvalExtractScoresAFundusSliceAndWritesPredictions()
    {
        var fundus = TestEnvironment.Shared("data", "extraction", "fundus");
        var truth = JsonNode.Parse(File.ReadAllText(Path.Combine(fundus, "ground-truth.aeb.json")))!.AsObject();
        var slice = new JsonObject();
        foreach (var (id, value) in truth.OrderBy(kv => kv.Key, StringComparer.Ordinal).Where((_, i) => i % 10 == 0))
            slice[id] = value!.DeepClone();
        var truthFile = _env.File("truth.json", System.Text.Encoding.UTF8.GetBytes(slice.ToJsonString()));
        var predictions = Path.Combine(_env.Directory, "pred.json");

        var (exit, stdout, stderr) = TestEnvironment.Run("eval", "extract", "--truth", truthFile, "--pages", Path.Combine(fundus, "html"), "--out", predictions, "--json");
        Assert.True(exit == 0, stderr);
        using var json = JsonDocument.Parse(stdout);
        var sitrep = json.RootElement[0];
        Assert.Equal("sitrep", sitrep.GetProperty("name").GetString());
        Assert.Equal(slice.Count, sitrep.GetProperty("documents").GetInt32());
        Assert.True(sitrep.GetProperty("f1").GetDouble() > 0.9, stdout);
        using var pred = JsonDocument.Parse(File.ReadAllText(predictions));
        Assert.Equal(slice.Count, pred.RootElement.EnumerateObject().Count());
    }

    [Fact]
    public void EvalParserScoresOnlyTheDerivedNewsTreesAndDecodesWithTheBeamAsked()
    {
        // The first 400 EWT dev trees, as a file of their own.
        var lines = File.ReadAllLines(TestEnvironment.Shared("data", "ud", "en_ewt-ud-dev.conllu"));
        var kept = new List<string>();
        int sentences = 0;
        foreach (var line in lines)
        {
            if (sentences == 400) break;
            kept.Add(line);
            if (line.Length == 0) sentences++;
        }
        var gold = _env.File("dev400.conllu", System.Text.Encoding.UTF8.GetBytes(string.Join('\n', kept) + "\n"));

        JsonElement Score(params string[] extra)
        {
            var (exit, stdout, stderr) = TestEnvironment.Run(["eval", "parser", "--gold", gold, "--json", .. extra]);
            Assert.True(exit == 0, stderr);
            using var json = JsonDocument.Parse(stdout);
            return json.RootElement.Clone();
        }
        var trees = Score();
        var news = Score("--news-constructions");
        Assert.False(trees.GetProperty("news_constructions").GetBoolean());
        Assert.True(news.GetProperty("news_constructions").GetBoolean());
        Assert.Equal(400, trees.GetProperty("sentences").GetInt32());
        // Only trees where a title, a day or an attribution fits are derived; each has words the source had not.
        Assert.InRange(news.GetProperty("sentences").GetInt32(), 20, 399);
        Assert.InRange(news.GetProperty("las").GetDouble(), 40, 100);
        Assert.Equal(news.GetProperty("words").GetInt32(), Score("--news-constructions").GetProperty("words").GetInt32()); // seeded
        // The shipped model is greedy; --beam decodes it with a beam instead, and says so.
        Assert.Equal("greedy/3", trees.GetProperty("decoder").GetString());
        var beam = Score("--beam", "2");
        Assert.Equal("beam2/1", beam.GetProperty("decoder").GetString());
        Assert.Equal(trees.GetProperty("words").GetInt32(), beam.GetProperty("words").GetInt32());
        Assert.NotEqual(trees.GetProperty("las").GetDouble(), beam.GetProperty("las").GetDouble());
        Assert.Equal(Sitrep.Cli.Commands.ExitCodes.Usage, TestEnvironment.Run(["eval", "parser", "--gold", gold, "--beam", "0"]).Exit);
    }

    [Fact]
    public void EvalParserOutWritesTheTreesItScored()
    {
        // The first 200 EWT dev trees, as a file of their own; scored with their gold tags.
        var kept = new List<string>();
        int sentences = 0;
        foreach (var line in File.ReadLines(TestEnvironment.Shared("data", "ud", "en_ewt-ud-dev.conllu")))
        {
            if (sentences == 200) break;
            kept.Add(line);
            if (line.Length == 0) sentences++;
        }
        var gold = _env.File("dev200.conllu", System.Text.Encoding.UTF8.GetBytes(string.Join('\n', kept) + "\n"));
        var outPath = Path.Combine(Path.GetDirectoryName(gold)!, "parsed.conllu");
        var (exit, stdout, stderr) = TestEnvironment.Run(["eval", "parser", "--gold", gold, "--json", "--out", outPath]);
        Assert.True(exit == 0, stderr);
        using var json = JsonDocument.Parse(stdout);

        // Recount UAS from the written file against the gold one: the same words, in the same order, with the heads scored.
        static List<string[]> Words(string path) => File.ReadLines(path)
            .Where(l => l.Length > 0 && l[0] != '#').Select(l => l.Split('\t')).Where(c => !c[0].Contains('-') && !c[0].Contains('.')).ToList();
        var g = Words(gold);
        var p = Words(outPath);
        Assert.Equal(g.Count, p.Count);
        Assert.Equal(g.Select(c => c[1]), p.Select(c => c[1]));
        Assert.Equal(g.Select(c => c[3]), p.Select(c => c[3])); // the tags parsed with: gold here
        int right = g.Zip(p).Count(x => x.First[6] == x.Second[6]);
        Assert.Equal(json.RootElement.GetProperty("uas").GetDouble(), Math.Round(100.0 * right / g.Count, 2));
        Assert.Equal(200, File.ReadLines(outPath).Count(l => l.Length == 0));
    }

    [Fact]
    public void EvalDatesScoresAHtmldateSlice()
    {
        var dev = TestEnvironment.Shared("data", "extraction", "htmldate-dev");
        var truth = JsonNode.Parse(File.ReadAllText(Path.Combine(dev, "dates.json")))!.AsObject();
        var slice = new JsonObject();
        foreach (var (url, value) in truth.Where((_, i) => i % 20 == 0))
            slice[url] = value!.DeepClone();
        var truthFile = _env.File("dates.json", System.Text.Encoding.UTF8.GetBytes(slice.ToJsonString()));

        var (exit, stdout, stderr) = TestEnvironment.Run("eval", "dates", "--truth", truthFile, "--pages", Path.Combine(dev, "html"), "--json");
        Assert.True(exit == 0, stderr);
        using var json = JsonDocument.Parse(stdout);
        Assert.Equal(slice.Count, json.RootElement.GetProperty("pages").GetInt32());
        Assert.True(json.RootElement.GetProperty("accuracy").GetDouble() >= 0.75, stdout);
    }

    [Fact]
    public void EvalTimexScoresATimeBankSliceWritesTimeMlAndKeepsTheNotationNeutralRowApart()
    {
        var gold = Path.Combine(_env.Directory, "gold");
        Directory.CreateDirectory(gold);
        int goldTimexes = 0;
        foreach (var name in new[] { "ABC19980108.1830.0711.tml", "wsj_0144.tml", "APW19980213.1320.tml" })
        {
            var text = File.ReadAllText(TestEnvironment.Shared("data", "timex", "TimeBank", name));
            goldTimexes += System.Text.RegularExpressions.Regex.Count(text[text.IndexOf("<TEXT>", StringComparison.Ordinal)..], "<TIMEX3 ");
            File.WriteAllText(Path.Combine(gold, name), text);
        }
        var outDir = Path.Combine(_env.Directory, "out");

        var (exit, stdout, stderr) = TestEnvironment.Run("eval", "timex", "--gold", gold, "--out", outDir, "--json");
        Assert.True(exit == 0, stderr);
        using var json = JsonDocument.Parse(stdout);
        var root = json.RootElement;
        Assert.Equal(3, root.GetProperty("docs").GetInt32());
        Assert.Equal(goldTimexes, root.GetProperty("gold").GetInt32());
        Assert.Equal(3, Directory.GetFiles(outDir, "*.tml").Length);
        int value = root.GetProperty("value").GetProperty("correct").GetInt32();
        int neutral = root.GetProperty("value_notation_neutral").GetProperty("correct").GetInt32();
        Assert.InRange(value, 1, root.GetProperty("relaxed").GetProperty("correct").GetInt32());
        Assert.InRange(neutral, value, root.GetProperty("relaxed").GetProperty("correct").GetInt32());
    }

    [Fact]
    public void EvalRefusesAMissingTruthFile()
    {
        var (exit, _, _) = TestEnvironment.Run("eval", "extract", "--truth", Path.Combine(_env.Directory, "nope.json"), "--pages", _env.Directory);
        Assert.NotEqual(0, exit);
    }

    public void Dispose() => _env.Dispose();
}
