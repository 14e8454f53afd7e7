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

    public static string RepoRoot { get; } = FindRoot();

    public static string Shared(params string[] parts)
    {
        var path = Path.GetFullPath(Path.Combine([RepoRoot, "..", "shared", .. parts]));
        if (!System.IO.File.Exists(path) && !System.IO.Directory.Exists(path))
            throw new FileNotFoundException($"Shared test data not found at {path}; the golden tests need ../shared beside the repository.");
        return path;
    }

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

    private static string FindRoot()
    {
        var fromBuild = typeof(TestEnvironment).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().FirstOrDefault(a => a.Key == "SitrepRepoRoot")?.Value;
        if (fromBuild is not null && System.IO.File.Exists(Path.Combine(fromBuild, "Sitrep.slnx"))) return Path.GetFullPath(fromBuild);
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (System.IO.File.Exists(Path.Combine(dir.FullName, "Sitrep.slnx"))) return dir.FullName;
        throw new DirectoryNotFoundException("Repository root (Sitrep.slnx) not found.");
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { System.IO.Directory.Delete(Directory, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
