namespace Sitrep.Nlp.Parsing;

/// <summary>
/// A multiclass averaged perceptron over hashed features, for training. Each feature hash selects a row of
/// <see cref="Stride"/> contiguous weights (one per class), so scoring touches one cache line per feature.
/// Averaging is lazy (Daumé's trick): alongside w it keeps u = Σ c·δ, and the average is w − u/c.
/// </summary>
internal sealed class HashedPerceptron
{
    private readonly float[] _w;
    private readonly double[] _u;
    private readonly int _shift;
    private long _c = 1;

    public HashedPerceptron(int bits, int classes, int stride)
    {
        if (bits is < 8 or > 26) throw new ArgumentOutOfRangeException(nameof(bits));
        if (stride < classes) throw new ArgumentOutOfRangeException(nameof(stride));
        Bits = bits; Classes = classes; Stride = stride;
        _shift = 64 - bits;
        _w = new float[(1 << bits) * stride];
        _u = new double[_w.Length];
    }

    public int Bits { get; }
    public int Classes { get; }
    public int Stride { get; }

    /// <summary>Row offsets of the features (the same mapping the frozen model uses).</summary>
    public void Rows(ReadOnlySpan<ulong> features, Span<int> rows)
    {
        for (int i = 0; i < features.Length; i++) rows[i] = (int)(features[i] >> _shift) * Stride;
    }

    public void Score(ReadOnlySpan<int> rows, Span<float> scores)
    {
        scores[..Classes].Clear();
        var w = _w;
        foreach (var r in rows)
            for (int c = 0; c < Classes; c++) scores[c] += w[r + c];
    }

    /// <summary>Counts one training instance (the clock of the averaging).</summary>
    public void Tick() => _c++;

    public void Update(ReadOnlySpan<int> rows, int gold, int predicted)
    {
        if (gold == predicted) return;
        double c = _c;
        foreach (var r in rows)
        {
            _w[r + gold] += 1f; _u[r + gold] += c;
            _w[r + predicted] -= 1f; _u[r + predicted] -= c;
        }
    }

    /// <summary>Adds <paramref name="delta"/> to the weights of class <paramref name="cls"/> in these rows (a structured update).</summary>
    public void Add(ReadOnlySpan<int> rows, int cls, float delta)
    {
        double c = _c * (double)delta;
        foreach (var r in rows) { _w[r + cls] += delta; _u[r + cls] += c; }
    }

    /// <summary>The averaged weights (a new array; training can go on).</summary>
    public float[] Averaged()
    {
        var avg = new float[_w.Length];
        double c = _c;
        for (int i = 0; i < avg.Length; i++) avg[i] = (float)(_w[i] - _u[i] / c);
        return avg;
    }
}
