namespace Sitrep.Nlp.Ner;

/// <summary>
/// One name, one type per document: after every sentence of a document is tagged, a name tagged with different types takes
/// the type most of its mentions have, and capitalized occurrences of a tagged person's name that the sentence-level tagger
/// missed become person mentions. Web text repeats its names ("Google", "Hamas", a signature's person) and the
/// greedy tagger decides each occurrence from a few words of context; the document decides better.
/// </summary>
internal sealed class NerDocumentConsistency
{
    /// <summary>Longest name (in words) that is propagated to untagged occurrences.</summary>
    private const int MaxWords = 6;

    private readonly List<ulong> _exact = [];
    private readonly List<bool> _cap = [];
    private readonly List<int> _sentenceStart = [];
    private readonly List<(int Start, int Length, string Type)> _mentions = [];

    public int SentenceCount => _sentenceStart.Count;

    public void Clear()
    {
        _exact.Clear(); _cap.Clear(); _sentenceStart.Clear(); _mentions.Clear();
    }

    /// <summary>Adds one tagged sentence: its words (as hashed by <see cref="NerFeatures.Compute"/>) and its mentions.</summary>
    public void AddSentence(ReadOnlySpan<NerWord> words, List<NerSpan> spans)
    {
        int offset = _exact.Count;
        _sentenceStart.Add(offset);
        foreach (ref readonly var w in words) { _exact.Add(w.Exact); _cap.Add(w.Cap); }
        foreach (var s in spans) _mentions.Add((offset + s.Start, s.Length, s.Type));
    }

    /// <summary>Replaces each sentence's mentions with those after the document pass, in word order, with sentence-relative starts.</summary>
    public void Resolve(List<NerSpan>[] perSentence)
    {
        // Votes per name: coarse types (GPE counts as LOC), NORP left alone.
        var votes = new Dictionary<ulong, int[]>();
        var label = new Dictionary<(ulong, int), string>();
        foreach (var (start, length, type) in _mentions)
        {
            int t = Coarse(type);
            if (t < 0) continue;
            ulong key = Key(start, length);
            if (!votes.TryGetValue(key, out var v)) votes[key] = v = new int[3];
            v[t]++;
            label.TryAdd((key, t), type);
        }
        var covered = new bool[_exact.Count];
        var result = new List<(int Start, int Length, string Type)>(_mentions.Count);
        foreach (var m in _mentions)
        {
            for (int i = m.Start; i < m.Start + m.Length; i++) covered[i] = true;
            int t = Coarse(m.Type);
            if (t >= 0 && Majority(votes[Key(m.Start, m.Length)]) is int best && best != t)
                result.Add((m.Start, m.Length, label[(Key(m.Start, m.Length), best)]));
            else result.Add(m);
        }
        // Untagged capitalized occurrences of a tagged name, longest name first, within one sentence.
        var byFirst = new Dictionary<ulong, List<int>>();
        var names = new List<(int Start, int Length)>();
        var seenKeys = new HashSet<ulong>();
        foreach (var (start, length, type) in _mentions)
        {
            if (Coarse(type) < 0 || length > MaxWords || !_cap[start]) continue;
            if (!seenKeys.Add(Key(start, length))) continue;
            names.Add((start, length));
            if (!byFirst.TryGetValue(_exact[start], out var list)) byFirst[_exact[start]] = list = [];
            list.Add(names.Count - 1);
        }
        for (int si = 0; si < _sentenceStart.Count; si++)
        {
            int a = _sentenceStart[si], b = si + 1 < _sentenceStart.Count ? _sentenceStart[si + 1] : _exact.Count;
            for (int i = a; i < b; i++)
            {
                if (covered[i] || !_cap[i] || !byFirst.TryGetValue(_exact[i], out var candidates)) continue;
                int bestLen = 0; ulong bestKey = 0;
                foreach (var c in candidates)
                {
                    var (ns, nl) = names[c];
                    if (nl <= bestLen || i + nl > b) continue;
                    bool ok = true;
                    for (int k = 0; k < nl && ok; k++) ok = !covered[i + k] && _exact[i + k] == _exact[ns + k];
                    // The name must not run on into a longer capitalized name ("Google" in "Google Earth").
                    if (ok && i + nl < b && _cap[i + nl]) ok = false;
                    if (ok) { bestLen = nl; bestKey = Key(ns, nl); }
                }
                // Only person names spread: an organization or place name repeated untagged is as often a product, a
                // brand used as a word, or part of another name (measured by cross-validation on UNER EWT dev).
                if (bestLen == 0 || Majority(votes[bestKey]) is not int t || t != PerType) continue;
                result.Add((i, bestLen, label[(bestKey, t)]));
                for (int k = i; k < i + bestLen; k++) covered[k] = true;
                i += bestLen - 1;
            }
        }
        result.Sort((x, y) => x.Start.CompareTo(y.Start));
        foreach (var list in perSentence) list.Clear();
        foreach (var (start, length, type) in result)
        {
            int si = SentenceOf(start);
            perSentence[si].Add(new NerSpan(start - _sentenceStart[si], length, type));
        }
    }

    private int SentenceOf(int token)
    {
        int i = _sentenceStart.BinarySearch(token);
        return i >= 0 ? i : ~i - 1;
    }

    private ulong Key(int start, int length)
    {
        ulong h = 0x84222325UL;
        for (int i = start; i < start + length; i++) h = NerHash.Extend(h, _exact[i]);
        return h;
    }

    private const int PerType = 0;

    private static int Coarse(string type) => type switch { "PER" => 0, "ORG" => 1, "LOC" or NerTagger.Gpe => 2, _ => -1 };

    /// <summary>The type with strictly more votes than each other type, or null on a tie.</summary>
    private static int? Majority(int[] v)
    {
        int best = 0;
        for (int t = 1; t < v.Length; t++) if (v[t] > v[best]) best = t;
        for (int t = 0; t < v.Length; t++) if (t != best && v[t] == v[best]) return null;
        return best;
    }
}
