using System.Reflection;

namespace Sitrep.Time.Tests;

/// <summary>Finds the repository (from the SitrepRepoRoot assembly metadata, else by walking up to Sitrep.slnx) and ../shared beside it.</summary>
internal static class TestPaths
{
    public static string RepoRoot { get; } = FindRoot();

    public static string Shared(params string[] parts)
    {
        var path = Path.GetFullPath(Path.Combine([RepoRoot, "..", "shared", .. parts]));
        if (!File.Exists(path) && !Directory.Exists(path))
            throw new FileNotFoundException($"Test data missing: {path} (expected ../shared beside the repository at {RepoRoot}).", path);
        return path;
    }

    private static string FindRoot()
    {
        var meta = typeof(TestPaths).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "SitrepRepoRoot")?.Value;
        if (!string.IsNullOrEmpty(meta) && File.Exists(Path.Combine(meta, "Sitrep.slnx"))) return Path.GetFullPath(meta);
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Sitrep.slnx"))) return dir.FullName;
        throw new DirectoryNotFoundException("Cannot find the repository root: no SitrepRepoRoot metadata and no Sitrep.slnx above " + AppContext.BaseDirectory);
    }
}
