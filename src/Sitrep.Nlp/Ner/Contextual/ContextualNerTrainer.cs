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
    public string EncoderVersion { get; init; } = "";
    public Action<string>? Log { get; init; }
}

/// <summary>
/// Averaged-perceptron training of the MiniLM NER variant: the default model's sparse templates plus dense weights over the
/// standardized MiniLM vectors, updated together. Single-threaded and seeded: the same data and vectors give the same bytes.
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
            var msg = string.Create(CultureInfo.InvariantCulture, $"epoch {epoch}: train class acc {100.0 * (total - errors) / total:0.00}");
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
        var sparse = new NerModel(shell.Types.ToArray(), shell.CaseStatsList, shell.Gazetteer.Entries, new NerLinear([.. outKeys], [.. rowStart], [.. cls], [.. wts]), options.Description);
        return new ContextualNerModel(sparse, options.Context, options.Scale, mean, invStd, dense, options.EncoderVersion, options.Description,
            ContextualNerModel.CurrentFeatureFingerprint());
    }

    private static Example ToExample(NerSentence s, float[] vectors, NerModel shell, Dictionary<string, int> typeId)
    {
        if (vectors.Length != s.Forms.Length * D) throw new ArgumentException("One 384-float vector per word expected.", nameof(vectors));
        var (words, gold) = NerTrainer.Encode(s, shell, typeId);
        return new Example(words, gold, vectors);
    }
}
