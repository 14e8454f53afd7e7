using System.Text.Json;

namespace Sitrep.Cli.Tests;

/// <summary>The seed article's actors through <c>sitrep annotate</c>, and the <c>sitrep actors</c> search.</summary>
public sealed class ActorSeedTests
{
    private static readonly Lazy<(string Text, List<JsonElement> Actors, JsonElement Models)> Seed = new(() =>
    {
        var (exit, stdout, stderr) = TestEnvironment.Run("annotate", TestEnvironment.Shared("samples", "seed-article.txt"), "--compact");
        Assert.True(exit == 0, stderr);
        var root = JsonDocument.Parse(stdout).RootElement;
        return (root.GetProperty("document").GetProperty("text").GetString()!, root.GetProperty("actors").EnumerateArray().ToList(), root.GetProperty("sitrep").GetProperty("models"));
    });

    private static JsonElement First(string text) => Seed.Value.Actors.First(a => a.GetProperty("text").GetString() == text);

    [Theory]
    [InlineData("Russian President Vladimir Putin", "RUSGOV", "RUS", "GOV")]
    [InlineData("North Korean leader Kim Jong Un", "PRKGOV", "PRK", "GOV")]
    [InlineData("Kirby", "USAGOV", "USA", "GOV")]
    [InlineData("he", "USAGOV", "USA", "GOV")]
    [InlineData("The National Security Council spokesperson", "USAGOV", "USA", "GOV")]
    [InlineData("Shoigu", "RUSGOV", "RUS", "GOV")]
    [InlineData("The White House", "USAGOV", "USA", "GOV")]
    [InlineData("the Biden administration", "USAGOV", "USA", "GOV")]
    [InlineData("the Kremlin", "RUSGOV", "RUS", "GOV")]
    [InlineData("Moscow", "RUSGOV", "RUS", "GOV")]
    [InlineData("South Korea’s military", "KORMIL", "KOR", "MIL")]
    [InlineData("AP", "USAMED", "USA", "MED")]
    public void AnnotateLinksTheSeedActors(string text, string code, string country, string sector)
    {
        var a = First(text);
        Assert.Equal(code, a.GetProperty("code").GetString());
        Assert.Equal(country, a.GetProperty("country").GetString());
        Assert.Equal(sector, a.GetProperty("sector").GetString());
        var (t, _, _) = Seed.Value;
        Assert.Equal(text, t[a.GetProperty("start").GetInt32()..a.GetProperty("end").GetInt32()]);
    }

    [Fact]
    public void KirbyMentionsShareAChainAndOthersAreRight()
    {
        var chain = First("John Kirby").GetProperty("chain").GetInt32();
        foreach (var t in new[] { "Kirby", "he", "The National Security Council spokesperson" })
        {
            Assert.Equal("john-kirby", First(t).GetProperty("actor_id").GetString());
            Assert.Equal(chain, First(t).GetProperty("chain").GetInt32());
        }
        Assert.All(Seed.Value.Actors.Where(a => a.GetProperty("text").GetString() == "Pyongyang"), a => Assert.Equal("PRK", a.GetProperty("country").GetString()));
        Assert.Equal("PRK", First("the North").GetProperty("code").GetString());
        var wagner = Seed.Value.Actors.First(a => a.GetProperty("text").GetString()!.Contains("Wagner Group", StringComparison.Ordinal));
        Assert.Equal("RUS", wagner.GetProperty("country").GetString());
        Assert.Equal("group", wagner.GetProperty("kind").GetString());
        Assert.Equal("media", First("AP").GetProperty("kind").GetString());
        Assert.StartsWith("kb@sha256:", Seed.Value.Models.GetProperty("kb").GetString(), StringComparison.Ordinal);
        // The code's own rules are part of the version, so that reprocess finds documents an older linker or coder made.
        Assert.EndsWith("+" + Sitrep.Actors.Linking.ActorLinker.Version, Seed.Value.Models.GetProperty("kb").GetString(), StringComparison.Ordinal);
        Assert.Matches(@"^sitrep-event-patterns-\d+@sha256:[0-9a-f]{64}\+coder/\d+$", Seed.Value.Models.GetProperty("events").GetString());
        // So is the attribution cue lexicon, which decides modality and chains.
        Assert.Matches(@"^attribution@sha256:[0-9a-f]{64}$", Seed.Value.Models.GetProperty("attribution").GetString());
    }

    [Fact]
    public void ActorsSearchShowsCodesAtADate()
    {
        var (exit, stdout, stderr) = TestEnvironment.Run("actors", "Shoigu", "--date", "2023-08-30", "--json");
        Assert.True(exit == 0, stderr);
        var hit = JsonDocument.Parse(stdout).RootElement.EnumerateArray().First();
        Assert.Equal("sergei-shoigu", hit.GetProperty("id").GetString());
        Assert.Equal("RUSGOV", hit.GetProperty("code").GetString());
        Assert.Contains(hit.GetProperty("roles").EnumerateArray(), r => r.GetProperty("current").GetBoolean());
        var (exit2, _, _) = TestEnvironment.Run("actors", "Nobody Atall Xyzzy");
        Assert.Equal(3, exit2);
    }

    [Fact]
    public void AHouseCommitteeIsTheLegislatures()
    {
        // "House Oversight Committee" was an NGO; NER names it, and only the whole pipeline (with NER) reaches the rule.
        var path = Path.Combine(Path.GetTempPath(), "sitrep-house-" + Guid.NewGuid().ToString("N")[..8] + ".txt");
        File.WriteAllText(path, "WASHINGTON — President Joe Biden met members of the House Oversight Committee on Tuesday. "
            + "The committee said it would release the transcripts.\n");
        try
        {
            var (exit, stdout, stderr) = TestEnvironment.Run("annotate", path, "--compact");
            Assert.True(exit == 0, stderr);
            var actors = JsonDocument.Parse(stdout).RootElement.GetProperty("actors").EnumerateArray().ToList();
            var committee = actors.First(a => a.GetProperty("text").GetString()!.Contains("House Oversight Committee", StringComparison.Ordinal));
            Assert.Equal("USALEG", committee.GetProperty("code").GetString());
            Assert.DoesNotContain(actors, a => a.GetProperty("code").GetString() == "NGO");
        }
        finally { File.Delete(path); }
    }
}
