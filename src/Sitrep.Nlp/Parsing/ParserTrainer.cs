using System.Diagnostics;
using System.Globalization;

namespace Sitrep.Nlp.Parsing;

public sealed record ParserTrainingOptions
{
    public int Epochs { get; init; } = 15;
    public int Seed { get; init; } = 1;
    /// <summary>log2 of the transition table's rows.</summary>
    public int ActionBits { get; init; } = 21;
    /// <summary>log2 of the label table's rows.</summary>
    public int LabelBits { get; init; } = 19;
    /// <summary>From this epoch (1-based) on, training follows the model's own prediction with <see cref="ExploreProbability"/>.</summary>
    public int ExploreFromEpoch { get; init; } = 2;
    public double ExploreProbability { get; init; } = 0.9;
    /// <summary>1: greedy training with the dynamic oracle; more: global training for beam search of this width (<see cref="ParserBeamTrainer"/>), stored in the model.</summary>
    public int BeamWidth { get; init; } = 1;
    /// <summary>Free text stored in the model (corpus, command).</summary>
    public string Description { get; init; } = "";
}

public sealed record ParserEpochReport(int Epoch, double TrainSeconds, double TrainActionAccuracy, double DevUas, double DevLas, bool Best);

/// <summary>
/// Trains the arc-hybrid parser: averaged perceptron, dynamic oracle with exploration (Goldberg and Nivre 2012/2013),
/// a separate perceptron choosing the label of each arc. Single-threaded and seeded, so the same data and options give
/// byte-identical models. With a dev set the epoch with the best dev LAS is kept.
/// </summary>
public static class ParserTrainer
{
    public static ParserModel Train(IReadOnlyList<ParserSentence> train, IReadOnlyList<ParserSentence>? dev, ParserTrainingOptions options,
        Action<ParserEpochReport>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Epochs, 1);
        var labels = BuildLabels(train);
        var labelIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < labels.Length; i++) labelIndex[labels[i]] = i;
        int root = labelIndex.TryGetValue("root", out var r) ? r : throw new InvalidDataException("Training data has no 'root' relation.");
        int nl = labels.Length;

        var actions = new HashedPerceptron(options.ActionBits, ParserModel.ActionClasses, ParserModel.ActionStride);
        var labeller = new HashedPerceptron(options.LabelBits, nl, nl);
        var rng = new Random(options.Seed);
        var order = Enumerable.Range(0, train.Count).ToArray();
        var w = new ParserWorkspace();
        var f = new ulong[Math.Max(ParserFeatures.MaxActionFeatures, ParserFeatures.MaxLabelFeatures)];
        var rows = new int[f.Length];
        var lrows = new int[f.Length];
        Span<float> scores = stackalloc float[ParserModel.ActionStride];
        Span<int> costs = stackalloc int[ParserModel.ActionClasses];
        var lscores = new float[nl];
        ParserModel? best = null;
        double bestLas = double.NegativeInfinity;
        ArgumentOutOfRangeException.ThrowIfLessThan(options.BeamWidth, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(options.BeamWidth, ParserModel.MaxBeamWidth);
        var beam = options.BeamWidth > 1
            ? new ParserBeamTrainer(options.BeamWidth, actions, labeller, root, labelIndex.TryGetValue("nmod:poss", out var poss) ? poss : -1)
            : null;

        for (int epoch = 1; epoch <= options.Epochs; epoch++)
        {
            var sw = Stopwatch.StartNew();
            rng.Shuffle(order);
            long decisions = 0, correct = 0;
            bool explore = epoch >= options.ExploreFromEpoch;
            foreach (var si in order)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var s = train[si];
                Load(w, s, labelIndex);
                if (beam is not null)
                {
                    beam.Train(w);
                    continue;
                }
                w.Reset();
                while (!w.IsTerminal)
                {
                    int k = ParserFeatures.Action(w, f);
                    var rs = rows.AsSpan(0, k);
                    actions.Rows(f.AsSpan(0, k), rs);
                    actions.Score(rs, scores);
                    int pred = -1, gold = -1, minCost = int.MaxValue;
                    for (int a = 0; a < ParserModel.ActionClasses; a++)
                    {
                        costs[a] = int.MaxValue;
                        if (!w.IsValid(a)) continue;
                        costs[a] = ArcHybridOracle.Cost(w, a);
                        minCost = Math.Min(minCost, costs[a]);
                        if (pred < 0 || scores[a] > scores[pred]) pred = a;
                    }
                    for (int a = 0; a < ParserModel.ActionClasses; a++)
                        if (costs[a] == minCost && (gold < 0 || scores[a] > scores[gold])) gold = a;
                    decisions++;
                    if (costs[pred] == minCost) correct++;
                    else actions.Update(rs, gold, pred);
                    actions.Tick();
                    int next = explore && rng.NextDouble() < options.ExploreProbability ? pred : gold;

                    int label = 0;
                    if (next != ParserWorkspace.Shift)
                    {
                        int head = ArcHybridOracle.ArcHead(w, next), dep = w.Stack[w.Sp - 1];
                        if (head == w.N) label = root;
                        else
                        {
                            int lk = ParserFeatures.Label(w, head, dep, next == ParserWorkspace.Left, f);
                            var lr = lrows.AsSpan(0, lk);
                            labeller.Rows(f.AsSpan(0, lk), lr);
                            labeller.Score(lr, lscores);
                            int lp = ArgMaxExcept(lscores, root);
                            if (w.GoldHead[dep] == head)
                            {
                                // Learn labels only on right arcs: a wrong arc has no right label.
                                int lg = w.GoldLabel[dep];
                                labeller.Update(lr, lg, lp);
                                labeller.Tick();
                                label = lg;
                            }
                            else label = lp;
                        }
                        label++;
                    }
                    w.Apply(next, label);
                }
            }
            if (beam is not null) (decisions, correct) = beam.TakeCounts();
            double seconds = sw.Elapsed.TotalSeconds;
            var model = ParserModel.Freeze(options.ActionBits, actions.Averaged(), options.LabelBits, labeller.Averaged(), labels, root,
                Describe(options, epoch), options.BeamWidth);
            double uas = double.NaN, las = double.NaN;
            bool isBest = true;
            if (dev is { Count: > 0 })
            {
                var scorer = Evaluate(new DependencyParser(model), dev);
                uas = scorer.Uas; las = scorer.Las;
                isBest = las > bestLas;
            }
            if (isBest) { best = model; bestLas = las; }
            progress?.Invoke(new ParserEpochReport(epoch, seconds, decisions == 0 ? 0 : (double)correct / decisions, uas, las, isBest));
        }
        return best!;
    }

    private static string Describe(ParserTrainingOptions o, int epoch) =>
        string.Create(CultureInfo.InvariantCulture, $"{o.Description}; epoch {epoch} of {o.Epochs}; seed {o.Seed}; bits {o.ActionBits}/{o.LabelBits}{(o.BeamWidth > 1 ? $"; beam {o.BeamWidth}, max-violation" : "")}").TrimStart(';', ' ');

    /// <summary>Parses every sentence (with the tags it carries) and scores against its tree.</summary>
    public static DependencyScorer Evaluate(DependencyParser parser, IReadOnlyList<ParserSentence> gold)
    {
        var scorer = new DependencyScorer();
        var heads = new int[16]; var rels = new string[16];
        foreach (var s in gold)
        {
            if (heads.Length < s.Count) { heads = new int[s.Count * 2]; rels = new string[s.Count * 2]; }
            parser.Parse(s.Forms, s.Upos, s.Xpos, heads, rels);
            scorer.Add(s.Heads, s.Deprels, heads.AsSpan(0, s.Count), rels.AsSpan(0, s.Count));
        }
        return scorer;
    }

    private static int ArgMaxExcept(ReadOnlySpan<float> scores, int except)
    {
        int best = -1;
        for (int c = 0; c < scores.Length; c++)
            if (c != except && (best < 0 || scores[c] > scores[best])) best = c;
        return best;
    }

    /// <summary>Relations in ordinal order, so label ids do not depend on the order of the corpus.</summary>
    private static string[] BuildLabels(IReadOnlyList<ParserSentence> train)
    {
        var set = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var s in train) foreach (var d in s.Deprels) set.Add(d);
        if (set.Count > 255) throw new InvalidDataException($"Too many relations ({set.Count}).");
        return [.. set];
    }

    internal static void Load(ParserWorkspace w, ParserSentence s, IReadOnlyDictionary<string, int> labels)
    {
        int n = s.Count;
        w.Begin(n);
        for (int i = 0; i < n; i++)
        {
            w.SetWord(i, s.Forms[i], s.Upos[i], s.Xpos[i]);
            w.GoldHead[i] = s.Heads[i] < 0 ? n : s.Heads[i];
            w.GoldLabel[i] = labels.TryGetValue(s.Deprels[i], out var l) ? l : 0;
        }
    }
}
