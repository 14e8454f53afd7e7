using System.Text.Json;

namespace Sitrep.Cli.Tests;

/// <summary>
/// The acceptance check of the event database: after <c>sitrep ingest</c> of the bundled samples and the seed article,
/// <c>sitrep events --dyad RUS-PRK</c>, <c>sitrep timeline PRK</c> and <c>sitrep claims</c> show the seed's events with
/// their dates and attributions. Needs the event coder in the analysis pipeline.
/// </summary>
public sealed class StoreSeedTests : IDisposable
{
    private readonly TestEnvironment _env = new();

    public void Dispose() => _env.Dispose();

    [Fact]
    public void Samples_and_seed_give_the_seeds_events_dates_and_attributions()
    {
        var (exit, _, stderr) = TestEnvironment.Run("ingest", Path.Combine(TestEnvironment.RepoRoot, "samples"), TestEnvironment.Shared("samples", "seed-article.txt"),
            "--db", _env.Db, "--no-progress");
        Assert.True(exit is 0 or 2, stderr);

        (exit, var stdout, stderr) = TestEnvironment.Run("events", "--db", _env.Db, "--dyad", "RUS-PRK", "--json", "--mentions");
        Assert.True(exit == 0, stderr);
        using (var json = JsonDocument.Parse(stdout))
        {
            var events = json.RootElement.EnumerateArray().ToList();
            Assert.NotEmpty(events);
            // Dated from the text: the seed's day (report), March 2023, last year (2022).
            var dates = events.Select(e => e.GetProperty("date").GetProperty("value").GetString()!).ToList();
            Assert.All(dates, d => Assert.Matches("^20(22|23)", d));
            Assert.Contains(events, e => e.GetProperty("mentions").EnumerateArray().Any(m => m.GetProperty("evidence").GetString()!.Contains("North Korea", StringComparison.Ordinal)));
        }

        (exit, stdout, stderr) = TestEnvironment.Run("timeline", "PRK", "--db", _env.Db, "--json");
        Assert.True(exit == 0, stderr);
        using (var json = JsonDocument.Parse(stdout))
        {
            var days = json.RootElement.EnumerateArray().Select(e => e.GetProperty("date").GetProperty("day").GetString()!).ToList();
            Assert.NotEmpty(days);
            Assert.Equal(days.Order(StringComparer.Ordinal), days);
            Assert.Contains(days, d => d.StartsWith("2023-08", StringComparison.Ordinal));
        }

        (exit, stdout, stderr) = TestEnvironment.Run("claims", "--db", _env.Db, "--json");
        Assert.True(exit == 0, stderr);
        using (var json = JsonDocument.Parse(stdout))
        {
            var claims = json.RootElement.EnumerateArray().ToList();
            // Who alleged it (the US, through the White House, Kirby, AP) and who denied it (Russia, North Korea).
            // "Both Russia and North Korea denied the US allegations": each denier's claim, about the alleged events.
            var denials = claims.Where(c => c.GetProperty("stance").GetString() == "denied").ToList();
            foreach (var denier in new[] { "RUS", "PRK" })
            {
                var d = Assert.Single(denials, c => c.GetProperty("claimant").GetProperty("code").GetString() == denier
                    && c.GetProperty("evidence").GetString()!.StartsWith("Both Russia and North Korea denied", StringComparison.Ordinal));
                Assert.Equal("016", d.GetProperty("cameo").GetString());
                Assert.NotEmpty(d.GetProperty("about").EnumerateArray());
            }
            Assert.Contains(claims, c => c.GetProperty("sources").GetString()!.Contains("said", StringComparison.Ordinal)
                || c.GetProperty("sources").GetString()!.Contains("reported", StringComparison.Ordinal));
        }
    }
}
