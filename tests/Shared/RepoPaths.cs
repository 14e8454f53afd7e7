using System.Reflection;

namespace Sitrep.Testing;

/// <summary>
/// Locates the repository and the shared data beside it (../shared), which golden tests and benchmarks read
/// but never copy. Compiled into every test project and the benchmarks (see Directory.Build.props).
/// </summary>
public static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    /// <summary>A path under ../shared; fails with a clear message (never skips) when the data is missing.</summary>
    public static string Shared(params string[] parts)
    {
        var path = Path.GetFullPath(Path.Combine([Root, "..", "shared", .. parts]));
        if (!File.Exists(path) && !Directory.Exists(path))
            throw new FileNotFoundException($"Shared test data not found at {path}. Sitrep's golden tests need ../shared beside the repository.");
        return path;
    }

    public static string Repo(params string[] parts) => Path.Combine([Root, .. parts]);

    private static string FindRoot()
    {
        // Set at build time, so tests built with --artifacts-path elsewhere still find the repository.
        var fromBuild = Assembly.GetExecutingAssembly().GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "SitrepRepoRoot")?.Value;
        if (fromBuild is not null && File.Exists(Path.Combine(fromBuild, "Sitrep.slnx"))) return Path.GetFullPath(fromBuild);
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Sitrep.slnx"))) return dir.FullName;
        throw new DirectoryNotFoundException("Could not find the repository root (Sitrep.slnx) above " + AppContext.BaseDirectory);
    }
}
