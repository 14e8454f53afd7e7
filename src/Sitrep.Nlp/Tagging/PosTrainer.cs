using System.Globalization;
using Sitrep.Nlp.Conllu;

namespace Sitrep.Nlp.Tagging;

public sealed record PosTrainingOptions
{
    public int Epochs { get; init; } = 10;
    public int Seed { get; init; } = 1;
    /// <summary>Features seen fewer times in training (with gold history) are dropped before training: smaller model, little loss.</summary>
    public int MinFeatureCount { get; init; } = 2;
    /// <summary>Folds for jackknifed ambiguity classes on the training words (0: use the full lexicon).</summary>
    public int AmbiguityFolds { get; init; } = 10;
    /// <summary>Quantized weights with an absolute value below this (in weight units) are pruned from the saved model.</summary>
    public float PruneBelow { get; init; } = 0.05f;
    /// <summary>Train a second pass that sees the first pass's tags on both sides (stacking).</summary>
    public bool Stacked { get; init; } = true;
    /// <summary>Folds for the jackknifed first-pass tags the second pass trains on, and epochs for each fold's model.</summary>
    public int StackFolds { get; init; } = 5;
    public int StackEpochs { get; init; } = 5;
    public string Description { get; init; } = "";
    public Action<string>? Log { get; init; }
}

/// <summary>Averaged perceptron training of the greedy tagger, single-threaded and seeded, so the same data gives the same model bytes.</summary>
public static class PosTrainer
{
    private sealed class Example(WordInfo[] words, int[] gold)
    {
        public readonly WordInfo[] Words = words;
        public readonly int[] Gold = gold;
    }

    public static PosModel Train(IReadOnlyList<ConlluSentence> train, IReadOnlyList<ConlluSentence>? dev, PosTrainingOptions options)
    {
        var log = options.Log ?? (_ => { });
        // Tag tables, sorted ordinally so the ids do not depend on the order of the data.
        var uposSet = new SortedSet<string>(StringComparer.Ordinal);
        var xposSet = new SortedSet<string>(StringComparer.Ordinal);
        var pairSet = new SortedSet<(string, string)>(Comparer<(string, string)>.Create((a, b) =>
        {
            int c = string.CompareOrdinal(a.Item1, b.Item1);
            return c != 0 ? c : string.CompareOrdinal(a.Item2, b.Item2);
        }));
        foreach (var s in train)
            foreach (var t in s.Tokens) { uposSet.Add(t.Upos); xposSet.Add(t.Xpos); pairSet.Add((t.Upos, t.Xpos)); }
        var upos = uposSet.ToArray(); var xpos = xposSet.ToArray(); var pairs = pairSet.ToArray();
        if (pairs.Length > 256) throw new InvalidOperationException($"{pairs.Length} (UPOS, XPOS) classes; the model format allows 256.");
        var uposId = upos.Select((t, i) => (t, i)).ToDictionary(p => p.t, p => p.i, StringComparer.Ordinal);
        var xposId = xpos.Select((t, i) => (t, i)).ToDictionary(p => p.t, p => p.i, StringComparer.Ordinal);
        var classId = new Dictionary<(string, string), int>();
        for (int i = 0; i < pairs.Length; i++) classId[pairs[i]] = i;
        int nc = pairs.Length;

        var ambiguity = AmbiguityTable(train, classId, -1);

        // Jackknifed ambiguity classes for the training words (each fold sees the classes from the other folds only), so that
        // training meets unknown words as often as tagging does and does not learn to trust the lexicon blindly.
        var folds = new Dictionary<ulong, ulong>[options.AmbiguityFolds];
        for (int k = 0; k < folds.Length; k++) folds[k] = AmbiguityTable(train, classId, k, folds.Length);
        var examples = train.Select((s, i) => (s, i)).Where(p => p.s.Tokens.Count > 0)
            .Select(p => ToExample(p.s, folds.Length > 0 ? folds[p.i % folds.Length] : ambiguity, classId)).ToArray();
        var devExamples = dev?.Where(s => s.Tokens.Count > 0).Select(s => ToExample(s, ambiguity, classId)).ToArray();

        var first = TrainPass(examples, null, devExamples, null, nc, pairs, options, options.Epochs, "pass 1", log);
        var passes = new List<LinearModel> { first };
        if (options.Stacked)
        {
            // Jackknifed first-pass tags on the training data, so the second pass learns how far to trust them on unseen text.
            var fp = new int[examples.Length][];
            int k = options.StackFolds;
            for (int fold = 0; fold < k; fold++)
            {
                var rest = examples.Where((_, i) => i % k != fold).ToArray();
                var m = TrainPass(rest, null, null, null, nc, pairs, options, options.StackEpochs, $"fold {fold + 1}/{k}", log);
                for (int i = fold; i < examples.Length; i += k) fp[i] = DecodeWith(m, examples[i].Words, null, nc);
            }
            var devFp = devExamples?.Select(e => DecodeWith(first, e.Words, null, nc)).ToArray();
            passes.Add(TrainPass(examples, fp, devExamples, devFp, nc, pairs, options, options.Epochs, "pass 2", log));
        }

        var lemmatizer = Lemmatizer.Train(train.SelectMany(s => s.Tokens).Select(t => (t.Form, xposId[t.Xpos], t.Lemma)), xpos.Length);
        return new PosModel(upos, xpos, pairs.Select(p => uposId[p.Item1]).ToArray(), pairs.Select(p => xposId[p.Item2]).ToArray(),
            ambiguity, [.. passes], lemmatizer, options.Description);
    }

    private static int[] DecodeWith(LinearModel m, WordInfo[] words, int[]? firstPass, int nc)
    {
        var result = new int[words.Length];
        m.Decode(words, firstPass, result, new ulong[PosFeatures.MaxFeatures], new int[nc]);
        return result;
    }

    /// <summary>One averaged-perceptron pass: feature selection with gold history, shuffled epochs, averaged and pruned sparse rows.</summary>
    private static LinearModel TrainPass(Example[] examples, int[][]? firstPass, Example[]? devExamples, int[][]? devFirstPass, int nc,
        (string, string)[] pairs, PosTrainingOptions options, int epochs, string name, Action<string> log)
    {
        var counts = new Dictionary<ulong, int>();
        var fbuf = new ulong[PosFeatures.MaxFeatures];
        for (int e = 0; e < examples.Length; e++)
        {
            var ex = examples[e];
            var fp = firstPass is null ? default : firstPass[e].AsSpan();
            for (int i = 0; i < ex.Words.Length; i++)
            {
                int n = PosFeatures.Extract(ex.Words, i, i >= 1 ? ex.Gold[i - 1] : -1, i >= 2 ? ex.Gold[i - 2] : -1, fp, fbuf);
                for (int f = 0; f < n; f++) counts[fbuf[f]] = counts.GetValueOrDefault(fbuf[f]) + 1;
            }
        }
        var keys = new List<ulong>();
        foreach (var (k, c) in counts.OrderBy(p => p.Key))
            if (c >= options.MinFeatureCount) keys.Add(k);
        var rows = new UInt64Map<int>(keys.Count);
        for (int i = 0; i < keys.Count; i++) rows.Set(keys[i], i);
        log(string.Create(CultureInfo.InvariantCulture, $"{name}: {examples.Length} sentences, {counts.Count} features, {keys.Count} kept (count >= {options.MinFeatureCount})"));
        counts = null;

        int nfeat = keys.Count;
        var w = new float[(long)nfeat * nc];
        var u = new float[(long)nfeat * nc];  // sum of step * update, for the averaged weights w - u / step
        long step = 1;
        var scores = new float[nc];
        var idx = new int[PosFeatures.MaxFeatures];
        var rng = new SplitMix(options.Seed);
        var order = Enumerable.Range(0, examples.Length).ToArray();
        for (int epoch = 1; epoch <= epochs; epoch++)
        {
            var started = DateTime.UtcNow;
            // Fisher-Yates with our own generator: identical across runtimes.
            for (int i = order.Length - 1; i > 0; i--) { int j = (int)(rng.Next() % (ulong)(i + 1)); (order[i], order[j]) = (order[j], order[i]); }
            long errors = 0, total = 0;
            foreach (var e in order)
            {
                var ex = examples[e];
                var fp = firstPass is null ? null : firstPass[e];
                int p1 = -1, p2 = -1;
                for (int i = 0; i < ex.Words.Length; i++)
                {
                    int n = Features(ex.Words, i, p1, p2, fp, fbuf, rows, idx);
                    int pred = Argmax(w, null, 0, idx, n, nc, scores);
                    int gold = ex.Gold[i];
                    if (pred != gold)
                    {
                        errors++;
                        float c = step;
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
            var msg = string.Create(CultureInfo.InvariantCulture, $"{name} epoch {epoch}: train acc {100.0 * (total - errors) / total:0.00}");
            if (devExamples is not null)
            {
                long ok = 0, all = 0, okU = 0;
                for (int e = 0; e < devExamples.Length; e++)
                {
                    var ex = devExamples[e];
                    var fp = devFirstPass?[e];
                    int p1 = -1, p2 = -1;
                    for (int i = 0; i < ex.Words.Length; i++)
                    {
                        int n = Features(ex.Words, i, p1, p2, fp, fbuf, rows, idx);
                        int pred = Argmax(w, u, step, idx, n, nc, scores);
                        if (pred == ex.Gold[i]) ok++;
                        if (ex.Gold[i] >= 0 && pairs[pred].Item1 == pairs[ex.Gold[i]].Item1) okU++;
                        all++; p2 = p1; p1 = pred;
                    }
                }
                msg += string.Create(CultureInfo.InvariantCulture, $", dev joint {100.0 * ok / all:0.00}, dev UPOS {100.0 * okU / all:0.00}");
            }
            log(msg + string.Create(CultureInfo.InvariantCulture, $" ({(DateTime.UtcNow - started).TotalSeconds:0.0}s)"));
        }

        // Averaged, pruned, sparse rows.
        var rowStart = new List<int>(nfeat + 1);
        var outKeys = new List<ulong>(nfeat);
        var cls = new List<byte>();
        var wts = new List<float>();
        for (int f = 0; f < nfeat; f++)
        {
            int before = cls.Count;
            long b = (long)f * nc;
            for (int c = 0; c < nc; c++)
            {
                float avg = w[b + c] - u[b + c] / step;
                if (Math.Abs(avg) >= options.PruneBelow) { cls.Add((byte)c); wts.Add(avg); }
            }
            if (cls.Count == before) continue;
            outKeys.Add(keys[f]);
            rowStart.Add(before);
        }
        rowStart.Add(cls.Count);
        log(string.Create(CultureInfo.InvariantCulture, $"{name}: {outKeys.Count} features, {cls.Count} weights"));
        return new LinearModel([.. outKeys], [.. rowStart], [.. cls], [.. wts]);
    }

    /// <summary>Ambiguity classes: for each lowercased word, a hash of the set of classes it took (leaving out fold <paramref name="skipFold"/>).</summary>
    private static Dictionary<ulong, ulong> AmbiguityTable(IReadOnlyList<ConlluSentence> train, Dictionary<(string, string), int> classId, int skipFold, int folds = 1)
    {
        var ambSets = new Dictionary<ulong, SortedSet<int>>();
        for (int i = 0; i < train.Count; i++)
        {
            if (skipFold >= 0 && i % folds == skipFold) continue;
            foreach (var t in train[i].Tokens)
            {
                var key = FeatureHash.LowerChars(t.Form);
                if (!ambSets.TryGetValue(key, out var set)) ambSets[key] = set = [];
                set.Add(classId[(t.Upos, t.Xpos)]);
            }
        }
        var ambiguity = new Dictionary<ulong, ulong>(ambSets.Count);
        foreach (var (k, set) in ambSets)
        {
            ulong h = 0x1234;
            foreach (var c in set) h = FeatureHash.Mix(h ^ (ulong)(c + 1));
            ambiguity[k] = h;
        }
        return ambiguity;
    }

    private static Example ToExample(ConlluSentence s, Dictionary<ulong, ulong> ambiguity, Dictionary<(string, string), int> classId)
    {
        var words = new WordInfo[s.Tokens.Count];
        var gold = new int[s.Tokens.Count];
        for (int i = 0; i < words.Length; i++)
        {
            var t = s.Tokens[i];
            words[i] = PosFeatures.Compute(t.Form, ambiguity);
            gold[i] = classId.TryGetValue((t.Upos, t.Xpos), out var c) ? c : -1;
        }
        return new Example(words, gold);
    }

    private static int Features(WordInfo[] words, int i, int p1, int p2, int[]? firstPass, ulong[] fbuf, UInt64Map<int> rows, int[] idx)
    {
        int n = PosFeatures.Extract(words, i, p1, p2, firstPass, fbuf), k = 0;
        for (int f = 0; f < n; f++) if (rows.TryGetValue(fbuf[f], out var r)) idx[k++] = r;
        return k;
    }

    private static int Argmax(float[] w, float[]? u, long step, int[] idx, int n, int nc, float[] scores)
    {
        Array.Clear(scores);
        for (int f = 0; f < n; f++)
        {
            long b = (long)idx[f] * nc;
            if (u is null) for (int c = 0; c < nc; c++) scores[c] += w[b + c];
            else for (int c = 0; c < nc; c++) scores[c] += w[b + c] - u[b + c] / step;
        }
        int best = 0;
        for (int c = 1; c < nc; c++) if (scores[c] > scores[best]) best = c;
        return best;
    }

    /// <summary>splitmix64: a tiny seeded generator whose sequence never changes with the runtime.</summary>
    private struct SplitMix(int seed)
    {
        private ulong _state = (ulong)seed * 0x9E3779B97F4A7C15UL + 1;
        public ulong Next() { _state += 0x9E3779B97F4A7C15UL; return FeatureHash.Mix(_state); }
    }
}
