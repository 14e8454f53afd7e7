using System.Reflection;

namespace Sitrep.Nlp.Tests.Parsing;

/// <summary>Finds the repository and the shared corpora beside it (../shared), which the parser tests read but never copy.</summary>
internal static class ParsingTestData
{
    public static string Root { get; } = FindRoot();

    public static string Shared(params string[] parts)
    {
        var path = Path.GetFullPath(Path.Combine([Root, "..", "shared", .. parts]));
        if (!File.Exists(path) && !Directory.Exists(path))
            throw new FileNotFoundException($"Shared data not found at {path}. The parser tests need ../shared/data/ud beside the repository.");
        return path;
    }

    public static string Repo(params string[] parts) => Path.Combine([Root, .. parts]);

    private static string FindRoot()
    {
        var fromBuild = typeof(ParsingTestData).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "SitrepRepoRoot")?.Value;
        if (fromBuild is not null && File.Exists(Path.Combine(fromBuild, "Sitrep.slnx"))) return Path.GetFullPath(fromBuild);
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Sitrep.slnx"))) return dir.FullName;
        throw new DirectoryNotFoundException("Could not find the repository root (Sitrep.slnx) above " + AppContext.BaseDirectory);
    }

    private static readonly Lazy<List<Sitrep.Nlp.Parsing.ParserSentence>> s_train = new(() =>
        Sitrep.Nlp.Parsing.ParserSentence.ReadConllu(Shared("data", "ud", "en_ewt-ud-train.conllu")));
    private static readonly Lazy<List<Sitrep.Nlp.Parsing.ParserSentence>> s_dev = new(() =>
        Sitrep.Nlp.Parsing.ParserSentence.ReadConllu(Shared("data", "ud", "en_ewt-ud-dev.conllu")));

    public static List<Sitrep.Nlp.Parsing.ParserSentence> EwtTrain => s_train.Value;
    public static List<Sitrep.Nlp.Parsing.ParserSentence> EwtDev => s_dev.Value;
}
