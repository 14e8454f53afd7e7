using System.Numerics;

namespace Sitrep.Nlp.Parsing;

/// <summary>
/// Greedy arc-hybrid dependency parser over a frozen <see cref="ParserModel"/>. Thread-safe: each thread brings its own
/// <see cref="ParserWorkspace"/> (or uses the per-thread one behind the convenience overloads).
/// </summary>
public sealed class DependencyParser
{
    [ThreadStatic] private static ParserWorkspace? t_workspace;
    [ThreadStatic] private static Buffers? t_buffers;

    internal sealed class Buffers
    {
        public readonly ulong[] Features = new ulong[Math.Max(ParserFeatures.MaxActionFeatures, ParserFeatures.MaxLabelFeatures)];
        public readonly int[] LabelScores = new int[256 + 64];
    }

    public DependencyParser(ParserModel model)
    {
        Model = model;
        _labelNames = [.. model.LabelNames];
    }

    private readonly string[] _labelNames;

    public ParserModel Model { get; }

    public static DependencyParser Load(string path) => new(ParserModel.Load(path));

    /// <summary>Parses the sentence held by <paramref name="w"/> (after Begin/SetWord); read results with <see cref="HeadOf"/> and <see cref="LabelOf"/>.</summary>
    public void Parse(ParserWorkspace w)
    {
        var buf = t_buffers ??= new Buffers();
        Span<ulong> f = buf.Features;
        Span<int> scores = stackalloc int[ParserModel.ActionStride];
        var actions = Model.Actions;
        int shift = Model.ActionShift;
        w.Reset();
        while (!w.IsTerminal)
        {
            int k = ParserFeatures.Action(w, f);
            scores.Clear();
            for (int i = 0; i < k; i++)
            {
                int r = (int)(f[i] >> shift) * ParserModel.ActionStride;
                scores[0] += actions[r]; scores[1] += actions[r + 1]; scores[2] += actions[r + 2];
            }
            int best = -1;
            for (int a = 0; a < ParserModel.ActionClasses; a++)
                if (w.IsValid(a) && (best < 0 || scores[a] > scores[best])) best = a;
            int label = best == ParserWorkspace.Shift ? 0 : ChooseLabel(w, best, buf) + 1;
            w.Apply(best, label);
        }
    }

    /// <summary>Label id (0-based) for the arc the transition would add.</summary>
    internal int ChooseLabel(ParserWorkspace w, int action, Buffers? buffers = null)
    {
        int head = ArcHybridOracle.ArcHead(w, action), dep = w.Stack[w.Sp - 1];
        if (head == w.N) return Model.RootLabel;
        var buf = buffers ?? (t_buffers ??= new Buffers());
        Span<ulong> f = buf.Features;
        int k = ParserFeatures.Label(w, head, dep, action == ParserWorkspace.Left, f);
        int nl = _labelNames.Length, shift = Model.LabelShift;
        var scores = buf.LabelScores;
        Array.Clear(scores);
        var table = Model.Labels;
        int vs = Vector<short>.Count, half = Vector<int>.Count;
        for (int i = 0; i < k; i++)
        {
            // Rows are read a vector at a time and may run into the next row (the table is padded at the end); the
            // extra sums land in scores past nl and are ignored.
            int o = (int)(f[i] >> shift) * nl;
            for (int c = 0; c < nl; c += vs)
            {
                Vector.Widen(new Vector<short>(table, o + c), out var lo, out var hi);
                (new Vector<int>(scores, c) + lo).CopyTo(scores, c);
                (new Vector<int>(scores, c + half) + hi).CopyTo(scores, c + half);
            }
        }
        int best = -1;
        for (int c = 0; c < nl; c++)
            if (c != Model.RootLabel && (best < 0 || scores[c] > scores[best])) best = c;
        return best;
    }

    /// <summary>Head of word <paramref name="i"/> after <see cref="Parse(ParserWorkspace)"/>: a word index, or -1 for the root.</summary>
    public static int HeadOf(ParserWorkspace w, int i) => w.Head[i] == w.N ? -1 : w.Head[i];

    public string LabelOf(ParserWorkspace w, int i) => _labelNames[w.Label[i] - 1];

    /// <summary>Parses one sentence of words with their tags; heads are word indices (-1 = root).</summary>
    public void Parse(IReadOnlyList<string> forms, IReadOnlyList<string?> upos, IReadOnlyList<string?> xpos, Span<int> heads, Span<string> labels)
    {
        var w = t_workspace ??= new ParserWorkspace();
        w.Begin(forms.Count);
        for (int i = 0; i < forms.Count; i++) w.SetWord(i, forms[i], upos[i], xpos[i]);
        Parse(w);
        for (int i = 0; i < forms.Count; i++) { heads[i] = HeadOf(w, i); labels[i] = LabelOf(w, i); }
    }
}
