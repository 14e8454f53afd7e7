using System.Diagnostics;
using System.Text.Json;

namespace Sitrep.Cli.Tests;

/// <summary>
/// "-" reads standard input, as the README says: through the real process, since the command-line parser took a lone
/// "-" for a nameless option and refused it ("Option does not have a name").
/// </summary>
public sealed class StandardInputTests : IDisposable
{
    private readonly TestEnvironment _env = new();

    public void Dispose() => _env.Dispose();

    /// <summary>Runs the built sitrep with the seed article on standard input.</summary>
    private static async Task<(int Exit, string Out, string Err)> RunWithSeedOnStdin(params string[] args)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "sitrep.dll");
        Assert.True(File.Exists(dll), dll);
        var start = new ProcessStartInfo("dotnet") { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(dll);
        foreach (var a in args) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.StandardInput.WriteAsync(await File.ReadAllTextAsync(TestEnvironment.Shared("samples", "seed-article.txt")));
        process.StandardInput.Close();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout, await stderr);
    }

    [Fact]
    public async Task Annotate_reads_the_article_from_standard_input()
    {
        var (exit, stdout, stderr) = await RunWithSeedOnStdin("annotate", "-", "--compact");
        Assert.True(exit == 0, stderr);
        using var json = JsonDocument.Parse(stdout);
        Assert.Equal("-", json.RootElement.GetProperty("document").GetProperty("origin").GetString());
        Assert.Equal("2023-08-30", json.RootElement.GetProperty("document").GetProperty("published").GetString());
        Assert.True(json.RootElement.GetProperty("events").GetArrayLength() >= 10);
    }

    [Fact]
    public async Task Ingest_stores_the_article_from_standard_input_and_records_the_dash()
    {
        var (exit, _, stderr) = await RunWithSeedOnStdin("ingest", "-", "--db", _env.Db, "--no-progress");
        Assert.True(exit == 0, stderr);
        using var store = Storage.SitrepStore.Open(_env.Db);
        Assert.Equal("-", Assert.Single(store.ListDocuments(new Storage.DocumentQuery())).Origin);
        Assert.Equal("-", Assert.Single(store.ListIngestRuns()).Arguments);
    }
}
