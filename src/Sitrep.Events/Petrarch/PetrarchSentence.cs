using Sitrep.Nlp;

namespace Sitrep.Events.Petrarch;

/// <summary>
/// One parsed sentence as the PETRARCH coder reads it: tokens [From, To) of the document with upper-case forms,
/// lemmas, parts of speech and dependency heads and children (document token indices).
/// </summary>
internal sealed class PetrarchSentence
{
    private readonly Token[] _tokens;
    private readonly string[] _upper;
    private readonly List<int>[] _children;

    public int From { get; }
    public int To { get; }

    public PetrarchSentence(string text, Token[] tokens, int from, int to)
    {
        _tokens = tokens;
        From = from;
        To = to;
        _upper = new string[to - from];
        _children = new List<int>[to - from];
        for (var i = from; i < to; i++)
        {
            _upper[i - from] = text.Substring(tokens[i].Span.Start, tokens[i].Span.Length).ToUpperInvariant();
            _children[i - from] = [];
        }
        for (var i = from; i < to; i++)
        {
            var h = tokens[i].Head;
            if (h >= from && h < to) _children[h - from].Add(i);
        }
    }

    public string Upper(int i) => _upper[i - From];
    public string Lemma(int i) => (_tokens[i].Lemma ?? _upper[i - From]).ToUpperInvariant();
    public string Upos(int i) => _tokens[i].Upos ?? "";
    public string Xpos(int i) => _tokens[i].Xpos ?? "";
    public string Deprel(int i) => _tokens[i].Deprel ?? "";
    public int Head(int i) => _tokens[i].Head is var h && h >= From && h < To ? h : -1;
    public IReadOnlyList<int> Children(int i) => _children[i - From];
    public Token Token(int i) => _tokens[i];

    /// <summary>Whether tokens i and i+1 are written without a space between them.</summary>
    public bool Joined(int i) => i + 1 < To && _tokens[i].Span.End == _tokens[i + 1].Span.Start;

    /// <summary>
    /// Matches one upper-case word at token p: the token itself, or several tokens written together whose text
    /// makes the word ("BARAD-DUR"). Returns the end token, or -1.
    /// </summary>
    public int MatchWord(string word, int p)
    {
        if (p < From || p >= To) return -1;
        var u = Upper(p);
        if (u == word) return p + 1;
        if (!word.StartsWith(u, StringComparison.Ordinal)) return -1;
        var acc = u;
        var q = p;
        while (acc.Length < word.Length && Joined(q))
        {
            q++;
            acc += Upper(q);
            if (!word.StartsWith(acc, StringComparison.Ordinal)) return -1;
        }
        return acc == word ? q + 1 : -1;
    }

    /// <summary>Consecutive words from token p; the end token or -1.</summary>
    public int MatchWords(IReadOnlyList<string> words, int p)
    {
        for (var k = 0; k < words.Count; k++)
        {
            if (p < From || p >= To) return -1;
            var u = Upper(p);
            if (u.Contains('_', StringComparison.Ordinal))
            {
                // A token written with underscores ("Dol_Amroth") stands for several words.
                var parts = u.Split('_', StringSplitOptions.RemoveEmptyEntries);
                if (k + parts.Length > words.Count) return -1;
                for (var j = 0; j < parts.Length; j++) if (parts[j] != words[k + j]) return -1;
                k += parts.Length - 1;
                p++;
                continue;
            }
            p = MatchWord(words[k], p);
            if (p < 0) return -1;
        }
        return p;
    }

    public bool Dominates(int ancestor, int t)
    {
        for (var guard = 0; t >= 0 && guard < 256; guard++)
        {
            if (t == ancestor) return true;
            t = Head(t);
        }
        return false;
    }

    public bool IsVerb(int i) => Upos(i) is "VERB" || Xpos(i).StartsWith("VB", StringComparison.Ordinal) && Upos(i) is not "AUX";

    public bool IsNominal(int i) => Upos(i) is "NOUN" or "PROPN" or "NUM" or "X" || (Upos(i) is "ADJ" && Xpos(i) is "NNP" or "NNPS");
}
