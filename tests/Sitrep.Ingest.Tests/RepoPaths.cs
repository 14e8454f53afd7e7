namespace Sitrep.Ingest.Tests;

/// <summary>Locates the repository and the shared data beside it (../shared), which golden tests read but never copy.</summary>
public static class RepoPaths
{
    public static string Root { get; } = FindRoot();

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
        var fromBuild = typeof(RepoPaths).Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyMetadataAttribute), false)
            .Cast<System.Reflection.AssemblyMetadataAttribute>().FirstOrDefault(a => a.Key == "SitrepRepoRoot")?.Value;
        if (fromBuild is not null && File.Exists(Path.Combine(fromBuild, "Sitrep.slnx"))) return Path.GetFullPath(fromBuild);
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Sitrep.slnx"))) return dir.FullName;
        throw new DirectoryNotFoundException("Could not find the repository root (Sitrep.slnx) above " + AppContext.BaseDirectory);
    }
}
