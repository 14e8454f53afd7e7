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

    /// <summary>
    /// Parses random sequences of words and tags (fixed seed) and checks that each parse is one tree: every word has a
    /// head in the sentence or the root, one word has the root (and only it the relation "root"), and no cycle. Random
    /// tags reach the configurations where the decoder's constraints leave little choice.
    /// </summary>
    public static void AssertEveryTagSequenceParsesIntoOneTree(Sitrep.Nlp.Parsing.DependencyParser parser, int sentences)
    {
        (string Upos, string Xpos, string Form)[] vocab =
        [
            ("NOUN", "NN", "government"), ("PROPN", "NNP", "Russia"), ("PART", "POS", "'s"), ("AUX", "VBD", "had"), ("AUX", "VBZ", "is"),
            ("VERB", "VBN", "sent"), ("VERB", "VBD", "said"), ("ADV", "RB", "already"), ("PART", "RB", "not"), ("ADP", "IN", "to"),
            ("DET", "DT", "the"), ("ADJ", "JJ", "new"), ("PUNCT", ",", ","), ("PUNCT", ".", "."), ("PRON", "PRP", "it"), ("CCONJ", "CC", "and"),
        ];
        var rng = new Random(7);
        var heads = new int[64];
        var rels = new string[64];
        for (int n = 0; n < sentences; n++)
        {
            int len = rng.Next(1, 41);
            var words = Enumerable.Range(0, len).Select(_ => vocab[rng.Next(vocab.Length)]).ToArray();
            parser.Parse(words.Select(w => w.Form).ToArray(), words.Select(w => (string?)w.Upos).ToArray(),
                words.Select(w => (string?)w.Xpos).ToArray(), heads, rels);
            Assert.Equal(1, heads.Take(len).Count(h => h == -1));
            for (int i = 0; i < len; i++)
            {
                Assert.InRange(heads[i], -1, len - 1);
                Assert.Equal(heads[i] == -1, rels[i] == "root");
                int steps = 0;
                for (int h = heads[i]; h >= 0; h = heads[h]) Assert.True(++steps <= len, "a cycle");
            }
        }
    }
}
