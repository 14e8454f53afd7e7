using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Sitrep.Nlp.Tagging;

/// <summary>Sparse multiclass linear scorer: each kept feature hash owns a short row of (class, weight) pairs.</summary>
internal sealed class LinearModel
{
    // The scoring layout, built for cache misses (the model is larger than the CPU caches, so each feature costs about one miss
    // for its slot and one for its row): 16-byte slots holding a 32-bit key check, the row's first two (weight, class) pairs
    // inline and the position of the rest, so that most features (rows of one or two classes) cost a single miss; int16 weights
    // are summed as integers, and the argmax does not need the scale.
    [System.Runtime.InteropServices.StructLayout(System.Runtime.InteropServices.LayoutKind.Sequential, Pack = 4)]
    private readonly struct Slot(uint check, int count, int rest, short w0, short w1, byte c0, byte c1)
    {
        public readonly uint Check = check;
        public readonly int Count = count; // classes in the row; 0: empty slot (kept rows always have a weight)
        public readonly int Rest = rest;   // position of pairs 3.. in _pairs
        public readonly short W0 = w0, W1 = w1;
        public readonly byte C0 = c0, C1 = c1;
    }

    [System.Runtime.InteropServices.StructLayout(System.Runtime.InteropServices.LayoutKind.Sequential, Pack = 1)]
    private readonly struct Pair(short weight, byte cls)
    {
        public readonly short Weight = weight;
        public readonly byte Class = cls;
    }

    private readonly Slot[] _slots;
    private readonly Pair[] _pairs;
    private readonly int _mask;
    private readonly int _maxClass;

    public LinearModel(ulong[] keys, int[] rowStart, byte[] classes, float[] weights)
    {
        Keys = keys; RowStart = rowStart; Classes = classes; Weights = weights;
        Scale = QuantizationScale(weights);
        int size = 16;
        while (size < keys.Length + keys.Length / 2) size <<= 1; // load factor <= 2/3
        _slots = LargeArrays.Allocate<Slot>(size);
        _mask = size - 1;
        int spill = 0;
        for (int i = 0; i < keys.Length; i++) spill += Math.Max(0, rowStart[i + 1] - rowStart[i] - 2);
        _pairs = LargeArrays.Allocate<Pair>(spill + 1);
        int next = 0;
        for (int i = 0; i < keys.Length; i++)
        {
            int s = rowStart[i], count = rowStart[i + 1] - s;
            if (count == 0) continue;
            if (count > 255) throw new InvalidOperationException("A feature row has more than 255 classes.");
            for (int j = s; j < s + count; j++) _maxClass = Math.Max(_maxClass, classes[j]);
            short w0 = Quantize(weights[s], Scale), w1 = count > 1 ? Quantize(weights[s + 1], Scale) : (short)0;
            byte c0 = classes[s], c1 = count > 1 ? classes[s + 1] : classes[s];
            int rest = next;
            for (int j = s + 2; j < s + count; j++) _pairs[next++] = new Pair(Quantize(weights[j], Scale), classes[j]);
            int h = (int)keys[i] & _mask;
            while (_slots[h].Count != 0) h = (h + 1) & _mask;
            _slots[h] = new Slot((uint)(keys[i] >> 32), count, rest, w0, w1, c0, c1);
        }
        LargeArrays.Settle(_slots);
        LargeArrays.Settle(_pairs);
    }

    /// <summary>Weight units per int16 step.</summary>
    public float Scale { get; }

    private static float QuantizationScale(float[] weights)
    {
        float max = 0;
        foreach (var x in weights) max = Math.Max(max, Math.Abs(x));
        return max > 0 ? max / short.MaxValue : 1f;
    }

    private static short Quantize(float w, float scale) => (short)Math.Clamp(Math.Round(w / scale), -short.MaxValue, short.MaxValue);

    public ulong[] Keys { get; }
    public int[] RowStart { get; }
    public byte[] Classes { get; }
    public float[] Weights { get; }
    /// <summary>Integer class scores (in units of <see cref="Scale"/>) for a feature set.</summary>
    public void Score(ReadOnlySpan<ulong> features, Span<int> scores)
    {
        // Class ids index scores without bounds checks below: check the largest once.
        scores.Clear();
        Add(features, scores);
    }

    /// <summary>Adds the class scores of <paramref name="features"/> to <paramref name="scores"/>.</summary>
    public void Add(ReadOnlySpan<ulong> features, Span<int> scores)
    {
        // Class ids index scores without bounds checks below: check the largest once.
        if (scores.Length <= _maxClass) throw new ArgumentException("Score buffer shorter than the model's classes.", nameof(scores));
        ref Slot slots = ref MemoryMarshal.GetArrayDataReference(_slots);
        ref Pair pairs = ref MemoryMarshal.GetArrayDataReference(_pairs);
        ref int sc = ref MemoryMarshal.GetReference(scores);
        int mask = _mask;
        // Two phases: first find every feature's slot (independent loads the CPU can overlap), then add the rows.
        Span<int> found = stackalloc int[features.Length];
        int n = 0;
        foreach (var key in features)
        {
            int h = (int)key & mask;
            uint check = (uint)(key >> 32);
            while (true)
            {
                ref readonly Slot slot = ref Unsafe.Add(ref slots, h); // h <= mask < _slots.Length
                if (slot.Count == 0) break;
                if (slot.Check == check) { found[n++] = h; break; }
                h = (h + 1) & mask;
            }
        }
        foreach (int h in found[..n])
        {
            ref readonly Slot slot = ref Unsafe.Add(ref slots, h);
            // c1 = c0 and w1 = 0 for one-class rows, so both inline pairs are always added.
            Unsafe.Add(ref sc, slot.C0) += slot.W0;
            Unsafe.Add(ref sc, slot.C1) += slot.W1;
            for (int j = slot.Rest, end = slot.Rest + slot.Count - 2; j < end; j++)
            {
                ref readonly Pair p = ref Unsafe.Add(ref pairs, j); // rows were laid out inside _pairs by the constructor
                Unsafe.Add(ref sc, p.Class) += p.Weight;
            }
        }
    }

    /// <summary>Greedy left-to-right decoding of one sentence; <paramref name="firstPass"/> is empty for the first pass.</summary>
    public void Decode(ReadOnlySpan<WordInfo> words, ReadOnlySpan<int> firstPass, Span<int> classes, Span<ulong> fbuf, Span<int> scores) =>
        Decode(words, firstPass, classes, fbuf, scores, null);

    /// <summary>
    /// As above; with a <paramref name="cache"/>, the scores of the features that depend on the word alone
    /// (<see cref="PosFeatures.ExtractWord"/>) are looked up per word form instead of summed again: frequent words
    /// then cost a third fewer weight-table misses. Integer sums, so the tags are exactly those without the cache.
    /// </summary>
    public void Decode(ReadOnlySpan<WordInfo> words, ReadOnlySpan<int> firstPass, Span<int> classes, Span<ulong> fbuf, Span<int> scores, WordScoreCache? cache)
    {
        int p1 = -1, p2 = -1;
        for (int i = 0; i < words.Length; i++)
        {
            if (cache is null)
            {
                int nf = PosFeatures.Extract(words, i, p1, p2, firstPass, fbuf);
                Score(fbuf[..nf], scores);
            }
            else
            {
                ref readonly var w = ref words[i];
                var cached = cache.Row(w.Exact, w.Lower, out bool hit);
                if (!hit)
                {
                    int nw = PosFeatures.ExtractWord(in w, fbuf);
                    Score(fbuf[..nw], cached);
                }
                cached.CopyTo(scores);
                int nf = PosFeatures.ExtractContext(words, i, p1, p2, firstPass, fbuf);
                Add(fbuf[..nf], scores);
            }
            int best = 0;
            for (int c = 1; c < scores.Length; c++) if (scores[c] > scores[best]) best = c;
            classes[i] = best;
            p2 = p1; p1 = best;
        }
    }

    public void Write(BinaryWriter w)
    {
        // One global scale, int16 per entry; rows in key order so that the bytes do not depend on training order.
        float scale = Scale;
        w.Write(scale);
        var order = Enumerable.Range(0, Keys.Length).OrderBy(i => Keys[i]).ToArray();
        w.Write(order.Length);
        foreach (var i in order)
        {
            int s = RowStart[i], e = RowStart[i + 1];
            w.Write(Keys[i]);
            w.Write((byte)(e - s));
            for (int j = s; j < e; j++) { w.Write(Classes[j]); w.Write(Quantize(Weights[j], scale)); }
        }
    }

    public static LinearModel Read(BinaryReader r)
    {
        float scale = r.ReadSingle();
        int nf = r.ReadInt32();
        var keys = new ulong[nf]; var start = new int[nf + 1];
        var cls = new List<byte>(nf * 4); var wts = new List<float>(nf * 4);
        for (int i = 0; i < nf; i++)
        {
            keys[i] = r.ReadUInt64();
            int n = r.ReadByte();
            start[i] = cls.Count;
            for (int j = 0; j < n; j++) { cls.Add(r.ReadByte()); wts.Add(r.ReadInt16() * scale); }
        }
        start[nf] = cls.Count;
        return new LinearModel(keys, start, [.. cls], [.. wts]);
    }
}

/// <summary>
/// Per-thread, per-pass cache of the word-only part of the class scores, keyed by the word's exact and lowercase hashes
/// (direct-mapped: a colliding word replaces the entry). Small enough to stay in the CPU's L2/L3 caches.
/// </summary>
internal sealed class WordScoreCache
{
    private const int Entries = 2048;
    private readonly ulong[] _exact = new ulong[Entries];
    private readonly ulong[] _lower = new ulong[Entries];
    private readonly bool[] _used = new bool[Entries];
    private readonly int[] _scores;
    private readonly int _classes;

    public WordScoreCache(LinearModel model, int classes)
    {
        Model = model;
        _classes = classes;
        _scores = new int[Entries * classes];
    }

    public LinearModel Model { get; }

    /// <summary>The entry for a word; <paramref name="hit"/> is false when the caller must fill it.</summary>
    public Span<int> Row(ulong exact, ulong lower, out bool hit)
    {
        int e = (int)(exact >> 40) & (Entries - 1);
        hit = _used[e] && _exact[e] == exact && _lower[e] == lower;
        if (!hit) { _used[e] = true; _exact[e] = exact; _lower[e] = lower; }
        return _scores.AsSpan(e * _classes, _classes);
    }
}
