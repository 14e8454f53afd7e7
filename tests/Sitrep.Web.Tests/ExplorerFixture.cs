using System.Net.Http;
using System.Text.Json;
using Sitrep.Storage;
using Sitrep.Web;

namespace Sitrep.Web.Tests;

/// <summary>
/// A store filled by <c>sitrep ingest</c> from the seed article (the real pipeline on real text), a page with markup in its
/// text and an empty file, and the explorer serving it on a free port of this machine. One instance serves the API tests
/// and the page tests.
/// </summary>
[CollectionDefinition(Name)]
public sealed class ExplorerCollection : ICollectionFixture<ExplorerFixture>
{
    public const string Name = "explorer";
}

public sealed class ExplorerFixture : IAsyncLifetime
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "sitrep-web-tests", Guid.NewGuid().ToString("N"));
    private SitrepStore? _store;
    private ExplorerServer? _server;

    public string Db => Path.Combine(_dir, "explorer.db");
    public HttpClient Http { get; } = new();

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_dir);
        // The seed; a page whose title and text hold markup, which the explorer must show as text; and an empty file
        // that fails (SR1001) as a bad input of a batch does: exit 2, the two articles stored.
        var hostile = Path.Combine(_dir, "hostile.html");
        File.WriteAllText(hostile, HostilePage);
        var empty = Path.Combine(_dir, "empty.txt");
        File.WriteAllBytes(empty, []);
        var (exit, _, err) = Cli("ingest", RepoPaths.Shared("samples", "seed-article.txt"), hostile, empty, "--db", Db, "--no-progress");
        Assert.True(exit == 2, err);
        _store = SitrepStore.Open(Db);
        _server = await ExplorerServer.StartAsync(_store, "127.0.0.1", 0);
        Http.BaseAddress = new Uri(_server.Urls[0]);
    }

    /// <summary>A news page whose title, text and canonical link carry script, escaped as a page quoting them would.</summary>
    public const string HostilePage = """
        <!doctype html>
        <html><head><meta charset="utf-8">
        <title>&lt;img src=x onerror="window.sitrepInjected=1"&gt; Protesters rally in Manila</title>
        <link rel="canonical" href="javascript:window.sitrepInjected=2">
        <meta property="article:published_time" content="2023-09-01T08:00:00Z">
        </head><body><article>
        <h1>&lt;img src=x onerror="window.sitrepInjected=1"&gt; Protesters rally in Manila</h1>
        <p>MANILA, Philippines (AP) — Thousands of protesters rallied in Manila on Friday against rising rice prices, police said.</p>
        <p>A banner read &lt;script&gt;window.sitrepInjected=3&lt;/script&gt; in large letters, and organizers said the slogan mocked the government's website.</p>
        <p>The Philippine government said it would meet the organizers next week to discuss the price of rice and other staples.</p>
        </article></body></html>
        """;

    /// <summary>The explorer's address, e.g. http://127.0.0.1:40123/.</summary>
    public Uri Url => Http.BaseAddress!;

    public async Task DisposeAsync()
    {
        Http.Dispose();
        if (_server is not null) await _server.DisposeAsync();
        _store?.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    public async Task<JsonElement> Get(string path)
    {
        using var r = await Http.GetAsync(path);
        var body = await r.Content.ReadAsStringAsync();
        Assert.True(r.IsSuccessStatusCode, $"{path}: {(int)r.StatusCode} {body}");
        Assert.Equal("application/json", r.Content.Headers.ContentType?.MediaType);
        using var doc = JsonDocument.Parse(body);
        return doc.RootElement.Clone();
    }

    /// <summary>Runs the CLI in-process with its output captured.</summary>
    public static (int Exit, string Out, string Err) Cli(params string[] args)
    {
        var (oldOut, oldErr) = (Console.Out, Console.Error);
        var (stdout, stderr) = (new StringWriter(), new StringWriter());
        try
        {
            Console.SetOut(stdout);
            Console.SetError(stderr);
            return (Sitrep.Cli.Program.Run(args), stdout.ToString(), stderr.ToString());
        }
        finally
        {
            Console.SetOut(oldOut);
            Console.SetError(oldErr);
        }
    }
}
