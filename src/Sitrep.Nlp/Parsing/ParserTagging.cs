using Sitrep.Nlp.Conllu;
using Sitrep.Nlp.Tagging;

namespace Sitrep.Nlp.Parsing;

/// <summary>Replaces treebank tags by a tagger's predictions: the parser is evaluated (and may be trained) on the tags it will see in use.</summary>
public static class ParserTagging
{
    public static List<ParserSentence> WithPredictedTags(IReadOnlyList<ParserSentence> sentences, PosTagger tagger)
    {
        var result = new List<ParserSentence>(sentences.Count);
        foreach (var s in sentences)
        {
            var classes = tagger.Tag(s.Forms);
            var upos = new string?[s.Count];
            var xpos = new string?[s.Count];
            for (int i = 0; i < s.Count; i++) { upos[i] = tagger.UposOf(classes[i]); xpos[i] = tagger.XposOf(classes[i]); }
            result.Add(s.WithTags(upos, xpos));
        }
        return result;
    }

    /// <summary>
    /// Jackknifed tags for training: sentence i is tagged by a tagger trained on the folds without i (fold = i mod
    /// <paramref name="folds"/>), so the parser learns from tags as wrong as the ones it will meet, not from gold.
    /// </summary>
    public static List<ParserSentence> Jackknife(IReadOnlyList<ConlluSentence> train, int folds, PosTrainingOptions options, Action<string>? log = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(folds, 2);
        var sentences = train.Where(s => s.Tokens.Count > 0).ToList();
        var result = new ParserSentence[sentences.Count];
        for (int k = 0; k < folds; k++)
        {
            var rest = sentences.Where((_, i) => i % folds != k).ToList();
            var tagger = new PosTagger(PosTrainer.Train(rest, null, options));
            long n = 0, ok = 0;
            for (int i = k; i < sentences.Count; i += folds)
            {
                var gold = ParserSentence.FromConllu(sentences[i]);
                var tagged = WithPredictedTags([gold], tagger)[0];
                result[i] = tagged;
                for (int j = 0; j < gold.Count; j++) { n++; if (string.Equals(gold.Upos[j], tagged.Upos[j], StringComparison.Ordinal)) ok++; }
            }
            log?.Invoke(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"jackknife fold {k + 1}/{folds}: UPOS {100.0 * ok / Math.Max(n, 1):0.00} on the held-out fold"));
        }
        return [.. result];
    }

    /// <summary>Share of words whose predicted UPOS equals the gold one (to report beside parser scores).</summary>
    public static double UposAccuracy(IReadOnlyList<ParserSentence> gold, IReadOnlyList<ParserSentence> predicted)
    {
        long n = 0, ok = 0;
        for (int i = 0; i < gold.Count; i++)
            for (int j = 0; j < gold[i].Count; j++) { n++; if (string.Equals(gold[i].Upos[j], predicted[i].Upos[j], StringComparison.Ordinal)) ok++; }
        return n == 0 ? 0 : 100.0 * ok / n;
    }
}
