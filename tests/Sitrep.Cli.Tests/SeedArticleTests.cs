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
    public void AnnotateAddsSentencesTokensAndATreePerSentence()
    {
        var (exit, stdout, stderr) = TestEnvironment.Run("annotate", TestEnvironment.Shared("samples", "seed-article.txt"), "--compact");
        Assert.True(exit == 0, stderr);
        using var json = JsonDocument.Parse(stdout);
        var root = json.RootElement;
        var text = root.GetProperty("document").GetProperty("text").GetString()!;
        var tokens = root.GetProperty("tokens").EnumerateArray().ToList();
        var sentences = root.GetProperty("sentences").EnumerateArray().ToList();
        Assert.InRange(sentences.Count, 12, 16);
        Assert.True(tokens.Count > 350);
        var roots = new int[sentences.Count];
        for (int i = 0; i < tokens.Count; i++)
        {
            var t = tokens[i];
            int start = t.GetProperty("start").GetInt32(), end = t.GetProperty("end").GetInt32();
            Assert.Equal(text[start..end], t.GetProperty("text").GetString());
            Assert.False(string.IsNullOrEmpty(t.GetProperty("upos").GetString()));
            int head = t.GetProperty("head").GetInt32();
            int sentence = t.GetProperty("sentence").GetInt32();
            if (head == -1) roots[sentence]++;
            else Assert.Equal(sentence, tokens[head].GetProperty("sentence").GetInt32());
        }
        Assert.All(roots, r => Assert.Equal(1, r));
        var models = root.GetProperty("sitrep").GetProperty("models");
        Assert.StartsWith("en-ewt-pos@sha256:", models.GetProperty("pos").GetString(), StringComparison.Ordinal);
        Assert.StartsWith("en-ewt-parser@sha256:", models.GetProperty("parser").GetString(), StringComparison.Ordinal);
        // "Putin" is a proper noun, "traded" a verb.
        Assert.Contains(tokens, t => t.GetProperty("text").GetString() == "Putin" && t.GetProperty("upos").GetString() == "PROPN");
        Assert.Contains(tokens, t => t.GetProperty("text").GetString() == "traded" && t.GetProperty("upos").GetString() == "VERB");
    }

    [Fact]
    public void NonEnglishDocumentsAreNotAnalysedAsEnglish()
    {
        var (exit, stdout, stderr) = TestEnvironment.Run("annotate", Path.Combine(TestEnvironment.RepoRoot, "samples", "jsonl", "wire-dump.jsonl"), "--compact");
        Assert.True(exit == 0, stderr);
        var records = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l)).ToList();
        var german = Assert.Single(records, r => r.RootElement.GetProperty("document").GetProperty("language").GetString() == "de");
        Assert.False(german.RootElement.GetProperty("document").GetProperty("is_english").GetBoolean());
        Assert.False(german.RootElement.TryGetProperty("tokens", out _));
        Assert.False(german.RootElement.TryGetProperty("timexes", out _));
        Assert.All(records.Where(r => r != german), r => Assert.True(r.RootElement.TryGetProperty("tokens", out _)));
        foreach (var r in records) r.Dispose();
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
