using System.Net;
using System.Text.Json;

namespace Sitrep.Web.Tests;

/// <summary>The explorer's API and page over a store made from the seed article.</summary>
[Collection(ExplorerCollection.Name)]
public sealed class ExplorerServerTests(ExplorerFixture fx)
{
    [Fact]
    public async Task The_page_and_its_files_come_from_the_program_and_load_nothing_from_elsewhere()
    {
        foreach (var (path, type) in new[] { ("/", "text/html"), ("/explorer-core.js", "text/javascript"), ("/app.js", "text/javascript"), ("/app.css", "text/css") })
        {
            using var r = await fx.Http.GetAsync(path);
            Assert.Equal(HttpStatusCode.OK, r.StatusCode);
            Assert.Equal(type, r.Content.Headers.ContentType?.MediaType);
            Assert.Contains("default-src 'self'", r.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
            var body = await r.Content.ReadAsStringAsync();
            Assert.DoesNotContain("src=\"http", body, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("href=\"http", body, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("innerHTML", body, StringComparison.Ordinal); // store text goes in as text only
        }
        var page = await fx.Http.GetStringAsync("/");
        // At the end of the body, in order: the page's logic before the page that uses it.
        Assert.Contains("<script src=\"explorer-core.js\"></script>\n<script src=\"app.js\"></script>\n</body>", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Events_are_those_of_the_cli_with_the_same_names_paged_with_their_total()
    {
        var api = await fx.Get("/api/events?dyad=RUS-PRK&limit=1000");
        var (exit, stdout, err) = ExplorerFixture.Cli("events", "--db", fx.Db, "--dyad", "RUS-PRK", "--json", "--limit", "1000");
        Assert.True(exit == 0, err);
        using var cli = JsonDocument.Parse(stdout);
        var events = api.GetProperty("events").EnumerateArray().ToList();
        Assert.NotEmpty(events);
        Assert.Equal(cli.RootElement.GetArrayLength(), api.GetProperty("total").GetInt32());
        Assert.Equal(cli.RootElement.EnumerateArray().Select(Compact), events.Select(Compact));

        var second = await fx.Get("/api/events?dyad=RUS-PRK&limit=1&offset=1");
        Assert.Equal(api.GetProperty("total").GetInt32(), second.GetProperty("total").GetInt32());
        Assert.Equal(events[1].GetProperty("id").GetInt64(), Assert.Single(second.GetProperty("events").EnumerateArray()).GetProperty("id").GetInt64());
    }

    [Fact]
    public async Task An_alleged_event_shows_its_mentions_and_the_denials_that_name_it()
    {
        // "Last year, the US said Russia's Wagner Group had taken delivery of an arms shipment from North Korea …
        //  Both Russia and North Korea denied the US allegations."
        var page = await fx.Get("/api/events?actor=PRK&cameo=07");
        var delivery = Assert.Single(page.GetProperty("events").EnumerateArray(), e => e.GetProperty("target").GetProperty("code").GetString() == "RUSUAF");
        var detail = await fx.Get("/api/events/" + delivery.GetProperty("id").GetInt64());
        var e = detail.GetProperty("event");
        Assert.Equal("alleged", e.GetProperty("modality").GetString());
        var mention = Assert.Single(e.GetProperty("mentions").EnumerateArray());
        Assert.Contains("Wagner Group had taken delivery", mention.GetProperty("evidence").GetString(), StringComparison.Ordinal);
        Assert.Contains("the US said", mention.GetProperty("attribution").GetString(), StringComparison.Ordinal);
        var claims = detail.GetProperty("claims").EnumerateArray().ToList();
        Assert.Contains(claims, c => c.GetProperty("stance").GetString() == "alleged" && c.GetProperty("claimant").GetProperty("code").GetString() == "USA");
        var denials = claims.Where(c => c.GetProperty("stance").GetString() == "denied").Select(c => c.GetProperty("claimant").GetProperty("code").GetString()).ToList();
        Assert.Equal(["PRK", "RUS"], denials.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_document_comes_with_the_offsets_of_its_events_in_its_text()
    {
        var first = (await fx.Get("/api/events?limit=1")).GetProperty("events")[0];
        var doc = await fx.Get("/api/documents/" + first.GetProperty("document").GetString());
        var text = doc.GetProperty("text").GetString()!;
        Assert.StartsWith("The White House said it has new intelligence inputs", text, StringComparison.Ordinal);
        var events = doc.GetProperty("events").EnumerateArray().ToList();
        Assert.True(events.Count >= 15, $"{events.Count} events");
        string Slice(JsonElement span) => text[span.GetProperty("start").GetInt32()..span.GetProperty("end").GetInt32()];
        var starts = events.Select(e => e.GetProperty("trigger").GetProperty("start").GetInt32()).ToList();
        Assert.Equal(starts.Order(), starts); // in text order
        var denials = events.Where(e => e.GetProperty("cameo").GetString() == "016").ToList();
        Assert.Equal(2, denials.Count);
        Assert.All(denials, d => Assert.Equal("denied", Slice(d.GetProperty("trigger"))));
        Assert.Contains(denials, d => Slice(d.GetProperty("source")) == "Russia");
        Assert.Contains(denials, d => Slice(d.GetProperty("source")) == "North Korea");
        var launch = Assert.Single(events, e => Slice(e.GetProperty("trigger")) == "launched");
        Assert.Equal("PRK", launch.GetProperty("source").GetProperty("code").GetString());
    }

    [Fact]
    public async Task Series_claims_actors_and_summary_answer_in_the_cli_names()
    {
        var series = await fx.Get("/api/series?dyad=RUS-PRK&by=month");
        Assert.Equal("month", series.GetProperty("by").GetString());
        var months = series.GetProperty("points").EnumerateArray().Select(p => p.GetProperty("period").GetString()).ToList();
        Assert.Contains("2023-03", months);
        Assert.Contains("2023-08", months);
        Assert.True(series.GetProperty("points")[0].TryGetProperty("verbal_cooperation", out _));

        var denied = await fx.Get("/api/claims?stance=denied");
        Assert.Equal(2, denied.GetArrayLength());
        var (_, cliClaims, _) = ExplorerFixture.Cli("claims", "--db", fx.Db, "--stance", "denied", "--json");
        using (var cli = JsonDocument.Parse(cliClaims))
            Assert.Equal(cli.RootElement.EnumerateArray().Select(Compact), denied.EnumerateArray().Select(Compact));

        var actors = await fx.Get("/api/actors?limit=5");
        Assert.InRange(actors.GetArrayLength(), 2, 5);
        Assert.Contains(actors.EnumerateArray(), a => a.GetProperty("code").GetString() == "RUS" || a.GetProperty("code").GetString() == "PRK");

        var summary = await fx.Get("/api/summary");
        Assert.Equal(2, summary.GetProperty("documents").GetInt32());
        Assert.True(summary.GetProperty("merged_events").GetInt32() >= 10);
    }

    [Fact]
    public async Task Documents_and_failed_inputs_are_listed_as_the_cli_lists_them()
    {
        var docs = await fx.Get("/api/documents");
        var (_, cliDocs, _) = ExplorerFixture.Cli("docs", "--db", fx.Db, "--json");
        using (var cli = JsonDocument.Parse(cliDocs))
            Assert.Equal(cli.RootElement.EnumerateArray().Select(Compact), docs.EnumerateArray().Select(Compact));
        Assert.Equal(["2023-08-30", "2023-09-01"], docs.EnumerateArray().Select(d => d.GetProperty("published").GetString()![..10]).Order(StringComparer.Ordinal));
        Assert.Empty((await fx.Get("/api/documents?contains=no-such-phrase-anywhere")).EnumerateArray());
        Assert.Single((await fx.Get("/api/documents?contains=Wagner")).EnumerateArray());

        var failed = Assert.Single((await fx.Get("/api/errors")).EnumerateArray());
        Assert.Equal("SR1001", failed.GetProperty("code").GetString());
        Assert.EndsWith("empty.txt", failed.GetProperty("origin").GetString(), StringComparison.Ordinal);
        Assert.Equal(1, (await fx.Get("/api/summary")).GetProperty("errors").GetInt32());

        // The runs, as `sitrep runs --json` lists them: the fixture's one ingest, finished, with its new document and failure.
        var runs = await fx.Get("/api/runs");
        var (_, cliRuns, _) = ExplorerFixture.Cli("runs", "--db", fx.Db, "--json");
        using (var cli = JsonDocument.Parse(cliRuns))
            Assert.Equal(cli.RootElement.EnumerateArray().Select(Compact), runs.EnumerateArray().Select(Compact));
        var run = Assert.Single(runs.EnumerateArray());
        Assert.Equal("finished", run.GetProperty("status").GetString());
        Assert.Equal(2, run.GetProperty("counts").GetProperty("new").GetInt32());
        Assert.Equal(1, run.GetProperty("counts").GetProperty("failed").GetInt32());
        Assert.Equal(failed.GetProperty("run").GetInt64(), run.GetProperty("run").GetInt64());
    }

    /// <summary>The same JSON however it was indented.</summary>
    private static string Compact(JsonElement e) => JsonSerializer.Serialize(e);

    [Theory]
    [InlineData("/api/events?quad=9", HttpStatusCode.BadRequest, "quad must be 1, 2, 3 or 4.")]
    [InlineData("/api/events?from=2023-13-01", HttpStatusCode.BadRequest, "from must be YYYY-MM-DD.")]
    [InlineData("/api/events?dyad=RUS", HttpStatusCode.BadRequest, "dyad must be SOURCE-TARGET, e.g. RUS-PRK.")]
    [InlineData("/api/events?limit=5000", HttpStatusCode.BadRequest, "limit must be 1 to 1000.")]
    [InlineData("/api/series?by=year", HttpStatusCode.BadRequest, "by must be day, week or month.")]
    [InlineData("/api/claims?stance=maybe", HttpStatusCode.BadRequest, "stance must be one of asserted, reported, alleged, denied, intended, requested, hypothetical, negated.")]
    [InlineData("/api/events/424242", HttpStatusCode.NotFound, "no merged event 424242")]
    [InlineData("/api/documents/nope", HttpStatusCode.NotFound, "no document nope")]
    [InlineData("/api/nothing", HttpStatusCode.NotFound, "no such page or API path")]
    public async Task Bad_parameters_and_unknown_ids_answer_with_a_status_and_a_message(string path, HttpStatusCode status, string message)
    {
        using var r = await fx.Http.GetAsync(path);
        Assert.Equal(status, r.StatusCode);
        using var body = JsonDocument.Parse(await r.Content.ReadAsStringAsync());
        Assert.Equal(message, body.RootElement.GetProperty("error").GetString());
    }

    [Fact]
    public async Task Only_reading_is_allowed()
    {
        using var r = await fx.Http.PostAsync("/api/events", new StringContent("{}"));
        Assert.True(r.StatusCode is HttpStatusCode.MethodNotAllowed or HttpStatusCode.NotFound, r.StatusCode.ToString());
        Assert.Equal(2, (await fx.Get("/api/summary")).GetProperty("documents").GetInt32());
    }

    [Fact]
    public void Serve_needs_an_existing_store_and_a_valid_port()
    {
        var (exit, _, err) = ExplorerFixture.Cli("serve", "--db", Path.Combine(Path.GetTempPath(), "no-such-sitrep-store.db"));
        Assert.Equal(3, exit);
        Assert.Contains("no store at", err, StringComparison.Ordinal);
        (exit, _, _) = ExplorerFixture.Cli("serve", "--db", fx.Db, "--port", "70000");
        Assert.NotEqual(0, exit);
    }
}
