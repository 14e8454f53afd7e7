namespace Sitrep.Nlp.Ner;

/// <summary>Counts and P/R/F1 (percentages) for one type or overall.</summary>
public sealed record NerTypeScore(string Type, int Gold, int Predicted, int Correct)
{
    public double Precision => Predicted == 0 ? 0 : 100.0 * Correct / Predicted;
    public double Recall => Gold == 0 ? 0 : 100.0 * Correct / Gold;
    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);
}

public sealed record NerScores(NerTypeScore Overall, IReadOnlyList<NerTypeScore> PerType, int Sentences, int Words, double? TokensPerSecond = null);

/// <summary>
/// Exact-span micro P/R/F1 in the CoNLL convention: a predicted mention counts only if its start, end and type match a gold
/// mention. Finer predicted types are mapped to the gold scheme first: GPE → LOC, and NORP is dropped (nationalities are not
/// entities in CoNLL or UNER).
/// </summary>
public static class NerEvaluation
{
    public static string ToCoarse(string type) => type switch { NerTagger.Gpe => "LOC", _ => type };

    /// <summary>Tags <paramref name="gold"/> document by document (runs of sentences with the same <see cref="NerSentence.Document"/>; a sentence without one is its own document) and scores it.</summary>
    public static NerScores Score(NerTagger tagger, IReadOnlyList<NerSentence> gold) => Score(tagger, gold, out _);

    /// <summary>As <see cref="Score(NerTagger, IReadOnlyList{NerSentence})"/>, also giving the mentions predicted for each sentence.</summary>
    public static NerScores Score(NerTagger tagger, IReadOnlyList<NerSentence> gold, out List<NerSpan>[] predicted)
    {
        long words = 0;
        var sw = System.Diagnostics.Stopwatch.StartNew();
        predicted = Tag(tagger, gold);
        foreach (var s in gold) words += s.Forms.Length;
        double seconds = sw.Elapsed.TotalSeconds;
        var scores = Score(gold, predicted);
        return scores with { TokensPerSecond = seconds > 0 ? words / seconds : null };
    }

    /// <summary>The tagger's mentions for each sentence, tagged document by document.</summary>
    public static List<NerSpan>[] Tag(NerTagger tagger, IReadOnlyList<NerSentence> sentences)
    {
        var predicted = new List<NerSpan>[sentences.Count];
        for (int i = 0; i < sentences.Count;)
        {
            int j = i + 1;
            if (sentences[i].Document is { } id)
                while (j < sentences.Count && sentences[j].Document == id) j++;
            var doc = tagger.TagDocument(sentences.Skip(i).Take(j - i).ToList());
            doc.CopyTo(predicted, i);
            i = j;
        }
        return predicted;
    }

    public static NerScores Score(IReadOnlyList<NerSentence> gold, IReadOnlyList<IReadOnlyList<NerSpan>> predicted)
    {
        var g = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var p = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var c = new SortedDictionary<string, int>(StringComparer.Ordinal);
        int words = 0;
        for (int i = 0; i < gold.Count; i++)
        {
            words += gold[i].Forms.Length;
            var goldSet = new HashSet<NerSpan>(gold[i].Spans);
            foreach (var s in gold[i].Spans) g[s.Type] = g.GetValueOrDefault(s.Type) + 1;
            foreach (var s0 in predicted[i])
            {
                if (s0.Type == NerTagger.Norp) continue;
                var s = s0 with { Type = ToCoarse(s0.Type) };
                p[s.Type] = p.GetValueOrDefault(s.Type) + 1;
                if (goldSet.Contains(s)) c[s.Type] = c.GetValueOrDefault(s.Type) + 1;
            }
        }
        var types = g.Keys.Union(p.Keys).Order(StringComparer.Ordinal).ToList();
        var per = types.Select(t => new NerTypeScore(t, g.GetValueOrDefault(t), p.GetValueOrDefault(t), c.GetValueOrDefault(t))).ToList();
        var overall = new NerTypeScore("overall", per.Sum(x => x.Gold), per.Sum(x => x.Predicted), per.Sum(x => x.Correct));
        return new NerScores(overall, per, gold.Count, words);
    }
}
