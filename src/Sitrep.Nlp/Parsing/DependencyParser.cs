using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Sitrep.Nlp.Parsing;

/// <summary>
/// Greedy arc-hybrid dependency parser over a frozen <see cref="ParserModel"/>. Thread-safe: each thread brings its own
/// <see cref="ParserWorkspace"/> (or uses the per-thread one behind the convenience overloads).
/// </summary>
public sealed class DependencyParser
{
    /// <summary>
    /// The decoding rules over a model's scores, recorded beside the model's sha256: the same model parses differently
    /// under another decoder. greedy/1: the best valid transition; greedy/2: plus the possessor rule (<see cref="MustAttachPossessor"/>);
    /// greedy/3: plus no dependents for an auxiliary before its verb (<see cref="AttachesToAuxiliary"/>).
    /// </summary>
    public const string DecoderVersion = "greedy/3";

    /// <summary>
    /// The beam decoder's version, recorded as "beam{width}/1" in place of <see cref="DecoderVersion"/>: beam/1 keeps the
    /// same two rules in every item of the beam.
    /// </summary>
    public const string BeamDecoderVersion = "1";

    /// <summary>What this parser decodes with, for the record's model versions: "greedy/3" or "beam8/1".</summary>
    public string Decoder => BeamWidth == 1 ? DecoderVersion : $"beam{BeamWidth}/{BeamDecoderVersion}";

    /// <summary>1: greedy; more: beam search over whole sentences with this many items (the model's own, unless given).</summary>
    public int BeamWidth { get; }

    [ThreadStatic] private static ParserWorkspace? t_workspace;
    [ThreadStatic] private static Buffers? t_buffers;

    internal sealed class Buffers
    {
        public readonly ulong[] Features = new ulong[Math.Max(ParserFeatures.MaxActionFeatures, ParserFeatures.MaxLabelFeatures)];
        public readonly int[] LabelScores = new int[256 + 64];
    }

    public DependencyParser(ParserModel model, int? beamWidth = null)
    {
        BeamWidth = beamWidth ?? model.BeamWidth;
        ArgumentOutOfRangeException.ThrowIfLessThan(BeamWidth, 1, nameof(beamWidth));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(BeamWidth, ParserModel.MaxBeamWidth, nameof(beamWidth));
        Model = model;
        _labelNames = [.. model.LabelNames];
        _possessorLabel = Array.IndexOf(_labelNames, "nmod:poss");
    }

    private readonly string[] _labelNames;
    /// <summary>Label id (0-based) of nmod:poss, -1 when the model has none.</summary>
    private readonly int _possessorLabel;

    public ParserModel Model { get; }

    public static DependencyParser Load(string path) => new(ParserModel.Load(path));

    /// <summary>Parses the sentence held by <paramref name="w"/> (after Begin/SetWord); read results with <see cref="HeadOf"/> and <see cref="LabelOf"/>.</summary>
    public void Parse(ParserWorkspace w)
    {
        if (BeamWidth > 1) ParseBeam(w, BeamWidth);
        else ParseGreedy(w);
    }

    private void ParseGreedy(ParserWorkspace w)
    {
        var buf = t_buffers ??= new Buffers();
        Span<ulong> f = buf.Features;
        ref short actions = ref MemoryMarshal.GetArrayDataReference(Model.Actions);
        int shift = Model.ActionShift;
        w.Reset();
        while (!w.IsTerminal)
        {
            int k = ParserFeatures.Action(w, f);
            // Every row is a random read in a table far larger than the caches: keep the sums in registers and the loop
            // free of bounds checks and stores, so that the CPU can have many rows in flight at once. Row indices are
            // below 2^ActionBits by construction (the top bits of the hash), so the reads stay inside the table.
            int a0 = 0, a1 = 0, a2 = 0;
            for (int i = 0; i < k; i++)
            {
                ref short row = ref Unsafe.Add(ref actions, (nint)(f[i] >> shift) * ParserModel.ActionStride);
                a0 += row; a1 += Unsafe.Add(ref row, 1); a2 += Unsafe.Add(ref row, 2);
            }
            int best = Choose(w, a0, a1, a2);
            int label;
            if (_possessorLabel >= 0 && MustAttachPossessor(w)) { best = ParserWorkspace.Left; label = _possessorLabel + 1; }
            else label = best == ParserWorkspace.Shift ? 0 : ChooseLabel(w, best, buf) + 1;
            w.Apply(best, label);
        }
    }

    /// <summary>
    /// Beam search over whole transition sequences: keeps the <paramref name="width"/> best partial parses by the sum of
    /// their transition scores and returns the best complete one in <paramref name="w"/>. Every arc-hybrid parse of n
    /// words takes 2n transitions, so the items of a beam are always at the same step. The decoder's rules hold in every
    /// item. Ties go to the earlier item and then to shift, left, right, so the result is deterministic.
    /// </summary>
    internal void ParseBeam(ParserWorkspace w, int width)
    {
        var buf = t_buffers ??= new Buffers();
        var beam = t_beam ??= new BeamBuffers();
        beam.Ensure(width);
        Span<ulong> f = buf.Features;
        ref short actions = ref MemoryMarshal.GetArrayDataReference(Model.Actions);
        int shift = Model.ActionShift;
        w.Reset();
        var cur = beam.Current; var next = beam.Next;
        long sentence = ++beam.Sentences;
        cur[0].CopyFrom(w, words: true);
        cur[0].BeamSentence = sentence;
        beam.Scores[0] = 0;
        int live = 1;
        Span<long> candidateScores = stackalloc long[3 * width];
        Span<int> candidates = stackalloc int[3 * width];
        while (!cur[0].IsTerminal)
        {
            int nc = 0;
            for (int i = 0; i < live; i++)
            {
                var item = cur[i];
                int k = ParserFeatures.Action(item, f);
                int a0 = 0, a1 = 0, a2 = 0;
                for (int j = 0; j < k; j++)
                {
                    ref short row = ref Unsafe.Add(ref actions, (nint)(f[j] >> shift) * ParserModel.ActionStride);
                    a0 += row; a1 += Unsafe.Add(ref row, 1); a2 += Unsafe.Add(ref row, 2);
                }
                int allowed = AllowedActions(item, _possessorLabel >= 0);
                for (int a = 0; a < ParserModel.ActionClasses; a++)
                {
                    if ((allowed & (1 << a)) == 0) continue;
                    long score = beam.Scores[i] + (a == ParserWorkspace.Shift ? a0 : a == ParserWorkspace.Left ? a1 : a2);
                    nc = InsertCandidate(candidates, candidateScores, nc, width, i * 3 + a, score);
                }
            }
            for (int c = 0; c < nc; c++)
            {
                int parent = candidates[c] / 3, action = candidates[c] % 3;
                var from = cur[parent];
                int label = action == ParserWorkspace.Shift ? 0
                    : _possessorLabel >= 0 && MustAttachPossessor(from) ? _possessorLabel + 1
                    : ChooseLabel(from, action, buf) + 1;
                var to = next[c];
                to.CopyFrom(from, words: to.BeamSentence != sentence);
                to.BeamSentence = sentence;
                to.Apply(action, label);
                beam.NextScores[c] = candidateScores[c];
            }
            beam.Swap();
            (cur, next) = (beam.Current, beam.Next);
            live = nc;
        }
        w.CopyFrom(cur[0], words: false);
    }

    /// <summary>Keeps the best <paramref name="width"/> candidates sorted by score, the earlier one first on ties.</summary>
    internal static int InsertCandidate<T>(Span<int> candidates, Span<T> scores, int count, int width, int candidate, T score)
        where T : System.Numerics.IComparisonOperators<T, T, bool>
    {
        int at = count;
        while (at > 0 && scores[at - 1] < score) at--;
        if (at >= width) return count;
        int last = Math.Min(count, width - 1);
        for (int j = last; j > at; j--) { candidates[j] = candidates[j - 1]; scores[j] = scores[j - 1]; }
        candidates[at] = candidate; scores[at] = score;
        return Math.Min(count + 1, width);
    }

    /// <summary>
    /// The transitions the decoder allows in <paramref name="w"/>, as a bit mask by action: only the possessor's arc when
    /// <see cref="MustAttachPossessor"/> holds; else the valid ones that give an auxiliary no dependent, or every valid one
    /// when none does (so that every parse completes).
    /// </summary>
    internal static int AllowedActions(ParserWorkspace w, bool possessorRule)
    {
        if (possessorRule && MustAttachPossessor(w)) return 1 << ParserWorkspace.Left;
        int valid = 0, kept = 0;
        for (int a = 0; a < ParserModel.ActionClasses; a++)
        {
            if (!w.IsValid(a)) continue;
            valid |= 1 << a;
            if (!AttachesToAuxiliary(w, a)) kept |= 1 << a;
        }
        return kept != 0 ? kept : valid;
    }

    [ThreadStatic] private static BeamBuffers? t_beam;

    /// <summary>The two generations of beam items (workspaces reused across sentences) and their scores.</summary>
    internal sealed class BeamBuffers
    {
        public ParserWorkspace[] Current = [], Next = [];
        public long[] Scores = [], NextScores = [];
        /// <summary>Counts sentences, so that an item knows whether it holds the current sentence's words.</summary>
        public long Sentences;

        public void Ensure(int width)
        {
            if (Current.Length >= width) return;
            Current = [.. Enumerable.Range(0, width).Select(_ => new ParserWorkspace())];
            Next = [.. Enumerable.Range(0, width).Select(_ => new ParserWorkspace())];
            Scores = new long[width]; NextScores = new long[width];
        }

        public void Swap()
        {
            (Current, Next) = (Next, Current);
            (Scores, NextScores) = (NextScores, Scores);
        }
    }

    /// <summary>
    /// A possessor ("Russia" with its "'s") is the nmod:poss of the noun that ends the nominal after it: when that noun
    /// reaches the buffer front with the possessor on top of the stack, the arc is made whatever the scores say. Greedy
    /// decoding otherwise garden-paths on "the US said Russia's Wagner Group had taken delivery", shifting the noun and
    /// later hanging the clause on "Russia". 95% of the possessive markers in EWT and GUM train mark an nmod:poss (most
    /// of the rest are ellipses such as "at Hunter's", which have no noun after them and are left to the model).
    /// </summary>
    internal static bool MustAttachPossessor(ParserWorkspace w)
    {
        int b = w.B;
        if (w.Sp == 0 || b >= w.N || w.Class[b] != ParserWorkspace.WordClass.Noun || w.Class[b + 1] != ParserWorkspace.WordClass.Breaks) return false;
        int r = w.R1[w.Stack[w.Sp - 1]];
        if (r >= w.N || w.Class[r] != ParserWorkspace.WordClass.PossessiveMarker) return false;
        // Only words that can sit inside the nominal between the marker and the noun: "Russia's [Wagner] Group", not
        // the ellipsis "at Del Frisco's for dinner".
        for (int j = r + 1; j < b; j++)
            if (w.Class[j] == ParserWorkspace.WordClass.Breaks) return false;
        return true;
    }

    /// <summary>
    /// The best-scoring valid transition that keeps the decoder's constraints; when every valid one breaks them (an
    /// earlier error left an auxiliary with nothing else to do), the best valid one, so that every parse completes.
    /// </summary>
    internal static int Choose(ParserWorkspace w, int shiftScore, int leftScore, int rightScore)
    {
        // The possessor rule is applied by the caller with its label; here only the auxiliary constraint and validity.
        int allowed = AllowedActions(w, possessorRule: false), best = -1, bestScore = 0;
        for (int a = 0; a < ParserModel.ActionClasses; a++)
        {
            if ((allowed & (1 << a)) == 0) continue;
            int score = a == ParserWorkspace.Shift ? shiftScore : a == ParserWorkspace.Left ? leftScore : rightScore;
            if (best < 0 || score > bestScore) { best = a; bestScore = score; }
        }
        return best;
    }

    /// <summary>
    /// An auxiliary before its verb takes no dependents: the subject of "Iran's government had sent drones" waits for
    /// "sent" instead of hanging on "had". (UD attaches subjects, adverbs and negation to the verb, the auxiliary to it.)
    /// </summary>
    internal static bool AttachesToAuxiliary(ParserWorkspace w, int action) => action switch
    {
        ParserWorkspace.Left => w.B < w.N && w.AuxiliaryBeforeVerb[w.B],
        ParserWorkspace.Right => w.Sp > 1 && w.AuxiliaryBeforeVerb[w.Stack[w.Sp - 2]],
        _ => false,
    };

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
        if (nl <= 64 && Vector256.IsHardwareAccelerated) ScoreLabels64(f[..k], shift, nl, scores);
        else ScoreLabels(f[..k], shift, nl, scores);
        int best = -1;
        for (int c = 0; c < nl; c++)
            if (c != Model.RootLabel && (best < 0 || scores[c] > scores[best])) best = c;
        return best;
    }

    /// <summary>
    /// Label scores for up to 64 labels: each row is read as four 16-lane int16 vectors (reading past the row into the
    /// next one, or into the table's padding at the end; those lanes land in scores past nl and are ignored), widened and
    /// summed in eight int32 accumulators that stay in registers.
    /// </summary>
    internal void ScoreLabels64(ReadOnlySpan<ulong> f, int shift, int nl, int[] scores)
    {
        ref short table = ref MemoryMarshal.GetArrayDataReference(Model.Labels);
        Vector256<int> s0 = default, s1 = default, s2 = default, s3 = default, s4 = default, s5 = default, s6 = default, s7 = default;
        foreach (var h in f)
        {
            // (h >> shift) < 2^LabelBits, and the table holds 2^LabelBits rows plus TablePadding (64) spare weights.
            ref short row = ref Unsafe.Add(ref table, (nint)(h >> shift) * nl);
            var (l0, h0) = Vector256.Widen(Vector256.LoadUnsafe(ref row));
            var (l1, h1) = Vector256.Widen(Vector256.LoadUnsafe(ref row, 16));
            var (l2, h2) = Vector256.Widen(Vector256.LoadUnsafe(ref row, 32));
            var (l3, h3) = Vector256.Widen(Vector256.LoadUnsafe(ref row, 48));
            s0 += l0; s1 += h0; s2 += l1; s3 += h1; s4 += l2; s5 += h2; s6 += l3; s7 += h3;
        }
        ref int o = ref MemoryMarshal.GetArrayDataReference(scores);
        s0.StoreUnsafe(ref o, 0); s1.StoreUnsafe(ref o, 8); s2.StoreUnsafe(ref o, 16); s3.StoreUnsafe(ref o, 24);
        s4.StoreUnsafe(ref o, 32); s5.StoreUnsafe(ref o, 40); s6.StoreUnsafe(ref o, 48); s7.StoreUnsafe(ref o, 56);
    }

    internal void ScoreLabels(ReadOnlySpan<ulong> f, int shift, int nl, int[] scores)
    {
        Array.Clear(scores);
        var table = Model.Labels;
        int vs = Vector<short>.Count, half = Vector<int>.Count;
        foreach (var h in f)
        {
            // Rows are read a vector at a time and may run into the next row (the table is padded at the end); the
            // extra sums land in scores past nl and are ignored.
            int o = (int)(h >> shift) * nl;
            for (int c = 0; c < nl; c += vs)
            {
                Vector.Widen(new Vector<short>(table, o + c), out var lo, out var hi);
                (new Vector<int>(scores, c) + lo).CopyTo(scores, c);
                (new Vector<int>(scores, c + half) + hi).CopyTo(scores, c + half);
            }
        }
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
