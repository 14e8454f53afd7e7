using System.Globalization;
using Sitrep.Nlp.Encoders;

namespace Sitrep.Nlp.Ner.Contextual;

public sealed record ContextualNerTrainingOptions
{
    public int Epochs { get; init; } = 6;
    public int Seed { get; init; } = 1;
    public int MinFeatureCount { get; init; } = 2;
    public float PruneBelow { get; init; } = 0.1f;
    /// <summary>Step size of the dense features (standardized vectors times this) against the sparse features' 0/1.</summary>
    public float Scale { get; init; } = 0.25f;
    /// <summary>0: the word's own vector; 1: also its neighbours'.</summary>
    public int Context { get; init; }
    public string Description { get; init; } = "";
    /// <summary>Beam width the saved model decodes with (stored in the embedded sparse model when wider than 1).</summary>
    public int DecodeBeam { get; init; } = 1;
    /// <summary>0: per-word perceptron with greedy history. N ≥ 1: structured perceptron over whole sentences decoded with a
    /// beam of width N (sparse and dense scores together, as the tagger scores them), updated where <see cref="Update"/> says.</summary>
    public int TrainBeam { get; init; }
    public NerBeamUpdate Update { get; init; } = NerBeamUpdate.MaxViolation;
    public string EncoderVersion { get; init; } = "";
    public Action<string>? Log { get; init; }
}

/// <summary>
/// Averaged-perceptron training of the MiniLM NER variant: the default model's sparse templates plus dense weights over the
/// standardized MiniLM vectors, updated together, per word with greedy history or (as <see cref="NerTrainer"/>) per sentence with
/// beam search (<see cref="ContextualNerTrainingOptions.TrainBeam"/>), optionally bagged over seeds (<see cref="TrainBagged"/>).
/// Single-threaded and seeded: the same data and vectors give the same bytes.
/// </summary>
public static class ContextualNerTrainer
{
    private const int D = MiniLmEncoder.Dimensions;

    private sealed record Example(NerWord[] Words, int[] Gold, float[] Vectors);

    /// <summary>Trains on <paramref name="train"/> (UPOS filled) with one vector array per sentence (words × 384).</summary>
    public static ContextualNerModel Train(IReadOnlyList<NerSentence> train, IReadOnlyList<float[]> trainVectors,
        IReadOnlyList<NerSentence>? dev, IReadOnlyList<float[]>? devVectors, IReadOnlyList<GazetteerEntry> gazetteer, ContextualNerTrainingOptions options)
    {
        var log = options.Log ?? (_ => { });
        var types = NerTrainer.Types;
        var typeId = types.Select((t, i) => (t, i)).ToDictionary(p => p.t, p => p.i, StringComparer.Ordinal);
        int nc = 1 + 2 * types.Length;
        var caseStats = NerTrainer.CaseStatistics(train);
        var shell = new NerModel(types, caseStats, gazetteer, new NerLinear([], [0], [], []), "");
        var examples = new List<Example>(train.Count);
        for (int s = 0; s < train.Count; s++)
            if (train[s].Forms.Length > 0) examples.Add(ToExample(train[s], trainVectors[s], shell, typeId));

        // Per-dimension standardization over the training words.
        var sum = new double[D]; var sq = new double[D]; long tokens = 0;
        foreach (var ex in examples)
            for (int i = 0; i < ex.Words.Length; i++, tokens++)
                for (int j = 0; j < D; j++) { double v = ex.Vectors[i * D + j]; sum[j] += v; sq[j] += v * v; }
        var mean = new float[D]; var invStd = new float[D];
        for (int j = 0; j < D; j++)
        {
            double m = sum[j] / tokens, var = Math.Max(sq[j] / tokens - m * m, 1e-8);
            mean[j] = (float)m; invStd[j] = (float)(1 / Math.Sqrt(var));
        }

        var (keys, rows, seen) = NerTrainer.SelectFeatures(examples.Select(e => (e.Words, e.Gold)), options.MinFeatureCount);
        log(string.Create(CultureInfo.InvariantCulture, $"{examples.Count} sentences, {tokens} words, {seen} features, {keys.Length} kept (count >= {options.MinFeatureCount}), {gazetteer.Count} gazetteer phrases; dense width {D * (1 + 2 * options.Context)}, scale {options.Scale}"));

        int width = D * (1 + 2 * options.Context);
        var w = new float[(long)keys.Length * nc];
        var u = new double[(long)keys.Length * nc];
        var wd = new float[nc * width];
        var ud = new double[nc * width];
        // A shell model whose dense part is the live weights: the tagger's standardization and inputs, not a copy of them.
        var live = new ContextualNerModel(shell, options.Context, options.Scale, mean, invStd, wd, options.EncoderVersion, "", 0);
        long step = 1;
        var scores = new float[nc];
        var idx = new int[NerFeatures.MaxFeatures];
        var fbuf = new ulong[NerFeatures.MaxFeatures];
        var x = new float[width];
        float[] z = new float[64 * D], dense = new float[64 * nc];
        ulong rng = (ulong)options.Seed * 0x9E3779B97F4A7C15UL + 1;
        var order = Enumerable.Range(0, examples.Count).ToArray();
        var allowed = shell.Allowed;
        var structured = options.TrainBeam >= 1 ? new StructuredState(nc, allowed, options.TrainBeam, width, options.Context, w, wd, rows) : null;
        for (int epoch = 1; epoch <= options.Epochs; epoch++)
        {
            for (int i = order.Length - 1; i > 0; i--)
            {
                rng += 0x9E3779B97F4A7C15UL;
                int j = (int)(NerHash.Mix(rng) % (ulong)(i + 1));
                (order[i], order[j]) = (order[j], order[i]);
            }
            long errors = 0, total = 0;
            foreach (var e in order)
            {
                var ex = examples[e];
                int len = ex.Words.Length;
                if (z.Length < len * D) { z = new float[len * D]; dense = new float[len * nc]; }
                ContextualNerTagger.Standardize(live, ex.Vectors, len, z);
                if (structured is not null)
                {
                    errors += structured.Train(ex.Words, ex.Gold, z, options.Update, u, ud, step);
                    total += len; step += len;
                    continue;
                }
                int p1 = -1, p2 = -1;
                for (int i = 0; i < len; i++)
                {
                    ContextualNerTagger.Input(z, len, i, options.Context, x);
                    int n = NerFeatures.Extract(ex.Words, i, p1, p2, fbuf), k = 0;
                    for (int f = 0; f < n; f++) if (rows.TryGetValue(fbuf[f], out var r)) idx[k++] = r;
                    Array.Clear(scores);
                    for (int f = 0; f < k; f++)
                    {
                        long b = (long)idx[f] * nc;
                        for (int c = 0; c < nc; c++) scores[c] += w[b + c];
                    }
                    for (int c = 0; c < nc; c++) scores[c] += ContextualNerTagger.Dot(wd.AsSpan(c * width, width), x);
                    int row = (p1 + 1) * nc, pred = -1;
                    for (int c = 0; c < nc; c++) if (allowed[row + c] && (pred < 0 || scores[c] > scores[pred])) pred = c;
                    int gold = ex.Gold[i];
                    // As in NerTrainer: after a wrong previous class the reachable target for I-X is B-X.
                    if (!allowed[(p1 + 1) * nc + gold]) gold -= 1;
                    if (pred != gold)
                    {
                        errors++;
                        double cstep = step;
                        for (int f = 0; f < k; f++)
                        {
                            long b = (long)idx[f] * nc;
                            w[b + gold] += 1; u[b + gold] += cstep;
                            w[b + pred] -= 1; u[b + pred] -= cstep;
                        }
                        int bg = gold * width, bp = pred * width;
                        for (int j = 0; j < width; j++)
                        {
                            float v = x[j];
                            wd[bg + j] += v; ud[bg + j] += cstep * v;
                            wd[bp + j] -= v; ud[bp + j] -= cstep * v;
                        }
                    }
                    total++; step++;
                    p2 = p1; p1 = pred;
                }
            }
            var msg = structured is null
                ? string.Create(CultureInfo.InvariantCulture, $"epoch {epoch}: train class acc {100.0 * (total - errors) / total:0.00}")
                : string.Create(CultureInfo.InvariantCulture, $"epoch {epoch}: {errors} of {examples.Count} sentences updated");
            if (dev is not null && devVectors is not null)
            {
                var model = Build(shell, keys, w, u, wd, ud, step, nc, mean, invStd, options, out _);
                var sc = Score(new ContextualNerTagger(model), dev, devVectors);
                msg += string.Create(CultureInfo.InvariantCulture, $", dev P {sc.Overall.Precision:0.00} R {sc.Overall.Recall:0.00} F1 {sc.Overall.F1:0.00}");
            }
            log(msg);
        }
        var final = Build(shell, keys, w, u, wd, ud, step, nc, mean, invStd, options, out int kept);
        log(string.Create(CultureInfo.InvariantCulture, $"{final.Sparse.FeatureCount} sparse features, {kept} sparse weights after pruning, {final.Dense.Length} dense weights"));
        return final;
    }

    /// <summary>
    /// Trains <paramref name="bags"/> models that differ only in their seed (the order of the training sentences) and averages
    /// their sparse and dense weights into one model. The standardization depends only on the data, so every bag shares it.
    /// One bag is <see cref="Train"/>.
    /// </summary>
    public static ContextualNerModel TrainBagged(IReadOnlyList<NerSentence> train, IReadOnlyList<float[]> trainVectors,
        IReadOnlyList<NerSentence>? dev, IReadOnlyList<float[]>? devVectors, IReadOnlyList<GazetteerEntry> gazetteer, ContextualNerTrainingOptions options, int bags)
    {
        if (bags <= 1) return Train(train, trainVectors, dev, devVectors, gazetteer, options);
        var models = new ContextualNerModel[bags];
        for (int b = 0; b < bags; b++) models[b] = Train(train, trainVectors, null, null, gazetteer, options with { Seed = options.Seed + b });
        var first = models[0];
        var linear = NerLinear.Average([.. models.Select(m => m.Sparse.Weights)], options.PruneBelow);
        // Summed in bag order, then divided: the same bags give the same bytes.
        var dense = new float[first.Dense.Length];
        foreach (var m in models)
        {
            if (!m.Mean.AsSpan().SequenceEqual(first.Mean) || !m.InvStd.AsSpan().SequenceEqual(first.InvStd))
                throw new InvalidOperationException("Bags trained on the same data must share their standardization.");
            for (int j = 0; j < dense.Length; j++) dense[j] += m.Dense[j];
        }
        for (int j = 0; j < dense.Length; j++) dense[j] /= bags;
        options.Log?.Invoke(string.Create(CultureInfo.InvariantCulture, $"{bags} bags averaged: {linear.FeatureCount} sparse features, {dense.Length} dense weights"));
        var sparse = new NerModel([.. first.Sparse.Types], first.Sparse.CaseStatsList, first.Sparse.Gazetteer.Entries, linear, options.Description, options.DecodeBeam);
        return new ContextualNerModel(sparse, options.Context, options.Scale, first.Mean, first.InvStd, dense, options.EncoderVersion, options.Description,
            ContextualNerModel.CurrentFeatureFingerprint());
    }

    /// <summary>Scores the tagger on gold sentences with precomputed vectors (exact-span micro P/R/F1 as <see cref="NerEvaluation"/>).</summary>
    public static NerScores Score(ContextualNerTagger tagger, IReadOnlyList<NerSentence> gold, IReadOnlyList<float[]> vectors)
    {
        var predicted = new List<NerSpan>[gold.Count];
        for (int i = 0; i < gold.Count; i++) predicted[i] = tagger.Tag(gold[i].Forms, gold[i].Upos, vectors[i]);
        return NerEvaluation.Score(gold, predicted);
    }

    private static ContextualNerModel Build(NerModel shell, ulong[] keys, float[] w, double[] u, float[] wd, double[] ud, long step, int nc,
        float[] mean, float[] invStd, ContextualNerTrainingOptions options, out int kept)
    {
        var outKeys = new List<ulong>(); var rowStart = new List<int>();
        var cls = new List<byte>(); var wts = new List<float>();
        for (int f = 0; f < keys.Length; f++)
        {
            int before = cls.Count;
            long b = (long)f * nc;
            for (int c = 0; c < nc; c++)
            {
                float avg = (float)(w[b + c] - u[b + c] / step);
                if (Math.Abs(avg) < options.PruneBelow) continue;
                cls.Add((byte)c);
                wts.Add(avg);
            }
            if (cls.Count == before) continue;
            outKeys.Add(keys[f]); rowStart.Add(before);
        }
        rowStart.Add(cls.Count);
        kept = cls.Count;
        var dense = new float[wd.Length];
        for (int j = 0; j < wd.Length; j++) dense[j] = (float)(wd[j] - ud[j] / step);
        var sparse = new NerModel(shell.Types.ToArray(), shell.CaseStatsList, shell.Gazetteer.Entries, new NerLinear([.. outKeys], [.. rowStart], [.. cls], [.. wts]), options.Description, options.DecodeBeam);
        return new ContextualNerModel(sparse, options.Context, options.Scale, mean, invStd, dense, options.EncoderVersion, options.Description,
            ContextualNerModel.CurrentFeatureFingerprint());
    }

    /// <summary>
    /// Structured perceptron step for one sentence, as <see cref="NerTrainer"/>'s, with the dense part in the search and in the
    /// update: beam search with the current sparse and dense weights, then, if the best hypothesis is wrong, +1 (sparse) and +x
    /// (dense) for the gold prefix's classes and −1 / −x for the best hypothesis' up to the update point.
    /// </summary>
    private sealed class StructuredState(int nc, bool[] allowed, int beamWidth, int width, int context, float[] w, float[] wd, Dictionary<ulong, int> rows)
    {
        private readonly NerBeam _beam = new(nc, allowed, beamWidth);
        private readonly ulong[] _fbuf = new ulong[NerFeatures.MaxFeatures];
        private readonly int[] _static = new int[NerFeatures.MaxFeatures];
        private readonly int[] _history = new int[NerFeatures.HistoryFeatures];
        private readonly float[] _wordScores = new float[nc];
        private readonly float[] _local = new float[nc];
        private readonly float[] _x = new float[width];
        private int[] _pred = new int[64];
        private int[] _goldRank = new int[64];
        private double[] _goldScore = new double[64];
        private float[] _dense = new float[64 * nc];

        /// <summary>Returns 1 when the sentence was updated, else 0. <paramref name="z"/>: the sentence's standardized vectors.</summary>
        public int Train(NerWord[] words, int[] gold, float[] z, NerBeamUpdate update, double[] u, double[] ud, long step)
        {
            int n = words.Length;
            if (_pred.Length < n) { _pred = new int[n * 2]; _goldRank = new int[n * 2]; _goldScore = new double[n * 2]; }
            if (_dense.Length < n * nc) _dense = new float[n * 2 * nc];
            for (int i = 0; i < n; i++)
            {
                ContextualNerTagger.Input(z, n, i, context, _x);
                for (int c = 0; c < nc; c++) _dense[i * nc + c] = ContextualNerTagger.Dot(wd.AsSpan(c * width, width), _x);
            }
            var scorer = new NerTrainingScorer(w, rows, words, nc, _fbuf, _static, _history, _wordScores, _dense);
            _beam.Search(ref scorer, n);
            var scorer2 = new NerTrainingScorer(w, rows, words, nc, _fbuf, _static, _history, _wordScores, _dense);
            int at = _beam.UpdatePoint(ref scorer2, gold.AsSpan(0, n), update, _goldRank, _goldScore, _local);
            if (at < 0) return 0;
            _beam.Trace(at, 0, _pred);
            double c0 = step;
            for (int i = 0; i <= at; i++)
            {
                int gp1 = i >= 1 ? gold[i - 1] : -1, gp2 = i >= 2 ? gold[i - 2] : -1;
                int pp1 = i >= 1 ? _pred[i - 1] : -1, pp2 = i >= 2 ? _pred[i - 2] : -1;
                if (_pred[i] == gold[i] && pp1 == gp1 && pp2 == gp2) continue;
                Add(_static, Lookup(NerFeatures.ExtractStatic(words, i, _fbuf), _static), gold[i], _pred[i], u, c0);
                Add(_history, Lookup(NerFeatures.ExtractHistory(words, i, gp1, gp2, _fbuf), _history), gold[i], -1, u, c0);
                Add(_history, Lookup(NerFeatures.ExtractHistory(words, i, pp1, pp2, _fbuf), _history), -1, _pred[i], u, c0);
                if (gold[i] == _pred[i]) continue;
                // The dense inputs do not depend on the history: like the static features, they move only when the class differs.
                ContextualNerTagger.Input(z, n, i, context, _x);
                int bg = gold[i] * width, bp = _pred[i] * width;
                for (int j = 0; j < width; j++)
                {
                    float v = _x[j];
                    wd[bg + j] += v; ud[bg + j] += c0 * v;
                    wd[bp + j] -= v; ud[bp + j] -= c0 * v;
                }
            }
            return 1;
        }

        private int Lookup(int count, int[] idx)
        {
            int k = 0;
            for (int f = 0; f < count; f++) if (rows.TryGetValue(_fbuf[f], out var r)) idx[k++] = r;
            return k;
        }

        private void Add(int[] idx, int count, int plus, int minus, double[] u, double c)
        {
            if (plus == minus) return;
            for (int f = 0; f < count; f++)
            {
                long b = (long)idx[f] * nc;
                if (plus >= 0) { w[b + plus] += 1; u[b + plus] += c; }
                if (minus >= 0) { w[b + minus] -= 1; u[b + minus] -= c; }
            }
        }
    }

    private static Example ToExample(NerSentence s, float[] vectors, NerModel shell, Dictionary<string, int> typeId)
    {
        if (vectors.Length != s.Forms.Length * D) throw new ArgumentException("One 384-float vector per word expected.", nameof(vectors));
        var (words, gold) = NerTrainer.Encode(s, shell, typeId);
        return new Example(words, gold, vectors);
    }
}
