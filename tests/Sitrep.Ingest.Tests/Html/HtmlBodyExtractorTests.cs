using System.Net;
using Sitrep.Core;
using Sitrep.Ingest.Evaluation;
using Sitrep.Ingest.Html;

namespace Sitrep.Ingest.Tests.Html;

/// <summary>Locates ../shared next to the repository (the data is never copied into the repo).</summary>
internal static class BodyExtractionTestData
{
    public static string RepoRoot() => RepoPaths.Root;

    /// <summary>../shared/data/extraction/fundus; fails (never skips) when it is missing.</summary>
    public static string Fundus()
    {
        var path = Path.GetFullPath(Path.Combine(RepoRoot(), "..", "shared", "data", "extraction", "fundus"));
        Assert.True(Directory.Exists(path), $"Test data missing: {path} (the fundus extraction set from ../shared) must exist next to the repository.");
        return path;
    }

    public static string ReadPage(string id)
    {
        var file = Path.Combine(Fundus(), "html", id + ".html.gz");
        Assert.True(File.Exists(file), $"Test page missing: {file}");
        using var gz = new System.IO.Compression.GZipStream(File.OpenRead(file), System.IO.Compression.CompressionMode.Decompress);
        using var reader = new StreamReader(gz, System.Text.Encoding.UTF8);
        return reader.ReadToEnd();
    }

    public static IReadOnlyDictionary<string, string> Truth() =>
        ArticleBodyScorer.LoadTexts(Path.Combine(Fundus(), "ground-truth.aeb.json"));
}

public sealed class HtmlBodyExtractorTests
{
    private static readonly HtmlBodyExtractor Extractor = new();

    private const string Para1 = "The city council voted on Tuesday to approve the new budget after a long debate over spending.";
    private const string Para2 = "Officials said the plan would add money for schools, parks and road repairs over the next two years.";
    private const string Para3 = "Critics argued that the increase in property taxes would hurt residents who are already struggling.";

    private static string Page(string body, string head = "") =>
        $"<!DOCTYPE html><html><head><title>Budget approved</title>{head}</head><body><nav><a href='/'>Home</a> <a href='/news'>News</a></nav>" +
        $"<article><h1>Budget approved</h1>{body}</article><footer>Contact us</footer></body></html>";

    /// <summary>Every non-whitespace clean char maps inside the raw text to itself or to an entity that decodes to it.</summary>
    private static (int Ok, int Total) CheckMap(string html, HtmlBody body)
    {
        Assert.Equal(body.Text.Length, body.Map.CleanLength);
        Assert.Equal(html.Length, body.Map.RawLength);
        int ok = 0, total = 0;
        for (int i = 0; i < body.Text.Length; i++)
        {
            var span = body.Map.MapChar(i);
            Assert.True(span.End <= html.Length, $"char {i} maps outside the raw text");
            char c = body.Text[i];
            if (char.IsWhiteSpace(c)) continue;
            total++;
            var raw = html.AsSpan(span.Start, span.Length);
            if (raw.Length == 1 && raw[0] == c) ok++;
            else if (raw.Length > 1 && raw[0] == '&' && WebUtility.HtmlDecode(raw.ToString()).Contains(c)) ok++;
        }
        return (ok, total);
    }

    private static void AssertWellFormed(string text)
    {
        if (text.Length == 0) return;
        Assert.Equal(text.Trim(), text);
        Assert.DoesNotContain("\n\n\n", text);
        Assert.DoesNotContain("  ", text);
        Assert.DoesNotContain("\t", text);
        Assert.DoesNotContain("\r", text);
        foreach (var p in text.Split("\n\n"))
        {
            Assert.NotEmpty(p);
            Assert.DoesNotContain("\n", p);
            Assert.Equal(p.Trim(), p);
        }
    }

    [Fact]
    public void Extract_KeepsParagraphsAndDropsFurniture()
    {
        var html = Page(
            $"<p>{Para1}</p><div class='social-share'><a href='#'>Share on Facebook</a></div>" +
            $"<p>{Para2}</p><p><a href='/newsletter'>Sign up for our free daily newsletter</a></p>" +
            "<figure><img src='x.jpg'><figcaption>The council chamber on Tuesday. Photo: City Hall</figcaption></figure>" +
            $"<p>Read more: <a href='/other'>Council delays vote on housing plan</a></p><p>{Para3}</p>" +
            "<p>Copyright 2024 Example News. All rights reserved.</p>");
        var body = Extractor.Extract(html, "https://example.com/news/budget");
        Assert.Equal($"{Para1}\n\n{Para2}\n\n{Para3}", body.Text);
        Assert.Equal(HtmlBodyExtractor.Version, body.Extractor);
    }

    [Fact]
    public void Extract_DecodesEntitiesAndMapsThemToTheWholeReference()
    {
        var html = Page($"<p>Smith &amp; Jones said the&nbsp;plan was &#8220;fair&#x201D; to all.</p><p>{Para1}</p><p>{Para2}</p>");
        var body = Extractor.Extract(html, null);
        var first = body.Text.Split("\n\n")[0];
        Assert.Equal("Smith & Jones said the plan was \u201Cfair\u201D to all.", first);
        int amp = body.Text.IndexOf('&', StringComparison.Ordinal);
        var span = body.Map.MapChar(amp);
        Assert.Equal("&amp;", html.Substring(span.Start, span.Length));
        int quote = body.Text.IndexOf('\u201D', StringComparison.Ordinal);
        span = body.Map.MapChar(quote);
        Assert.Equal("&#x201D;", html.Substring(span.Start, span.Length));
        var (ok, total) = CheckMap(html, body);
        Assert.Equal(total, ok);
    }

    [Fact]
    public void Extract_CollapsesWhitespaceAndMapsSeparatorsToTheMarkupBetween()
    {
        var html = Page($"<p>  The   city\n council\tvoted on Tuesday to approve the new budget after a long debate over spending. </p>\n<ul><li>{Para2}</li><li>{Para3}</li></ul>");
        var body = Extractor.Extract(html, null);
        AssertWellFormed(body.Text);
        Assert.Equal($"{Para1}\n\n{Para2}\n\n{Para3}", body.Text);
        // "city council": the collapsed "\n " maps to the raw whitespace run.
        int space = body.Text.IndexOf("city council", StringComparison.Ordinal) + 4;
        var s = body.Map.MapChar(space);
        Assert.Equal("\n ", html.Substring(s.Start, s.Length));
        // The break between paragraphs maps to the raw markup between them.
        int sep = body.Text.IndexOf("\n\n", StringComparison.Ordinal);
        s = body.Map.MapChar(sep);
        Assert.Contains("<li>", html.Substring(s.Start, s.Length), StringComparison.Ordinal);
        var (ok, total) = CheckMap(html, body);
        Assert.Equal(total, ok);
    }

    [Fact]
    public void Extract_PrefersVisibleStandfirstEqualToDescription()
    {
        const string dek = "A divided council approved the spending plan after hours of debate on Tuesday night.";
        var html = Page($"<p class='dek'>{dek}</p><div class='body'><p>{Para1}</p><p>{Para2}</p><p>{Para3}</p></div>",
            $"<meta name='description' content='{dek}'>");
        var body = Extractor.Extract(html, null);
        Assert.StartsWith(dek + "\n\n", body.Text, StringComparison.Ordinal);
        Assert.Equal(1, CountOccurrences(body.Text, dek));
    }

    [Fact]
    public void Extract_DropsTimestampsButKeepsSubheadings()
    {
        var html = Page($"<div>2 March 2024 • 9:08pm</div><p>{Para1}</p><p>Politics / February 29, 2024</p><p>{Para2}</p>" +
            $"<h2>Markets at 7:18 a.m. ET</h2><p>{Para3}</p>");
        var body = Extractor.Extract(html, null);
        Assert.Equal($"{Para1}\n\n{Para2}\n\nMarkets at 7:18 a.m. ET\n\n{Para3}", body.Text);
    }

    [Fact]
    public void Extract_DropsClosingAuthorBio()
    {
        var html = Page($"<p>{Para1}</p><p>{Para2}</p><p>{Para3}</p><p>Jane Doe is a senior reporter covering city hall and local politics.</p>");
        var body = Extractor.Extract(html, null);
        Assert.DoesNotContain("Jane Doe", body.Text, StringComparison.Ordinal);
        Assert.EndsWith(Para3, body.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("<")]
    [InlineData("<p")]
    [InlineData("<html><body><p>unclosed <b>bold <i>italic")]
    [InlineData("&#xFFFFFFFF; &#0; &bogus; &amp <script>alert(1)")]
    [InlineData("<!-- never closed")]
    [InlineData("<div class=\"x></div><p>text")]
    public void Extract_NeverThrowsOnMalformedHtml(string html)
    {
        var body = Extractor.Extract(html, "not a url");
        AssertWellFormed(body.Text);
        Assert.Equal(body.Text.Length, body.Map.CleanLength);
        Assert.Equal(html.Length, body.Map.RawLength);
    }

    [Fact]
    public void Extract_SurvivesDeepNesting()
    {
        var html = string.Concat(Enumerable.Repeat("<div>", 5000)) + $"<p>{Para1}</p><p>{Para2}</p><p>{Para3}</p>" + string.Concat(Enumerable.Repeat("</div>", 5000));
        var body = Extractor.Extract(html, null);
        Assert.Equal(body.Text.Length, body.Map.CleanLength);
    }

    [Fact]
    public void Extract_HonoursCancellation()
    {
        using var cts = new CancellationTokenSource();
        cts.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() => Extractor.Extract(Page($"<p>{Para1}</p>"), null, cts.Token));
    }

    private static int CountOccurrences(string text, string value)
    {
        int n = 0;
        for (int i = text.IndexOf(value, StringComparison.Ordinal); i >= 0; i = text.IndexOf(value, i + 1, StringComparison.Ordinal)) n++;
        return n;
    }

    // Golden pages: one per layout family. Thresholds leave room for small rule changes, not for regressions.
    [Theory]
    [InlineData("APNews_0", 0.95)]
    [InlineData("CNBC_2", 0.90)]
    [InlineData("LATimes_2", 0.90)]
    [InlineData("TheNewYorker_0", 0.95)]
    [InlineData("TheGuardian_1", 0.90)]
    [InlineData("WashingtonTimes_0", 0.95)]
    [InlineData("OccupyDemocrats_4", 0.95)]
    public void Extract_FundusPage_MatchesTruthAndMapsBack(string id, double minF1)
    {
        var html = BodyExtractionTestData.ReadPage(id);
        var body = Extractor.Extract(html, "https://example.com/" + id);
        AssertWellFormed(body.Text);
        var truth = BodyExtractionTestData.Truth();
        var score = ArticleBodyScorer.Score(
            new Dictionary<string, string>(StringComparer.Ordinal) { [id] = truth[id] },
            new Dictionary<string, string>(StringComparer.Ordinal) { [id] = body.Text });
        Assert.True(score.F1 >= minF1, $"{id}: F1 {score.F1:F3} < {minF1}");
        var (ok, total) = CheckMap(html, body);
        Assert.True(total > 0);
        Assert.True(ok >= 0.995 * total, $"{id}: {ok}/{total} characters map back to themselves");
    }

    [Fact]
    public void Extract_AllFundusPages_ReachTargetF1AndMapBack()
    {
        var dir = Path.Combine(BodyExtractionTestData.Fundus(), "html");
        var truth = BodyExtractionTestData.Truth();
        var pred = new Dictionary<string, string>(StringComparer.Ordinal);
        long ok = 0, total = 0;
        foreach (var id in truth.Keys)
        {
            var html = BodyExtractionTestData.ReadPage(id);
            var body = Extractor.Extract(html, "https://example.com/" + id);
            pred[id] = body.Text;
            var (o, t) = CheckMap(html, body);
            ok += o;
            total += t;
        }
        Assert.Equal(80, Directory.GetFiles(dir, "*.html.gz").Length);
        var score = ArticleBodyScorer.Score(truth, pred);
        Assert.True(score.F1 >= 0.95, $"F1 {score.F1:F4} (P {score.Precision:F4}, R {score.Recall:F4}) below 0.95");
        Assert.Equal(0, score.EmptyPredictions);
        Assert.True(ok >= 0.995 * total, $"mapping: {ok}/{total}");
    }
}
