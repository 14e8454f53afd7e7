using System.Globalization;

namespace Sitrep.Nlp.Ner;

public sealed record NerTrainingOptions
{
    public int Epochs { get; init; } = 8;
    public int Seed { get; init; } = 1;
    /// <summary>Features seen fewer times in training (with gold history) are dropped before training.</summary>
    public int MinFeatureCount { get; init; } = 2;
    /// <summary>Averaged weights with an absolute value below this are pruned from the saved model.</summary>
    public float PruneBelow { get; init; } = 0.1f;
    public string Description { get; init; } = "";
    /// <summary>Beam width the saved model decodes with (stored in the model when wider than 1).</summary>
    public int DecodeBeam { get; init; } = 1;
    /// <summary>0: the classic per-word perceptron with greedy history. N ≥ 1: structured perceptron over whole sentences
    /// decoded with a beam of width N, updated at the point given by <see cref="Update"/>.</summary>
    public int TrainBeam { get; init; }
    public NerBeamUpdate Update { get; init; } = NerBeamUpdate.MaxViolation;
    public Action<string>? Log { get; init; }
}

/// <summary>Where structured training updates a sentence whose best beam hypothesis is wrong.</summary>
public enum NerBeamUpdate
{
    /// <summary>At the first word where the gold prefix falls out of the beam, or at the end (Collins &amp; Roark 2004).</summary>
    Early,
    /// <summary>At the prefix where the best hypothesis beats the gold prefix by the most (Huang, Fayong &amp; Guo 2012).</summary>
    MaxViolation,
}

/// <summary>
/// Averaged-perceptron training of the BIO tagger, per word with greedy history or per sentence with beam search
/// (<see cref="NerTrainingOptions.TrainBeam"/>): single-threaded and seeded, so the same data gives the same bytes.
/// </summary>
public static class NerTrainer
{
    public static readonly string[] Types = ["PER", "ORG", "LOC"];

    private sealed record Example(NerWord[] Words, int[] Gold);

    /// <summary>Trains on <paramref name="train"/> (UPOS filled); scores <paramref name="dev"/> after every epoch when given.</summary>
    public static NerModel Train(IReadOnlyList<NerSentence> train, IReadOnlyList<NerSentence>? dev, IReadOnlyList<GazetteerEntry> gazetteer, NerTrainingOptions options)
    {
        var log = options.Log ?? (_ => { });
        var typeId = Types.Select((t, i) => (t, i)).ToDictionary(p => p.t, p => p.i, StringComparer.Ordinal);
        int nc = 1 + 2 * Types.Length;
        var caseStats = CaseStatistics(train);
        var shell = new NerModel(Types, caseStats, gazetteer, new NerLinear([], [0], [], []), "");
        var examples = train.Where(s => s.Forms.Length > 0).Select(s => ToExample(s, shell, typeId)).ToArray();
        var allowed = shell.Allowed;

        var (keys, rows, seen) = SelectFeatures(examples.Select(e => (e.Words, e.Gold)), options.MinFeatureCount);
        log(string.Create(CultureInfo.InvariantCulture, $"{examples.Length} sentences, {examples.Sum(e => e.Words.Length)} words, {seen} features, {keys.Length} kept (count >= {options.MinFeatureCount}), {gazetteer.Count} gazetteer phrases"));

        int nfeat = keys.Length;
        var w = new float[(long)nfeat * nc];
        // The step-weighted sums run to ~1e12 on large data: float loses the averages, double keeps them.
        var u = new double[(long)nfeat * nc];
        long step = 1;
        var scores = new float[nc];
        var idx = new int[NerFeatures.MaxFeatures];
        var fbuf = new ulong[NerFeatures.MaxFeatures];
        ulong rng = (ulong)options.Seed * 0x9E3779B97F4A7C15UL + 1;
        var order = Enumerable.Range(0, examples.Length).ToArray();
        var structured = options.TrainBeam >= 1 ? new StructuredState(nc, allowed, options.TrainBeam, w, rows) : null;
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
                if (structured is not null)
                {
                    errors += structured.Train(ex.Words, ex.Gold, options.Update, w, u, step);
                    total += ex.Words.Length; step += ex.Words.Length;
                    continue;
                }
                int p1 = -1, p2 = -1;
                for (int i = 0; i < ex.Words.Length; i++)
                {
                    int n = Features(ex.Words, i, p1, p2, fbuf, rows, idx);
                    int pred = Argmax(w, null, 0, idx, n, nc, scores, allowed, p1);
                    int gold = ex.Gold[i];
                    // After a wrong previous class, I-X may be impossible: the best reachable class is then B-X, and
                    // pushing towards the impossible I-X would only teach the features that follow a mistake.
                    if (!allowed[(p1 + 1) * nc + gold]) gold = gold - 1;
                    if (pred != gold)
                    {
                        errors++;
                        double c = step;
                        for (int f = 0; f < n; f++)
                        {
                            long b = (long)idx[f] * nc;
                            w[b + gold] += 1; u[b + gold] += c;
                            w[b + pred] -= 1; u[b + pred] -= c;
                        }
                    }
                    total++; step++;
                    p2 = p1; p1 = pred;
                }
            }
            var msg = structured is null
                ? string.Create(CultureInfo.InvariantCulture, $"epoch {epoch}: train class acc {100.0 * (total - errors) / total:0.00}")
                : string.Create(CultureInfo.InvariantCulture, $"epoch {epoch}: {errors} of {examples.Length} sentences updated");
            if (dev is not null)
            {
                var tmp = Build(keys, w, u, step, nc, options.PruneBelow, out _);
                var model = new NerModel(Types, caseStats, gazetteer, tmp, "", options.DecodeBeam);
                var sc = NerEvaluation.Score(new NerTagger(model), dev);
                msg += string.Create(CultureInfo.InvariantCulture, $", dev P {sc.Overall.Precision:0.00} R {sc.Overall.Recall:0.00} F1 {sc.Overall.F1:0.00}");
            }
            log(msg);
        }
        var linear = Build(keys, w, u, step, nc, options.PruneBelow, out int kept);
        log(string.Create(CultureInfo.InvariantCulture, $"{linear.FeatureCount} features, {kept} weights after pruning"));
        return new NerModel(Types, caseStats, gazetteer, linear, options.Description, options.DecodeBeam);
    }

    /// <summary>
    /// Trains <paramref name="bags"/> models that differ only in their seed (the order of the training sentences) and averages
    /// their weights into one model. One bag is <see cref="Train"/>.
    /// </summary>
    public static NerModel TrainBagged(IReadOnlyList<NerSentence> train, IReadOnlyList<NerSentence>? dev, IReadOnlyList<GazetteerEntry> gazetteer, NerTrainingOptions options, int bags)
    {
        if (bags <= 1) return Train(train, dev, gazetteer, options);
        var models = new NerModel[bags];
        for (int b = 0; b < bags; b++) models[b] = Train(train, null, gazetteer, options with { Seed = options.Seed + b });
        var first = models[0];
        var linear = NerLinear.Average([.. models.Select(m => m.Weights)], options.PruneBelow);
        options.Log?.Invoke(string.Create(CultureInfo.InvariantCulture, $"{bags} bags averaged: {linear.FeatureCount} features"));
        return new NerModel([.. first.Types], first.CaseStatsList, first.Gazetteer.Entries, linear, options.Description, options.DecodeBeam);
    }

    private static NerLinear Build(ulong[] keys, float[] w, double[] u, long step, int nc, float prune, out int kept)
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
                if (Math.Abs(avg) < prune) continue;
                cls.Add((byte)c);
                wts.Add(avg);
            }
            if (cls.Count == before) continue;
            outKeys.Add(keys[f]); rowStart.Add(before);
        }
        rowStart.Add(cls.Count);
        kept = cls.Count;
        return new NerLinear([.. outKeys], [.. rowStart], [.. cls], [.. wts]);
    }

    /// <summary>
    /// The features seen at least <paramref name="minCount"/> times with gold previous classes, sorted (their row order in the
    /// weight table), a row index by feature, and how many distinct features were seen.
    /// </summary>
    internal static (ulong[] Keys, Dictionary<ulong, int> Rows, int Seen) SelectFeatures(IEnumerable<(NerWord[] Words, int[] Gold)> examples, int minCount)
    {
        var counts = new Dictionary<ulong, int>();
        var fbuf = new ulong[NerFeatures.MaxFeatures];
        foreach (var (words, gold) in examples)
            for (int i = 0; i < words.Length; i++)
            {
                int n = NerFeatures.Extract(words, i, i >= 1 ? gold[i - 1] : -1, i >= 2 ? gold[i - 2] : -1, fbuf);
                for (int f = 0; f < n; f++) counts[fbuf[f]] = counts.GetValueOrDefault(fbuf[f]) + 1;
            }
        var keys = counts.Where(p => p.Value >= minCount).Select(p => p.Key).Order().ToArray();
        var rows = new Dictionary<ulong, int>(keys.Length);
        for (int i = 0; i < keys.Length; i++) rows[keys[i]] = i;
        return (keys, rows, counts.Count);
    }

    /// <summary>How each lowercased word is usually written away from the sentence start: 0 lowercase, 1 mixed, 2 capitalized, 3 all caps.</summary>
    internal static List<KeyValuePair<ulong, ulong>> CaseStatistics(IReadOnlyList<NerSentence> train)
    {
        var empty = new UInt64Table([]);
        var stats = new Dictionary<ulong, (int Lower, int Cap, int Upper)>();
        var word = new NerWord();
        foreach (var s in train)
            for (int i = 1; i < s.Forms.Length; i++)
            {
                var f = s.Forms[i];
                if (f.Length == 0 || !char.IsLetter(f[0])) continue;
                NerFeatures.Compute(f, 0, empty, ref word);
                var (lo, cap, up) = stats.GetValueOrDefault(word.Lower);
                if (f.Length > 1 && f.All(c => !char.IsLower(c))) up++;
                else if (char.IsUpper(f[0])) cap++;
                else lo++;
                stats[word.Lower] = (lo, cap, up);
            }
        var result = new List<KeyValuePair<ulong, ulong>>();
        foreach (var (k, (lo, cap, up)) in stats.OrderBy(p => p.Key))
        {
            int n = lo + cap + up;
            ulong v = up * 2 > n ? 3UL : lo * 10 >= n * 9 ? 0UL : (cap + up) * 10 >= n * 9 ? 2UL : 1UL;
            result.Add(new(k, v));
        }
        return result;
    }

    private static Example ToExample(NerSentence s, NerModel shell, Dictionary<string, int> typeId)
    {
        var (words, gold) = Encode(s, shell, typeId);
        return new Example(words, gold);
    }

    /// <summary>A sentence's words with their features and gazetteer marks, and its gold BIO classes (types outside <paramref name="typeId"/> are O).</summary>
    internal static (NerWord[] Words, int[] Gold) Encode(NerSentence s, NerModel shell, Dictionary<string, int> typeId)
    {
        var words = new NerWord[s.Forms.Length];
        for (int i = 0; i < words.Length; i++) NerFeatures.Compute(s.Forms[i], UposIds.Of(s.Upos?[i]), shell.CaseStats, ref words[i]);
        shell.Gazetteer.Mark(words);
        var gold = new int[words.Length];
        foreach (var sp in s.Spans)
        {
            if (!typeId.TryGetValue(sp.Type, out int t)) continue;
            gold[sp.Start] = NerModel.ClassOf(t, 0);
            for (int i = sp.Start + 1; i < sp.Start + sp.Length; i++) gold[i] = NerModel.ClassOf(t, 1);
        }
        return (words, gold);
    }

    private static int Features(NerWord[] words, int i, int p1, int p2, ulong[] fbuf, Dictionary<ulong, int> rows, int[] idx)
    {
        int n = NerFeatures.Extract(words, i, p1, p2, fbuf), k = 0;
        for (int f = 0; f < n; f++) if (rows.TryGetValue(fbuf[f], out var r)) idx[k++] = r;
        return k;
    }

    private static int Argmax(float[] w, float[]? u, long step, int[] idx, int n, int nc, float[] scores, bool[] allowed, int prev)
    {
        Array.Clear(scores);
        for (int f = 0; f < n; f++)
        {
            long b = (long)idx[f] * nc;
            for (int c = 0; c < nc; c++) scores[c] += w[b + c];
        }
        int row = (prev + 1) * nc, best = -1;
        for (int c = 0; c < nc; c++) if (allowed[row + c] && (best < 0 || scores[c] > scores[best])) best = c;
        return best;
    }

    /// <summary>
    /// Structured perceptron step for one sentence: beam search with the current weights (<see cref="NerBeam"/>, the decoder's
    /// search), then, if the best hypothesis is wrong, +1 for the gold prefix's features and −1 for the best hypothesis' up to
    /// the update point. Buffers are reused across sentences.
    /// </summary>
    private sealed class StructuredState(int nc, bool[] allowed, int width, float[] w, Dictionary<ulong, int> rows)
    {
        private readonly NerBeam _beam = new(nc, allowed, width);
        private readonly ulong[] _fbuf = new ulong[NerFeatures.MaxFeatures];
        private readonly int[] _static = new int[NerFeatures.MaxFeatures];
        private readonly int[] _history = new int[NerFeatures.HistoryFeatures];
        private readonly float[] _wordScores = new float[nc];
        private readonly float[] _local = new float[nc];
        private int[] _pred = new int[64];
        private int[] _goldRank = new int[64];
        private double[] _goldScore = new double[64];

        /// <summary>Returns 1 when the sentence was updated, else 0.</summary>
        public int Train(NerWord[] words, int[] gold, NerBeamUpdate update, float[] wt, double[] u, long step)
        {
            int n = words.Length;
            if (_pred.Length < n) { _pred = new int[n * 2]; _goldRank = new int[n * 2]; _goldScore = new double[n * 2]; }
            var scorer = new NerTrainingScorer(w, rows, words, nc, _fbuf, _static, _history, _wordScores);
            _beam.Search(ref scorer, n);
            var scorer2 = new NerTrainingScorer(w, rows, words, nc, _fbuf, _static, _history, _wordScores);
            int at = _beam.UpdatePoint(ref scorer2, gold.AsSpan(0, n), update, _goldRank, _goldScore, _local);
            if (at < 0) return 0;
            _beam.Trace(at, 0, _pred);
            double c = step;
            for (int i = 0; i <= at; i++)
            {
                int gp1 = i >= 1 ? gold[i - 1] : -1, gp2 = i >= 2 ? gold[i - 2] : -1;
                int pp1 = i >= 1 ? _pred[i - 1] : -1, pp2 = i >= 2 ? _pred[i - 2] : -1;
                if (_pred[i] == gold[i] && pp1 == gp1 && pp2 == gp2) continue;
                int ns = Lookup(NerFeatures.ExtractStatic(words, i, _fbuf), _static);
                Add(_static, ns, gold[i], _pred[i], wt, u, c);
                Add(_history, Lookup(NerFeatures.ExtractHistory(words, i, gp1, gp2, _fbuf), _history), gold[i], -1, wt, u, c);
                Add(_history, Lookup(NerFeatures.ExtractHistory(words, i, pp1, pp2, _fbuf), _history), -1, _pred[i], wt, u, c);
            }
            return 1;
        }

        private int Lookup(int count, int[] idx)
        {
            int k = 0;
            for (int f = 0; f < count; f++) if (rows.TryGetValue(_fbuf[f], out var r)) idx[k++] = r;
            return k;
        }

        private void Add(int[] idx, int count, int plus, int minus, float[] wt, double[] u, double c)
        {
            if (plus == minus) return;
            for (int f = 0; f < count; f++)
            {
                long b = (long)idx[f] * nc;
                if (plus >= 0) { wt[b + plus] += 1; u[b + plus] += c; }
                if (minus >= 0) { wt[b + minus] -= 1; u[b + minus] -= c; }
            }
        }
    }
}

/// <summary>
/// Training-time scores from the uncompressed weight table (features not kept by <see cref="NerTrainer.SelectFeatures"/>
/// score nothing), plus, for the MiniLM variant, each word's dense scores (<paramref name="dense"/>[i * nc + c]), which do
/// not depend on the history. Shared by both trainers' structured updates.
/// </summary>
internal struct NerTrainingScorer(float[] w, Dictionary<ulong, int> rows, NerWord[] words, int nc, ulong[] fbuf, int[] sidx, int[] hidx, float[] wordScores, float[]? dense = null) : INerScorer
{
    private int _i;

    public void Begin(int i)
    {
        _i = i;
        int n = NerFeatures.ExtractStatic(words, i, fbuf), k = 0;
        for (int f = 0; f < n; f++) if (rows.TryGetValue(fbuf[f], out var r)) sidx[k++] = r;
        Array.Clear(wordScores);
        for (int f = 0; f < k; f++)
        {
            long b = (long)sidx[f] * nc;
            for (int c = 0; c < nc; c++) wordScores[c] += w[b + c];
        }
        if (dense is not null) for (int c = 0; c < nc; c++) wordScores[c] += dense[i * nc + c];
    }

    public readonly void Local(int p1, int p2, Span<float> scores)
    {
        int n = NerFeatures.ExtractHistory(words, _i, p1, p2, fbuf), k = 0;
        for (int f = 0; f < n; f++) if (rows.TryGetValue(fbuf[f], out var r)) hidx[k++] = r;
        for (int c = 0; c < nc; c++) scores[c] = wordScores[c];
        for (int f = 0; f < k; f++)
        {
            long b = (long)hidx[f] * nc;
            for (int c = 0; c < nc; c++) scores[c] += w[b + c];
        }
    }
}
