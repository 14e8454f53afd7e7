using System.Reflection;
using Sitrep.Actors.Kb;

namespace Sitrep.Actors.Tests;

/// <summary>The shipped KB (data/kb), loaded once for all tests.</summary>
public sealed class KbFixture
{
    public string Directory { get; }
    public KbLoadResult Load { get; }
    public KnowledgeBase Kb => Load.Kb;

    public KbFixture()
    {
        Directory = Path.Combine(RepoRoot(), "data", "kb");
        Load = KbLoader.Load(Directory);
    }

    public static string RepoRoot()
    {
        var fromBuild = typeof(KbFixture).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "SitrepRepoRoot")?.Value;
        if (fromBuild is not null && System.IO.Directory.Exists(Path.Combine(fromBuild, "data", "kb"))) return fromBuild;
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (System.IO.Directory.Exists(Path.Combine(dir.FullName, "data", "kb"))) return dir.FullName;
        throw new InvalidOperationException("Cannot find the repository's data/kb.");
    }
}

[CollectionDefinition("kb")]
public sealed class KbCollection : ICollectionFixture<KbFixture>;
