namespace Sitrep.Core;

/// <summary>
/// Finds Sitrep's shipped data (models, knowledge base): <c>$SITREP_DATA</c> if set, else the <c>data</c> folder
/// copied beside the program, else the repository's <c>data</c> folder above it. Nothing is downloaded.
/// </summary>
public static class SitrepData
{
    public static string Root { get; } = FindRoot();

    public static string File(params string[] parts)
    {
        var path = Path.Combine([Root, .. parts]);
        if (!System.IO.File.Exists(path))
            throw new FileNotFoundException($"Sitrep data file not found: {path}. Set SITREP_DATA to the folder holding models/ and kb/.", path);
        return path;
    }

    private static string FindRoot()
    {
        if (Environment.GetEnvironmentVariable("SITREP_DATA") is { Length: > 0 } env && Directory.Exists(env)) return Path.GetFullPath(env);
        var beside = Path.Combine(AppContext.BaseDirectory, "data");
        if (Directory.Exists(Path.Combine(beside, "models")) || Directory.Exists(Path.Combine(beside, "kb"))) return beside;
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "data");
            if (System.IO.File.Exists(Path.Combine(dir.FullName, "Sitrep.slnx")) && Directory.Exists(candidate)) return candidate;
        }
        return beside;
    }
}
