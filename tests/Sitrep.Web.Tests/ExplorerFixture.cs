using System.Net.Http;
using System.Text.Json;
using Sitrep.Storage;
using Sitrep.Web;

namespace Sitrep.Web.Tests;

/// <summary>
/// A store filled by <c>sitrep ingest</c> from the seed article (the real pipeline on real text) and an empty file, and the explorer
/// serving it on a free port of this machine.
/// </summary>
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
        // The seed, and an empty file that fails (SR1001) as a bad input of a batch does: exit 2, the seed stored.
        var empty = Path.Combine(_dir, "empty.txt");
        File.WriteAllBytes(empty, []);
        var (exit, _, err) = Cli("ingest", RepoPaths.Shared("samples", "seed-article.txt"), empty, "--db", Db, "--no-progress");
        Assert.True(exit == 2, err);
        _store = SitrepStore.Open(Db);
        _server = await ExplorerServer.StartAsync(_store, "127.0.0.1", 0);
        Http.BaseAddress = new Uri(_server.Urls[0]);
    }

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
