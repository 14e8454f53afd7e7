using Sitrep.Core;

namespace Sitrep.Nlp.Ner;

/// <summary>
/// BIO tagging with a <see cref="NerModel"/> (beam search, <see cref="NerBeam"/>; width 1 is greedy left to right), then
/// type refinement from the gazetteer: an ORG or LOC mention that is exactly a country, territory or capital name becomes
/// GPE; a capitalized demonym outside any mention becomes NORP.
/// Whole documents also get <see cref="NerDocumentConsistency"/> (one type per name, missed repeats of a name).
/// Thread-safe: scratch buffers are per thread; nothing is allocated per token.
/// </summary>
public sealed class NerTagger(NerModel model, bool documentPass = true, int beam = 0)
{
    public const string Gpe = "GPE";
    public const string Norp = "NORP";

    [ThreadStatic] private static Scratch? t_scratch;

    private sealed class Scratch
    {
        public NerWord[] Words = new NerWord[64];
        public int[] Classes = new int[64];
        public readonly ulong[] Features = new ulong[NerFeatures.MaxFeatures];
        public readonly ulong[] History = new ulong[NerFeatures.HistoryFeatures];
        public float[] Scores = new float[64];
        // One search per width (a thread may serve taggers with different widths), made on first use.
        public readonly NerBeam?[] Beams = new NerBeam?[MaxBeam + 1];
        public readonly List<NerSpan> Spans = [];
        public readonly NerDocumentConsistency Document = new();
    }

    public NerModel Model { get; } = model;

    /// <summary>Beam width of the decoder: the constructor's when positive, else the model's (<see cref="NerModel.DecodeBeam"/>).</summary>
    public int Beam { get; } = beam > 0 ? Math.Min(beam, MaxBeam) : Math.Min(model.DecodeBeam, MaxBeam);

    /// <summary>The widest beam the tagger runs: 56 (previous, class) states exist, so a wider beam only costs memory.</summary>
    public const int MaxBeam = 64;

    /// <summary>Whether whole documents get the document pass (<see cref="NerDocumentConsistency"/>).</summary>
    public bool DocumentPass { get; } = documentPass;

    /// <summary>Tags the sentences of one document (forms and UPOS per sentence); one list of mentions per sentence.</summary>
    public List<NerSpan>[] TagDocument(IReadOnlyList<NerSentence> sentences)
    {
        var result = new List<NerSpan>[sentences.Count];
        var doc = (t_scratch ??= new Scratch()).Document;
        doc.Clear();
        for (int k = 0; k < sentences.Count; k++)
        {
            var s = TagForms(sentences[k].Forms, sentences[k].Upos);
            result[k] = [.. s.Spans];
            if (DocumentPass) doc.AddSentence(s.Words.AsSpan(0, sentences[k].Forms.Length), s.Spans);
        }
        if (DocumentPass) doc.Resolve(result);
        return result;
    }

    /// <summary>Tags every sentence of a document's tokens; appends mentions (document token indices) to <paramref name="output"/>.</summary>
    public void TagDocument(string text, ReadOnlySpan<Token> tokens, ReadOnlySpan<Sentence> sentences, List<EntityMention> output)
    {
        if (!DocumentPass)
        {
            foreach (var sentence in sentences) Tag(text, tokens.Slice(sentence.FirstToken, sentence.TokenCount), sentence.FirstToken, output);
            return;
        }
        var perSentence = new List<NerSpan>[sentences.Length];
        var doc = (t_scratch ??= new Scratch()).Document;
        doc.Clear();
        for (int k = 0; k < sentences.Length; k++)
        {
            var s = TagTokens(text, tokens.Slice(sentences[k].FirstToken, sentences[k].TokenCount));
            perSentence[k] = [.. s.Spans];
            doc.AddSentence(s.Words.AsSpan(0, sentences[k].TokenCount), s.Spans);
        }
        doc.Resolve(perSentence);
        for (int k = 0; k < sentences.Length; k++) AddMentions(tokens, sentences[k].FirstToken, perSentence[k], output);
    }

    /// <summary>Tags one sentence given as word forms and UPOS tags (null entries allowed).</summary>
    public List<NerSpan> Tag(IReadOnlyList<string> forms, IReadOnlyList<string?>? upos) => [.. TagForms(forms, upos).Spans];

    /// <summary>Tags the tokens of one sentence of <paramref name="text"/>; appends mentions (document token indices) to <paramref name="output"/>.</summary>
    public void Tag(string text, ReadOnlySpan<Token> tokens, int firstToken, List<EntityMention> output) =>
        AddMentions(tokens, 0, TagTokens(text, tokens).Spans, output, firstToken);

    /// <summary>Tags one sentence with <paramref name="dense"/> (<c>[i * ClassCount + c]</c>) added to the model's scores: another model's opinion.</summary>
    public List<NerSpan> Tag(IReadOnlyList<string> forms, IReadOnlyList<string?>? upos, float[] dense)
    {
        if (dense.Length < forms.Count * Model.ClassCount)
            throw new ArgumentException($"Need {forms.Count * Model.ClassCount} scores ({forms.Count} words x {Model.ClassCount} classes), got {dense.Length}.", nameof(dense));
        return [.. TagForms(forms, upos, dense).Spans];
    }

    private Scratch TagForms(IReadOnlyList<string> forms, IReadOnlyList<string?>? upos, float[]? dense = null)
    {
        var s = Prepare(forms.Count);
        for (int i = 0; i < forms.Count; i++)
            NerFeatures.Compute(forms[i], UposIds.Of(upos?[i]), Model.CaseStats, ref s.Words[i]);
        Decode(s, forms.Count, dense);
        return s;
    }

    private Scratch TagTokens(string text, ReadOnlySpan<Token> tokens)
    {
        var s = Prepare(tokens.Length);
        for (int i = 0; i < tokens.Length; i++)
            NerFeatures.Compute(text.AsSpan(tokens[i].Span.Start, tokens[i].Span.Length), UposIds.Of(tokens[i].Upos), Model.CaseStats, ref s.Words[i]);
        Decode(s, tokens.Length);
        return s;
    }

    /// <summary>Sentence-relative mentions over <c>tokens[first..]</c> as document mentions; token indices are shifted by <paramref name="indexBase"/> (default: <paramref name="first"/>).</summary>
    private static void AddMentions(ReadOnlySpan<Token> tokens, int first, List<NerSpan> spans, List<EntityMention> output, int? indexBase = null)
    {
        int offset = indexBase ?? first;
        foreach (var m in spans)
        {
            var a = tokens[first + m.Start].Span; var b = tokens[first + m.Start + m.Length - 1].Span;
            output.Add(new EntityMention(new TextSpan(a.Start, b.End), m.Type, offset + m.Start, m.Length));
        }
    }

    private Scratch Prepare(int n)
    {
        var s = t_scratch ??= new Scratch();
        if (s.Words.Length < n) { s.Words = new NerWord[Math.Max(n, s.Words.Length * 2)]; s.Classes = new int[s.Words.Length]; }
        if (s.Scores.Length < Model.ClassCount) s.Scores = new float[Model.ClassCount];
        s.Spans.Clear();
        return s;
    }

    /// <summary>Classifies the prepared words and fills <see cref="Scratch.Spans"/> with typed mentions.</summary>
    private void Decode(Scratch s, int n, float[]? dense = null)
    {
        var words = s.Words.AsSpan(0, n);
        Model.Gazetteer.Mark(words);
        var classes = s.Classes.AsSpan(0, n);
        Classify(s, words, classes, dense);
        NerMentionRules.Spans(Model, words, classes, s.Spans);
    }

    private void Classify(Scratch s, Span<NerWord> words, Span<int> classes, float[]? dense)
    {
        var beam = s.Beams[Beam];
        if (beam is null || beam.Classes != Model.ClassCount) s.Beams[Beam] = beam = new NerBeam(Model.ClassCount, Model.Allowed, Beam);
        var scorer = new NerModelScorer(Model.Weights, s.Words, words.Length, Model.ClassCount, s.Features, s.History, s.Scores, dense);
        beam.Search(ref scorer, words.Length);
        beam.Trace(words.Length - 1, 0, classes);
    }
}

/// <summary>
/// A saved model's scores: the history-free features once per word, plus, for the MiniLM variant, the word's dense scores
/// (<paramref name="dense"/>[i * nc + c]); the nine history features per hypothesis. Shared by both taggers.
/// </summary>
internal struct NerModelScorer(NerLinear weights, NerWord[] words, int n, int nc, ulong[] features, ulong[] history, float[] wordScores, float[]? dense = null) : INerScorer
{
    private int _i;

    public void Begin(int i)
    {
        _i = i;
        int nf = NerFeatures.ExtractStatic(words.AsSpan(0, n), i, features);
        var word = wordScores.AsSpan(0, nc);
        weights.Score(features.AsSpan(0, nf), word);
        if (dense is not null) for (int c = 0; c < nc; c++) word[c] += dense[i * nc + c];
    }

    public readonly void Local(int p1, int p2, Span<float> scores)
    {
        NerFeatures.ExtractHistory(words.AsSpan(0, n), _i, p1, p2, history);
        weights.Score(history, scores);
        for (int c = 0; c < scores.Length; c++) scores[c] = wordScores[c] + scores[c];
    }
}

/// <summary>Local class scores of one sentence: the history-free part once per word, then one call per hypothesis.</summary>
internal interface INerScorer
{
    /// <summary>Moves to word <paramref name="i"/> (called once per word, in order).</summary>
    void Begin(int i);

    /// <summary>Writes the scores of every class at the current word after classes <paramref name="p1"/>, <paramref name="p2"/>.</summary>
    void Local(int p1, int p2, Span<float> scores);
}

/// <summary>
/// Beam search over BIO classes (Collins &amp; Roark 2004) with the two previous classes as each hypothesis' state. Hypotheses
/// with the same state have the same future, so only the best of them is kept (recombination): a wide beam becomes the exact
/// second-order Viterbi search. Ties go to the earlier candidate (lower parent rank, then lower class), so width 1 is
/// exactly the greedy tagger. Every position's beam is kept for the back-trace and for training's violation search.
/// Reused across sentences; nothing is allocated per word once the buffers have grown.
/// </summary>
internal sealed class NerBeam
{
    private readonly int _nc;
    private readonly bool[] _allowed;
    private int[] _cls = new int[256];
    private int[] _back = new int[256];
    private double[] _score = new double[256];
    private int[] _count = new int[64];
    private readonly float[] _local;
    // Candidates of one step: score, parent rank, class; the best candidate of each state; the step's sorted top list.
    private readonly double[] _candScore;
    private readonly int[] _candParent, _candClass;
    private readonly int[] _stateCand, _stateStamp, _states;
    private readonly int[] _top;
    private int _stamp;

    public NerBeam(int classCount, bool[] allowed, int width)
    {
        _nc = classCount; _allowed = allowed;
        Width = Math.Max(1, width);
        _local = new float[classCount];
        _candScore = new double[Width * classCount];
        _candParent = new int[Width * classCount]; _candClass = new int[Width * classCount];
        _stateCand = new int[classCount * (classCount + 1)];
        _stateStamp = new int[_stateCand.Length];
        _states = new int[_stateCand.Length];
        _top = new int[Width];
    }

    public int Width { get; }
    public int Classes => _nc;

    /// <summary>Hypotheses kept at word <paramref name="i"/> of the last search (best first).</summary>
    public int Count(int i) => _count[i];
    public int Class(int i, int rank) => _cls[i * Width + rank];
    public int Parent(int i, int rank) => _back[i * Width + rank];
    public double Score(int i, int rank) => _score[i * Width + rank];

    /// <summary>
    /// Where a structured-perceptron step updates, after <see cref="Search"/> of the same sentence: the gold prefix's rank in each
    /// step's beam (-1 once it has fallen out) and its score under <paramref name="goldScorer"/> (the search's weights) are
    /// written to <paramref name="goldRank"/> and <paramref name="goldScore"/>; returns -1 when the best hypothesis is the gold
    /// sequence, else the last word of the prefixes to update: the first word where the gold prefix fell out (early update,
    /// Collins &amp; Roark 2004) or the prefix where the best hypothesis beats the gold prefix by the most (max-violation,
    /// Huang, Fayong &amp; Guo 2012).
    /// </summary>
    public int UpdatePoint<T>(ref T goldScorer, ReadOnlySpan<int> gold, NerBeamUpdate update, Span<int> goldRank, Span<double> goldScore, Span<float> local)
        where T : struct, INerScorer
    {
        int n = gold.Length, rank = 0;
        double g = 0;
        for (int i = 0; i < n; i++)
        {
            goldScorer.Begin(i);
            goldScorer.Local(i >= 1 ? gold[i - 1] : -1, i >= 2 ? gold[i - 2] : -1, local);
            g += local[gold[i]];
            goldScore[i] = g;
            int found = -1;
            if (rank >= 0)
                for (int r = 0; r < Count(i) && found < 0; r++)
                    if (Class(i, r) == gold[i] && (i == 0 || Parent(i, r) == rank)) found = r;
            rank = found;
            goldRank[i] = rank;
        }
        if (goldRank[n - 1] == 0) return -1;
        int at = n - 1;
        if (update == NerBeamUpdate.Early)
        {
            for (int i = 0; i < n; i++) if (goldRank[i] < 0) { at = i; break; }
        }
        else
        {
            double worst = double.NegativeInfinity;
            for (int i = 0; i < n; i++)
            {
                if (goldRank[i] == 0) continue;
                double v = Score(i, 0) - goldScore[i];
                if (v > worst) { worst = v; at = i; }
            }
        }
        return at;
    }

    /// <summary>Searches a sentence of <paramref name="n"/> words; the best sequence is then <see cref="Trace"/>(n - 1, 0).</summary>
    public void Search<T>(ref T scorer, int n) where T : struct, INerScorer
    {
        int k = Width, nc = _nc;
        if (_cls.Length < n * k) { int size = Math.Max(n * k, _cls.Length * 2); _cls = new int[size]; _back = new int[size]; _score = new double[size]; }
        if (_count.Length < n) _count = new int[Math.Max(n, _count.Length * 2)];
        var local = _local.AsSpan();
        for (int i = 0; i < n; i++)
        {
            scorer.Begin(i);
            int parents = i == 0 ? 1 : _count[i - 1], candidates = 0, states = 0;
            if (++_stamp == int.MaxValue) { Array.Clear(_stateStamp); _stamp = 1; }
            for (int b = 0; b < parents; b++)
            {
                int p1 = -1, p2 = -1;
                double prev = 0;
                if (i > 0)
                {
                    int at = (i - 1) * k + b;
                    p1 = _cls[at]; prev = _score[at];
                    if (i > 1) p2 = _cls[(i - 2) * k + _back[at]];
                }
                scorer.Local(p1, p2, local);
                int row = (p1 + 1) * nc;
                for (int c = 0; c < nc; c++)
                {
                    if (!_allowed[row + c]) continue;
                    double s = prev + local[c];
                    int state = c * (nc + 1) + p1 + 1;
                    if (_stateStamp[state] == _stamp)
                    {
                        int old = _stateCand[state];
                        if (s > _candScore[old]) { _candScore[old] = s; _candParent[old] = b; }
                        continue;
                    }
                    _stateStamp[state] = _stamp;
                    _stateCand[state] = candidates;
                    _states[states++] = candidates;
                    _candScore[candidates] = s; _candParent[candidates] = b; _candClass[candidates] = c;
                    candidates++;
                }
            }
            // Top k of the states' best candidates, by score, then by candidate order (insertion keeps the earlier on ties).
            int kept = 0;
            for (int j = 0; j < states; j++)
            {
                int cand = _states[j];
                double s = _candScore[cand];
                if (kept == k && !(s > _candScore[_top[kept - 1]])) continue;
                int pos = kept < k ? kept++ : kept - 1;
                while (pos > 0 && s > _candScore[_top[pos - 1]]) { _top[pos] = _top[pos - 1]; pos--; }
                _top[pos] = cand;
            }
            _count[i] = kept;
            for (int r = 0; r < kept; r++)
            {
                int cand = _top[r], at = i * k + r;
                _cls[at] = _candClass[cand]; _back[at] = _candParent[cand]; _score[at] = _candScore[cand];
            }
        }
    }

    /// <summary>Writes the classes of hypothesis <paramref name="rank"/> at word <paramref name="last"/> into <paramref name="classes"/>[0..last].</summary>
    public void Trace(int last, int rank, Span<int> classes)
    {
        for (int i = last; i >= 0; i--)
        {
            int at = i * Width + rank;
            classes[i] = _cls[at];
            rank = _back[at];
        }
    }
}
