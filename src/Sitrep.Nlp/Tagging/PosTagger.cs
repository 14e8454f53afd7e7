namespace Sitrep.Nlp.Tagging;

/// <summary>Greedy left-to-right tagging with a <see cref="PosModel"/>. Thread-safe: scratch buffers are per thread.</summary>
public sealed class PosTagger(PosModel model)
{
    [ThreadStatic] private static Scratch? t_scratch;

    private sealed class Scratch
    {
        public WordInfo[] Words = new WordInfo[64];
        public readonly ulong[] Features = new ulong[PosFeatures.MaxFeatures];
        public int[] Scores = new int[256];
        public int[] FirstPass = new int[64];
        public WordScoreCache?[] Caches = [];
    }

    private static WordScoreCache Cache(Scratch s, PosModel m, int pass)
    {
        // One cache per thread and pass, rebuilt when this thread switches to another model.
        if (s.Caches.Length != m.Passes.Length) s.Caches = new WordScoreCache?[m.Passes.Length];
        var c = s.Caches[pass];
        if (c is null || !ReferenceEquals(c.Model, m.Passes[pass])) s.Caches[pass] = c = new WordScoreCache(m.Passes[pass], m.ClassCount);
        return c;
    }

    public PosModel Model { get; } = model;

    /// <summary>Tags the words <paramref name="tokens"/> of <paramref name="text"/>; writes class ids (see <see cref="UposOf"/>, <see cref="XposOf"/>).</summary>
    public void Tag(string text, ReadOnlySpan<Sitrep.Core.TextSpan> tokens, Span<int> classes)
    {
        var s = t_scratch ??= new Scratch();
        if (s.Words.Length < tokens.Length) s.Words = new WordInfo[Math.Max(tokens.Length, s.Words.Length * 2)];
        for (int i = 0; i < tokens.Length; i++) s.Words[i] = PosFeatures.Compute(text.AsSpan(tokens[i].Start, tokens[i].Length), Model.AmbiguityMap);
        Decode(s, tokens.Length, classes);
    }

    /// <summary>Tags a sentence given as word forms.</summary>
    public int[] Tag(IReadOnlyList<string> forms)
    {
        var s = t_scratch ??= new Scratch();
        if (s.Words.Length < forms.Count) s.Words = new WordInfo[Math.Max(forms.Count, s.Words.Length * 2)];
        for (int i = 0; i < forms.Count; i++) s.Words[i] = PosFeatures.Compute(forms[i], Model.AmbiguityMap);
        var result = new int[forms.Count];
        Decode(s, forms.Count, result);
        return result;
    }

    private void Decode(Scratch s, int n, Span<int> classes)
    {
        var m = Model;
        var words = s.Words.AsSpan(0, n);
        var scores = s.Scores.AsSpan(0, m.ClassCount);
        if (m.Passes.Length == 1) { m.Passes[0].Decode(words, default, classes[..n], s.Features, scores, Cache(s, m, 0)); return; }
        if (s.FirstPass.Length < n) s.FirstPass = new int[Math.Max(n, s.FirstPass.Length * 2)];
        var first = s.FirstPass.AsSpan(0, n);
        m.Passes[0].Decode(words, default, first, s.Features, scores, Cache(s, m, 0));
        m.Passes[1].Decode(words, first, classes[..n], s.Features, scores, Cache(s, m, 1));
    }

    public string UposOf(int cls) => Model.Upos[Model.ClassUpos[cls]];
    public string XposOf(int cls) => Model.Xpos[Model.ClassXpos[cls]];
    public string Lemma(ReadOnlySpan<char> form, int cls) => Model.Lemmatizer.Lemmatize(form, Model.ClassXpos[cls]);
}
