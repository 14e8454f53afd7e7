using Sitrep.Ingest.Evaluation;
using Sitrep.Ingest.Tests.Html;

namespace Sitrep.Ingest.Tests.Evaluation;

public sealed class ArticleBodyScorerTests
{
    [Theory]
    [InlineData("cafe\u0301 x", new[] { "cafe", "x" })] // combining marks are not \w in Python
    [InlineData("a_b-c d1 ²³ Ⅻ ٣ \U0001D400bc 😀x", new[] { "a_b", "c", "d1", "²³", "Ⅻ", "٣", "\U0001D400bc", "x" })]
    [InlineData("don’t stop—now", new[] { "don", "t", "stop", "now" })]
    [InlineData("日本語テキスト", new[] { "日本語テキスト" })]
    [InlineData("x\u200By", new[] { "x", "y" })]
    [InlineData("", new string[0])]
    public void Tokenize_MatchesPythonWordRuns(string text, string[] expected)
    {
        // Expected values are the output of Python 3.11 re.findall(r'\w+', text).
        Assert.Equal(expected, ArticleBodyScorer.Tokenize(text));
    }

    [Fact]
    public void Shingles_ShortTextGivesOneShorterShingle()
    {
        Assert.Single(ArticleBodyScorer.Shingles(ArticleBodyScorer.Tokenize("one two three")));
        Assert.Empty(ArticleBodyScorer.Shingles(ArticleBodyScorer.Tokenize("")));
        Assert.Equal(3, ArticleBodyScorer.Shingles(ArticleBodyScorer.Tokenize("a b c d e f")).Count);
    }

    [Fact]
    public void Score_PerfectAndEmptyPredictions()
    {
        var truth = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["a"] = "The quick brown fox jumps over the lazy dog.",
            ["b"] = "Another document with several words in it.",
        };
        var pred = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["a"] = "The quick brown fox jumps over the lazy dog!",
            ["b"] = "",
        };
        var s = ArticleBodyScorer.Score(truth, pred);
        // The empty prediction is left out of precision and scores 0 recall.
        Assert.Equal(1.0, s.Precision, 12);
        Assert.Equal(0.5, s.Recall, 12);
        Assert.Equal(2 * 0.5 / 1.5, s.F1, 12);
        Assert.Equal(0.5, s.Accuracy, 12);
        Assert.Equal(1, s.EmptyPredictions);
        Assert.Equal(2, s.Documents);
        Assert.True(s.Rows.Single(r => r.Id == "a").Exact);
    }

    [Fact]
    public void Score_PartialOverlapIsNormalizedPerDocument()
    {
        var truth = new Dictionary<string, string>(StringComparer.Ordinal) { ["a"] = "w1 w2 w3 w4 w5 w6" };
        var pred = new Dictionary<string, string>(StringComparer.Ordinal) { ["a"] = "w1 w2 w3 w4 x y" };
        // truth shingles: 3; pred shingles: 3; shared: 1 -> tp=1, fp=2, fn=2 -> P=R=1/3.
        var s = ArticleBodyScorer.Score(truth, pred);
        Assert.Equal(1.0 / 3, s.Precision, 12);
        Assert.Equal(1.0 / 3, s.Recall, 12);
        Assert.Equal(0, s.MissingPredictions);
    }

    [Fact]
    public void Score_MissingPredictionCountsAsEmpty()
    {
        var truth = new Dictionary<string, string>(StringComparer.Ordinal) { ["a"] = "some words here now" };
        var s = ArticleBodyScorer.Score(truth, new Dictionary<string, string>(StringComparer.Ordinal));
        Assert.Equal(1, s.MissingPredictions);
        Assert.Equal(0.0, s.Recall, 12);
        Assert.Equal(0.0, s.F1, 12);
    }

    [Fact]
    public void LoadTexts_ReadsAllPythonFormats()
    {
        var dir = Directory.CreateTempSubdirectory("sitrep-aeb-");
        try
        {
            var plain = Path.Combine(dir.FullName, "plain.json");
            File.WriteAllText(plain, """{"a": "text a", "b": null}""");
            var bench = Path.Combine(dir.FullName, "bench.json");
            File.WriteAllText(bench, """{"a": {"articleBody": "text a", "url": "u"}, "b": {"url": "v"}}""");
            var wrapped = Path.Combine(dir.FullName, "wrapped.json");
            File.WriteAllText(wrapped, """{"version": 1, "output": {"a": {"articleBody": "text a"}}}""");
            var folder = Directory.CreateDirectory(Path.Combine(dir.FullName, "txt"));
            File.WriteAllText(Path.Combine(folder.FullName, "a.txt"), "text a");

            foreach (var path in new[] { plain, bench, wrapped, folder.FullName })
            {
                var texts = ArticleBodyScorer.LoadTexts(path);
                Assert.Equal("text a", texts["a"]);
                if (texts.TryGetValue("b", out var b)) Assert.Equal("", b);
            }
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    // Figures printed by `python3 /work/shared/tools/extraction/score_aeb.py --truth ground-truth.aeb.json
    // --pred peer-outputs/{name}.json --json out.json` (f1, precision, recall, accuracy).
    [Theory]
    [InlineData("fundus.json", 0.9632809913854585, 0.987311520514836, 0.9403924425197138, 0.4)]
    [InlineData("trafilatura.json", 0.9401337770338989, 0.9328416559963257, 0.9475408028436492, 0.1375)]
    public void Score_AgreesWithPythonScorerOnPeerOutputs(string peer, double f1, double precision, double recall, double accuracy)
    {
        var fundus = BodyExtractionTestData.Fundus();
        var truth = ArticleBodyScorer.LoadTexts(Path.Combine(fundus, "ground-truth.aeb.json"));
        var pred = ArticleBodyScorer.LoadTexts(Path.Combine(fundus, "peer-outputs", peer));
        var s = ArticleBodyScorer.Score(truth, pred);
        Assert.Equal(80, s.Documents);
        Assert.Equal(0, s.EmptyPredictions);
        Assert.Equal(f1, s.F1, 9);
        Assert.Equal(precision, s.Precision, 9);
        Assert.Equal(recall, s.Recall, 9);
        Assert.Equal(accuracy, s.Accuracy, 9);
    }

    [Fact]
    public void Score_BootstrapIsDeterministic()
    {
        var truth = new Dictionary<string, string>(StringComparer.Ordinal) { ["a"] = "a b c d e", ["b"] = "f g h i j", ["c"] = "k l m n" };
        var pred = new Dictionary<string, string>(StringComparer.Ordinal) { ["a"] = "a b c d e", ["b"] = "f g x i j", ["c"] = "" };
        var s1 = ArticleBodyScorer.Score(truth, pred, bootstrap: 200, seed: 7);
        var s2 = ArticleBodyScorer.Score(truth, pred, bootstrap: 200, seed: 7);
        Assert.Equal(s1.F1Std, s2.F1Std);
        Assert.True(s1.F1Std > 0);
    }
}
