using System.Text.Json;

namespace Sitrep.Cli.Tests;

/// <summary>The acceptance check on the seed article, through the command a user runs.</summary>
public sealed class SeedArticleTests
{
    [Fact]
    public void AnnotateGivesTheDatesAndACleanBody()
    {
        var (exit, stdout, stderr) = TestEnvironment.Run("annotate", TestEnvironment.Shared("samples", "seed-article.txt"));
        Assert.True(exit == 0, stderr);
        using var json = JsonDocument.Parse(stdout);
        var doc = json.RootElement.GetProperty("document");
        Assert.Equal("2023-08-30", doc.GetProperty("published").GetString());
        Assert.Equal("2023-08-30T23:10+05:30", doc.GetProperty("modified").GetString());
        Assert.Equal("en", doc.GetProperty("language").GetString());
        Assert.Equal("text", doc.GetProperty("source_format").GetString());
        var text = doc.GetProperty("text").GetString()!;
        Assert.DoesNotContain("comScore", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Updated:", text, StringComparison.Ordinal);
        Assert.Contains("Both Russia and North Korea denied the US allegations.", text, StringComparison.Ordinal);

        // TIMEX3 resolved against the publication date.
        var timexes = json.RootElement.GetProperty("timexes").EnumerateArray()
            .ToDictionary(t => t.GetProperty("text").GetString()!, t => t.GetProperty("value").GetString(), StringComparer.Ordinal);
        Assert.Equal("2023-08-30", timexes["Wednesday"]);
        Assert.Equal("2023-03", timexes["March"]);
        Assert.Equal("2022", timexes["Last year"]);

        // Paragraph spans point into the raw input: each paragraph's text is found at its raw span.
        var raw = File.ReadAllText(TestEnvironment.Shared("samples", "seed-article.txt"));
        foreach (var p in json.RootElement.GetProperty("paragraphs").EnumerateArray())
        {
            var clean = text[p.GetProperty("start").GetInt32()..p.GetProperty("end").GetInt32()];
            var rawSlice = raw[p.GetProperty("raw_start").GetInt32()..p.GetProperty("raw_end").GetInt32()];
            Assert.Equal(clean, rawSlice.Trim());
        }
    }

    [Fact]
    public void AnnotateIsDeterministic()
    {
        var seed = TestEnvironment.Shared("samples", "seed-article.txt");
        var a = TestEnvironment.Run("annotate", seed, "--compact");
        var b = TestEnvironment.Run("annotate", seed, "--compact");
        Assert.Equal(a.Out, b.Out);
        Assert.Single(a.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }
}
