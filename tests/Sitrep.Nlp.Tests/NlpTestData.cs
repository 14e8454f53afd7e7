using System.Reflection;

namespace Sitrep.Nlp.Tests;

/// <summary>Finds the repository and the shared corpora beside it (../shared). Tests that need the corpora fail, never skip, without them.</summary>
internal static class NlpTestData
{
    public static string Root => RepoPaths.Root;

    public static string Shared(params string[] parts) => RepoPaths.Shared(parts);

    public static string Repo(params string[] parts) => Path.Combine([Root, .. parts]);

    public static string Ud(string file) => Shared("data", "ud", file);
}
