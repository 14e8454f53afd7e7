using System.Reflection;

namespace Sitrep.Time.Tests;

/// <summary>Finds the repository (from the SitrepRepoRoot assembly metadata, else by walking up to Sitrep.slnx) and ../shared beside it.</summary>
internal static class TestPaths
{
    public static string RepoRoot => RepoPaths.Root;

    public static string Shared(params string[] parts) => RepoPaths.Shared(parts);
}
