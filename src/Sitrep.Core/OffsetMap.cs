namespace Sitrep.Core;

/// <summary>
/// Maps offsets in a clean text back to the raw text it was derived from. Built from segments: a run of
/// clean characters copied one-to-one from raw, or a clean run standing for a raw span of another length
/// (a decoded entity, a collapsed whitespace run, an inserted paragraph break). Every clean character
/// maps to a raw position; a clean span maps to the raw span that covers it.
/// </summary>
public sealed class OffsetMap
{
    // Parallel arrays, sorted by clean start; segments tile the clean text without gaps.
    private readonly int[] _cleanStart;
    private readonly int[] _cleanLength;
    private readonly int[] _rawStart;
    private readonly int[] _rawLength;

    public OffsetMap(int[] cleanStart, int[] cleanLength, int[] rawStart, int[] rawLength, int cleanLength2, int rawTextLength)
    {
        int n = cleanStart.Length;
        if (cleanLength.Length != n || rawStart.Length != n || rawLength.Length != n)
            throw new ArgumentException("Offset map arrays differ in length.");
        int expected = 0;
        for (int i = 0; i < n; i++)
        {
            if (cleanStart[i] != expected) throw new ArgumentException($"Offset map segment {i} starts at {cleanStart[i]}, expected {expected}.");
            if (cleanLength[i] <= 0) throw new ArgumentException($"Offset map segment {i} is empty.");
            if (rawStart[i] < 0 || rawLength[i] < 0 || rawStart[i] + rawLength[i] > rawTextLength)
                throw new ArgumentException($"Offset map segment {i} raw span [{rawStart[i]}, {rawStart[i] + rawLength[i]}) is outside the raw text ({rawTextLength}).");
            expected += cleanLength[i];
        }
        if (expected != cleanLength2) throw new ArgumentException($"Offset map covers {expected} clean characters, text has {cleanLength2}.");
        _cleanStart = cleanStart;
        _cleanLength = cleanLength;
        _rawStart = rawStart;
        _rawLength = rawLength;
        CleanLength = cleanLength2;
        RawLength = rawTextLength;
    }

    /// <summary>The identity map: clean text equals raw text.</summary>
    public static OffsetMap Identity(int length) => length == 0
        ? new OffsetMap([], [], [], [], 0, 0)
        : new OffsetMap([0], [length], [0], [length], length, length);

    public int CleanLength { get; }
    public int RawLength { get; }
    public int SegmentCount => _cleanStart.Length;

    /// <summary>The raw span that clean character <paramref name="cleanOffset"/> came from.</summary>
    public TextSpan MapChar(int cleanOffset)
    {
        if ((uint)cleanOffset >= (uint)CleanLength) throw new ArgumentOutOfRangeException(nameof(cleanOffset), cleanOffset, $"Clean text has {CleanLength} characters.");
        int i = FindSegment(cleanOffset);
        if (_cleanLength[i] == _rawLength[i])
        {
            int raw = _rawStart[i] + (cleanOffset - _cleanStart[i]);
            return new TextSpan(raw, raw + 1);
        }
        return new TextSpan(_rawStart[i], _rawStart[i] + _rawLength[i]);
    }

    /// <summary>The smallest raw span covering every raw character that the clean span came from.</summary>
    public TextSpan MapToRaw(TextSpan clean)
    {
        if (clean.End > CleanLength) throw new ArgumentOutOfRangeException(nameof(clean), clean, $"Clean text has {CleanLength} characters.");
        if (clean.IsEmpty)
        {
            if (CleanLength == 0) return new TextSpan(0, 0);
            int p = clean.Start < CleanLength ? MapChar(clean.Start).Start : MapChar(CleanLength - 1).End;
            return new TextSpan(p, p);
        }
        var first = MapChar(clean.Start);
        var last = MapChar(clean.End - 1);
        return new TextSpan(first.Start, Math.Max(first.End, last.End));
    }

    /// <summary>The clean offset of the first clean character derived at or after raw position <paramref name="rawOffset"/>; CleanLength if none.</summary>
    public int MapFromRaw(int rawOffset)
    {
        for (int i = 0; i < _cleanStart.Length; i++)
        {
            int rs = _rawStart[i], re = rs + _rawLength[i];
            if (rawOffset < rs) return _cleanStart[i];
            if (rawOffset < re)
                return _cleanLength[i] == _rawLength[i] ? _cleanStart[i] + (rawOffset - rs) : _cleanStart[i];
        }
        return CleanLength;
    }

    /// <summary>Composes this map (clean → middle) with <paramref name="inner"/> (middle → raw).</summary>
    public OffsetMap Then(OffsetMap inner)
    {
        if (inner.CleanLength != RawLength) throw new ArgumentException("Maps do not chain: lengths differ.");
        var b = new Builder(inner.RawLength);
        for (int i = 0; i < _cleanStart.Length; i++)
        {
            if (_cleanLength[i] == _rawLength[i])
            {
                for (int k = 0; k < _cleanLength[i]; k++)
                    b.Add(1, inner.MapChar(_rawStart[i] + k));
            }
            else
            {
                b.Add(_cleanLength[i], inner.MapToRaw(new TextSpan(_rawStart[i], _rawStart[i] + _rawLength[i])));
            }
        }
        return b.Build();
    }

    /// <summary>The segments as (cleanStart, cleanLength, rawStart, rawLength) tuples, for storage.</summary>
    public IEnumerable<(int CleanStart, int CleanLength, int RawStart, int RawLength)> Segments()
    {
        for (int i = 0; i < _cleanStart.Length; i++)
            yield return (_cleanStart[i], _cleanLength[i], _rawStart[i], _rawLength[i]);
    }

    /// <summary>Compact text form: "cleanLength:rawStart:rawLength" per segment, separated by ';'.</summary>
    public string Serialize()
    {
        var sb = new System.Text.StringBuilder(_cleanStart.Length * 12);
        sb.Append(CleanLength).Append('/').Append(RawLength);
        for (int i = 0; i < _cleanStart.Length; i++)
            sb.Append(';').Append(_cleanLength[i]).Append(':').Append(_rawStart[i]).Append(':').Append(_rawLength[i]);
        return sb.ToString();
    }

    public static OffsetMap Deserialize(string s)
    {
        var parts = s.Split(';');
        var head = parts[0].Split('/');
        int clean = int.Parse(head[0], System.Globalization.CultureInfo.InvariantCulture);
        int raw = int.Parse(head[1], System.Globalization.CultureInfo.InvariantCulture);
        var b = new Builder(raw);
        for (int i = 1; i < parts.Length; i++)
        {
            var f = parts[i].Split(':');
            int cl = int.Parse(f[0], System.Globalization.CultureInfo.InvariantCulture);
            int rs = int.Parse(f[1], System.Globalization.CultureInfo.InvariantCulture);
            int rl = int.Parse(f[2], System.Globalization.CultureInfo.InvariantCulture);
            b.Add(cl, TextSpan.FromLength(rs, rl));
        }
        var map = b.Build();
        if (map.CleanLength != clean) throw new FormatException("Offset map length mismatch.");
        return map;
    }

    private int FindSegment(int cleanOffset)
    {
        int lo = 0, hi = _cleanStart.Length - 1;
        while (lo < hi)
        {
            int mid = (lo + hi + 1) >> 1;
            if (_cleanStart[mid] <= cleanOffset) lo = mid; else hi = mid - 1;
        }
        return lo;
    }

    /// <summary>Accumulates segments; adjacent one-to-one runs that continue each other are merged.</summary>
    public sealed class Builder(int rawLength)
    {
        private readonly List<int> _cs = [], _cl = [], _rs = [], _rl = [];
        private int _clean;

        public int CleanLength => _clean;

        /// <summary><paramref name="cleanLength"/> clean characters come from <paramref name="raw"/>; one-to-one when the lengths are equal.</summary>
        public void Add(int cleanLength, TextSpan raw)
        {
            if (cleanLength <= 0) return;
            int n = _cs.Count;
            if (n > 0 && cleanLength == raw.Length && _cl[n - 1] == _rl[n - 1] && _rs[n - 1] + _rl[n - 1] == raw.Start)
            {
                _cl[n - 1] += cleanLength;
                _rl[n - 1] += cleanLength;
            }
            else
            {
                _cs.Add(_clean); _cl.Add(cleanLength); _rs.Add(raw.Start); _rl.Add(raw.Length);
            }
            _clean += cleanLength;
        }

        public OffsetMap Build() => new([.. _cs], [.. _cl], [.. _rs], [.. _rl], _clean, rawLength);
    }
}
