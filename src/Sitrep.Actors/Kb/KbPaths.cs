namespace Sitrep.Actors.Kb;

/// <summary>Finds the KB folder: an explicit path, else data/kb from the current folder or the executable's folder upwards.</summary>
public static class KbPaths
{
    public const string DefaultRelative = "data/kb";

    public static string? Find(string? explicitPath = null)
    {
        if (explicitPath is not null) return Directory.Exists(explicitPath) ? explicitPath : null;
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, DefaultRelative);
                if (File.Exists(Path.Combine(candidate, KbLoader.CameoFile))) return candidate;
            }
        return null;
    }
}
