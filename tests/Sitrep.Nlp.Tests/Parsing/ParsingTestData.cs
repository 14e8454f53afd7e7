using System.Reflection;

namespace Sitrep.Nlp.Tests.Parsing;

/// <summary>Finds the repository and the shared corpora beside it (../shared), which the parser tests read but never copy.</summary>
internal static class ParsingTestData
{
    public static string Root => RepoPaths.Root;

    public static string Shared(params string[] parts) => RepoPaths.Shared(parts);

    public static string Repo(params string[] parts) => Path.Combine([Root, .. parts]);

    private static readonly Lazy<List<Sitrep.Nlp.Parsing.ParserSentence>> s_train = new(() =>
        Sitrep.Nlp.Parsing.ParserSentence.ReadConllu(Shared("data", "ud", "en_ewt-ud-train.conllu")));
    private static readonly Lazy<List<Sitrep.Nlp.Parsing.ParserSentence>> s_dev = new(() =>
        Sitrep.Nlp.Parsing.ParserSentence.ReadConllu(Shared("data", "ud", "en_ewt-ud-dev.conllu")));

    public static List<Sitrep.Nlp.Parsing.ParserSentence> EwtTrain => s_train.Value;
    public static List<Sitrep.Nlp.Parsing.ParserSentence> EwtDev => s_dev.Value;
}
