namespace Sitrep.Nlp.Tagging;

/// <summary>Sparse multiclass linear scorer: each kept feature hash owns a short row of (class, weight) pairs.</summary>
internal sealed class LinearModel
{
    // The scoring layout, built for cache misses (the model is larger than the CPU caches, so each feature costs about one miss
    // for its slot and one for its row): 8-byte slots holding a 32-bit key check and the row's position, and 3-byte (weight, class)
    // pairs with int16 weights summed as integers; the argmax does not need the scale.
    private readonly struct Slot(uint check, int startCount)
    {
        public readonly uint Check = check;
        public readonly int StartCount = startCount; // start << 8 | count; 0: empty slot (kept rows always have a weight)
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

    public LinearModel(ulong[] keys, int[] rowStart, byte[] classes, float[] weights)
    {
        Keys = keys; RowStart = rowStart; Classes = classes; Weights = weights;
        if (classes.Length >= 1 << 23) throw new InvalidOperationException("Too many weights for the slot layout.");
        Scale = QuantizationScale(weights);
        int size = 16;
        while (size < keys.Length + keys.Length / 2) size <<= 1; // load factor <= 2/3
        _slots = new Slot[size];
        _mask = size - 1;
        _pairs = new Pair[classes.Length];
        for (int j = 0; j < classes.Length; j++) _pairs[j] = new Pair(Quantize(weights[j], Scale), classes[j]);
        for (int i = 0; i < keys.Length; i++)
        {
            int count = rowStart[i + 1] - rowStart[i];
            if (count == 0) continue;
            if (count > 255) throw new InvalidOperationException("A feature row has more than 255 classes.");
            int h = (int)keys[i] & _mask;
            while (_slots[h].StartCount != 0) h = (h + 1) & _mask;
            _slots[h] = new Slot((uint)(keys[i] >> 32), rowStart[i] << 8 | count);
        }
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
        scores.Clear();
        var slots = _slots; var pairs = _pairs; int mask = _mask;
        // Two phases: first find every feature's row (independent loads the CPU can overlap), then add the rows.
        Span<int> rows = stackalloc int[features.Length];
        int found = 0;
        foreach (var key in features)
        {
            int h = (int)key & mask;
            uint check = (uint)(key >> 32);
            while (true)
            {
                var slot = slots[h];
                if (slot.StartCount == 0) break;
                if (slot.Check == check) { rows[found++] = slot.StartCount; break; }
                h = (h + 1) & mask;
            }
        }
        foreach (var sc in rows[..found])
        {
            int start = sc >> 8, end = start + (sc & 0xFF);
            for (int j = start; j < end; j++) scores[pairs[j].Class] += pairs[j].Weight;
        }
    }

    /// <summary>Greedy left-to-right decoding of one sentence; <paramref name="firstPass"/> is empty for the first pass.</summary>
    public void Decode(ReadOnlySpan<WordInfo> words, ReadOnlySpan<int> firstPass, Span<int> classes, Span<ulong> fbuf, Span<int> scores)
    {
        int p1 = -1, p2 = -1;
        for (int i = 0; i < words.Length; i++)
        {
            int nf = PosFeatures.Extract(words, i, p1, p2, firstPass, fbuf);
            Score(fbuf[..nf], scores);
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
