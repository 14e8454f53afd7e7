using Sitrep.Core;
using Sitrep.Nlp.Encoders;

namespace Sitrep.Nlp.Ner.Contextual;

/// <summary>
/// BIO tagging with a <see cref="ContextualNerModel"/>: beam search (<see cref="NerBeam"/>, the default tagger's; width 1 is greedy
/// left to right) over sparse scores plus dense scores over the MiniLM vectors, with the same BIO constraints as the default
/// tagger, then the same type refinement (gazetteer merge, GPE, NORP). The encoder is optional: without it, callers pass the
/// vectors (training and evaluation read them from a cache). Whole documents (<see cref="TagDocument"/>) get the default
/// tagger's <see cref="NerDocumentConsistency"/> only when <paramref name="documentPass"/> is set: on the variant it lowered
/// the dev cross-validation F1 (see MANIFEST.json), so the pipeline stage tags sentence by sentence.
/// </summary>
public sealed class ContextualNerTagger(ContextualNerModel model, MiniLmEncoder? encoder = null, int beam = 0, bool documentPass = false)
{
    private const int D = MiniLmEncoder.Dimensions;

    [ThreadStatic] private static Scratch? t_scratch;

    private sealed class Scratch
    {
        public NerWord[] Words = new NerWord[64];
        public int[] Classes = new int[64];
        public float[] Z = new float[64 * D];
        public float[] DenseScores = new float[64 * 8];
        public float[] Input = new float[3 * D];
        public readonly ulong[] Features = new ulong[NerFeatures.MaxFeatures];
        public readonly ulong[] History = new ulong[NerFeatures.HistoryFeatures];
        public float[] Scores = new float[16];
        // One search per width (a thread may serve taggers with different widths), made on first use.
        public readonly NerBeam?[] Beams = new NerBeam?[NerTagger.MaxBeam + 1];
        public readonly List<NerSpan> Spans = [];
        public readonly NerDocumentConsistency Document = new();
    }

    public ContextualNerModel Model { get; } = model;
    public MiniLmEncoder? Encoder { get; } = encoder;

    /// <summary>Beam width of the decoder: the constructor's when positive, else the model's (<see cref="NerModel.DecodeBeam"/> of its sparse part).</summary>
    public int Beam { get; } = Math.Min(beam > 0 ? beam : model.Sparse.DecodeBeam, NerTagger.MaxBeam);

    /// <summary>Whether whole documents get the document pass (<see cref="NerDocumentConsistency"/>).</summary>
    public bool DocumentPass { get; } = documentPass;

    /// <summary>Tags the sentences of one document with their vectors (forms.Count × 384 each); one list of mentions per sentence.</summary>
    public List<NerSpan>[] TagDocument(IReadOnlyList<NerSentence> sentences, IReadOnlyList<float[]> vectors)
    {
        var result = new List<NerSpan>[sentences.Count];
        var doc = (t_scratch ??= new Scratch()).Document;
        doc.Clear();
        for (int k = 0; k < sentences.Count; k++)
        {
            var forms = sentences[k].Forms;
            var s = Prepare(forms.Length);
            for (int i = 0; i < forms.Length; i++)
                NerFeatures.Compute(forms[i], UposIds.Of(sentences[k].Upos?[i]), Model.Sparse.CaseStats, ref s.Words[i]);
            Decode(s, forms.Length, vectors[k]);
            result[k] = [.. s.Spans];
            if (DocumentPass) doc.AddSentence(s.Words.AsSpan(0, forms.Length), s.Spans);
        }
        if (DocumentPass) doc.Resolve(result);
        return result;
    }

    /// <summary>Tags one sentence; <paramref name="vectors"/> (forms.Count × 384) are computed with the encoder when null.</summary>
    public List<NerSpan> Tag(IReadOnlyList<string> forms, IReadOnlyList<string?>? upos, ReadOnlySpan<float> vectors = default)
    {
        float[]? computed = null;
        if (vectors.IsEmpty && forms.Count > 0)
            vectors = computed = (Encoder ?? throw new InvalidOperationException("No MiniLM encoder and no vectors given.")).Encode(forms);
        var s = Prepare(forms.Count);
        for (int i = 0; i < forms.Count; i++)
            NerFeatures.Compute(forms[i], UposIds.Of(upos?[i]), Model.Sparse.CaseStats, ref s.Words[i]);
        Decode(s, forms.Count, vectors);
        return [.. s.Spans];
    }

    /// <summary>Tags the tokens of one sentence of <paramref name="text"/>; appends mentions (document token indices) to <paramref name="output"/>.</summary>
    public void Tag(string text, ReadOnlySpan<Token> tokens, int firstToken, List<EntityMention> output)
    {
        var s = TagTokens(text, tokens);
        foreach (var m in s.Spans)
        {
            var a = tokens[m.Start].Span; var b = tokens[m.Start + m.Length - 1].Span;
            output.Add(new EntityMention(new TextSpan(a.Start, b.End), m.Type, firstToken + m.Start, m.Length));
        }
    }

    private Scratch TagTokens(string text, ReadOnlySpan<Token> tokens)
    {
        var forms = new string[tokens.Length];
        for (int i = 0; i < tokens.Length; i++) forms[i] = text.Substring(tokens[i].Span.Start, tokens[i].Span.Length);
        var vectors = forms.Length == 0 ? [] : (Encoder ?? throw new InvalidOperationException("No MiniLM encoder.")).Encode(forms);
        var s = Prepare(tokens.Length);
        for (int i = 0; i < tokens.Length; i++)
            NerFeatures.Compute(forms[i], UposIds.Of(tokens[i].Upos), Model.Sparse.CaseStats, ref s.Words[i]);
        Decode(s, tokens.Length, vectors);
        return s;
    }

    private Scratch Prepare(int n)
    {
        var s = t_scratch ??= new Scratch();
        if (s.Words.Length < n)
        {
            int size = Math.Max(n, s.Words.Length * 2);
            s.Words = new NerWord[size]; s.Classes = new int[size]; s.Z = new float[size * D];
        }
        int nc = Model.Sparse.ClassCount;
        if (s.DenseScores.Length < s.Words.Length * nc) s.DenseScores = new float[s.Words.Length * nc];
        if (s.Scores.Length < nc) s.Scores = new float[nc];
        s.Spans.Clear();
        return s;
    }

    /// <summary>(v - mean) / std * scale for each word's vector.</summary>
    internal static void Standardize(ContextualNerModel m, ReadOnlySpan<float> vectors, int n, Span<float> z)
    {
        var mean = m.Mean; var inv = m.InvStd; float scale = m.Scale;
        for (int i = 0; i < n; i++)
        {
            var v = vectors.Slice(i * D, D); var o = z.Slice(i * D, D);
            for (int j = 0; j < D; j++) o[j] = (v[j] - mean[j]) * inv[j] * scale;
        }
    }

    /// <summary>The dense input of word <paramref name="i"/>: its vector, then (context 1) the left and right neighbours' (zeros past the ends).</summary>
    internal static void Input(ReadOnlySpan<float> z, int n, int i, int context, Span<float> x)
    {
        z.Slice(i * D, D).CopyTo(x);
        if (context == 0) return;
        if (i > 0) z.Slice((i - 1) * D, D).CopyTo(x.Slice(D, D)); else x.Slice(D, D).Clear();
        if (i + 1 < n) z.Slice((i + 1) * D, D).CopyTo(x.Slice(2 * D, D)); else x.Slice(2 * D, D).Clear();
    }

    /// <summary>Dense class scores of every word (they do not depend on the previous classes, so they are computed up front).</summary>
    internal static void DenseScores(ContextualNerModel m, ReadOnlySpan<float> z, int n, Span<float> input, Span<float> scores)
    {
        int nc = m.Sparse.ClassCount, width = m.DenseWidth;
        var w = m.Dense.AsSpan();
        var x = input[..width];
        for (int i = 0; i < n; i++)
        {
            Input(z, n, i, m.Context, x);
            for (int c = 0; c < nc; c++)
                scores[i * nc + c] = Dot(w.Slice(c * width, width), x);
        }
    }

    internal static float Dot(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        // Fixed order of additions (vector lanes, then the tail), so the score is the same on every run of the same machine.
        var acc = System.Numerics.Vector<float>.Zero;
        int k = 0, step = System.Numerics.Vector<float>.Count;
        for (; k + step <= a.Length; k += step) acc += new System.Numerics.Vector<float>(a[k..]) * new System.Numerics.Vector<float>(b[k..]);
        float sum = System.Numerics.Vector.Sum(acc);
        for (; k < a.Length; k++) sum += a[k] * b[k];
        return sum;
    }

    private void Decode(Scratch s, int n, ReadOnlySpan<float> vectors)
    {
        var m = Model;
        var words = s.Words.AsSpan(0, n);
        m.Sparse.Gazetteer.Mark(words);
        Standardize(m, vectors, n, s.Z);
        int nc = m.Sparse.ClassCount;
        if (s.Input.Length < m.DenseWidth) s.Input = new float[m.DenseWidth];
        DenseScores(m, s.Z, n, s.Input, s.DenseScores);
        var classes = s.Classes.AsSpan(0, n);
        var search = s.Beams[Beam];
        if (search is null || search.Classes != nc) s.Beams[Beam] = search = new NerBeam(nc, m.Sparse.Allowed, Beam);
        var scorer = new NerModelScorer(m.Sparse.Weights, s.Words, n, nc, s.Features, s.History, s.Scores, s.DenseScores);
        search.Search(ref scorer, n);
        search.Trace(n - 1, 0, classes);
        NerMentionRules.Spans(m.Sparse, words, classes, s.Spans);
    }
}
