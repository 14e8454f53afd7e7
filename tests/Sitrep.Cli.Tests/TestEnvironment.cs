using System.Reflection;

namespace Sitrep.Cli.Tests;

/// <summary>Repository paths, a scratch folder per test, and in-process CLI runs with captured output.</summary>
public sealed class TestEnvironment : IDisposable
{
    public TestEnvironment()
    {
        Directory = Path.Combine(Path.GetTempPath(), "sitrep-tests", Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(Directory);
    }

    public string Directory { get; }
    public string Db => Path.Combine(Directory, "test.db");

    public string File(string name, byte[] bytes)
    {
        var path = Path.Combine(Directory, name);
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        System.IO.File.WriteAllBytes(path, bytes);
        return path;
    }

    public static string RepoRoot => RepoPaths.Root;

    /// <summary>The three-outlet story (wire, rewrite, update) as a JSON Lines file (url, site, published, title, text) in this folder.</summary>
    public string StoryFile(string name = "story.jsonl")
    {
        var lines = new[] { "wire", "rewrite", "update" }.Select(Sitrep.Storage.Tests.StoryArticle.Load).Select(a => System.Text.Json.JsonSerializer.Serialize(new Dictionary<string, string>
        {
            ["url"] = a.Url, ["site"] = a.Site, ["published"] = a.Published, ["title"] = a.Title, ["text"] = a.Body,
        }));
        return File(name, System.Text.Encoding.UTF8.GetBytes(string.Join('\n', lines) + "\n"));
    }

    public static string Shared(params string[] parts) => RepoPaths.Shared(parts);

    /// <summary>Runs the CLI in-process and returns its exit code and standard output.</summary>
    public static (int Exit, string Out, string Err) Run(params string[] args)
    {
        var oldOut = Console.Out;
        var oldErr = Console.Error;
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        try
        {
            Console.SetOut(stdout);
            Console.SetError(stderr);
            int exit = Program.Run(args);
            return (exit, stdout.ToString(), stderr.ToString());
        }
        finally
        {
            Console.SetOut(oldOut);
            Console.SetError(oldErr);
        }
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { System.IO.Directory.Delete(Directory, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
