using Sitrep.Nlp.Conllu;

namespace Sitrep.Nlp.Parsing;

/// <summary>One sentence for parser training or scoring: words, tags and (for gold data) the tree. Heads are word indices, -1 for the root.</summary>
public sealed record ParserSentence(string[] Forms, string?[] Upos, string?[] Xpos, int[] Heads, string[] Deprels)
{
    public int Count => Forms.Length;

    /// <summary>The syntactic words of a CoNLL-U sentence (multiword token lines and empty nodes left out, as the CoNLL 2018 scorer's words).</summary>
    public static ParserSentence FromConllu(ConlluSentence s)
    {
        int n = s.Tokens.Count;
        var forms = new string[n]; var upos = new string?[n]; var xpos = new string?[n]; var heads = new int[n]; var rels = new string[n];
        for (int i = 0; i < n; i++)
        {
            var t = s.Tokens[i];
            forms[i] = t.Form;
            upos[i] = t.Upos == "_" ? null : t.Upos;
            xpos[i] = t.Xpos == "_" ? null : t.Xpos;
            heads[i] = t.Head <= 0 ? -1 : t.Head - 1;
            rels[i] = t.Deprel;
        }
        return new ParserSentence(forms, upos, xpos, heads, rels);
    }

    public static List<ParserSentence> ReadConllu(string path) => [.. ConlluReader.Read(path).Where(s => s.Tokens.Count > 0).Select(FromConllu)];

    /// <summary>A copy with other tags (for parsing with predicted tags).</summary>
    public ParserSentence WithTags(string?[] upos, string?[] xpos) => this with { Upos = upos, Xpos = xpos };
}

/// <summary>
/// Attachment scores as the CoNLL 2018 shared task computes them with gold tokenization: over all words, punctuation
/// included; UAS counts the right head, LAS the right head and the right universal relation (the part before ':',
/// so nmod:poss and nmod match).
/// </summary>
public sealed class DependencyScorer
{
    public long Words { get; private set; }
    public long HeadCorrect { get; private set; }
    public long LabelledCorrect { get; private set; }
    public double Uas => Words == 0 ? 0 : 100.0 * HeadCorrect / Words;
    public double Las => Words == 0 ? 0 : 100.0 * LabelledCorrect / Words;

    public void Add(ReadOnlySpan<int> goldHeads, ReadOnlySpan<string> goldRels, ReadOnlySpan<int> heads, ReadOnlySpan<string> rels)
    {
        if (goldHeads.Length != heads.Length || goldRels.Length != goldHeads.Length || rels.Length != heads.Length)
            throw new ArgumentException("Gold and predicted sentences have different numbers of words.");
        for (int i = 0; i < heads.Length; i++)
        {
            Words++;
            if (goldHeads[i] != heads[i]) continue;
            HeadCorrect++;
            if (Universal(goldRels[i]).SequenceEqual(Universal(rels[i]))) LabelledCorrect++;
        }
    }

    public static ReadOnlySpan<char> Universal(string deprel)
    {
        int colon = deprel.IndexOf(':', StringComparison.Ordinal);
        return colon < 0 ? deprel : deprel.AsSpan(0, colon);
    }
}
