using System.Reflection;

namespace Sitrep.Nlp.Tests;

/// <summary>Finds the repository and the shared corpora beside it (../shared). Tests that need the corpora fail, never skip, without them.</summary>
internal static class NlpTestData
{
    public static string Root { get; } = FindRoot();

    public static string Shared(params string[] parts)
    {
        var path = Path.GetFullPath(Path.Combine([Root, "..", "shared", .. parts]));
        if (!File.Exists(path) && !Directory.Exists(path))
            throw new FileNotFoundException($"Shared data not found at {path}. These tests read ../shared/data/ud beside the repository.");
        return path;
    }

    public static string Repo(params string[] parts) => Path.Combine([Root, .. parts]);

    public static string Ud(string file) => Shared("data", "ud", file);

    private static string FindRoot()
    {
        var fromBuild = typeof(NlpTestData).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "SitrepRepoRoot")?.Value;
        if (fromBuild is not null && File.Exists(Path.Combine(fromBuild, "Sitrep.slnx"))) return Path.GetFullPath(fromBuild);
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Sitrep.slnx"))) return dir.FullName;
        throw new DirectoryNotFoundException("Could not find the repository root (Sitrep.slnx) above " + AppContext.BaseDirectory);
    }
}
