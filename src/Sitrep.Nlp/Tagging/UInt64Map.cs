namespace Sitrep.Nlp.Tagging;

/// <summary>
/// Open-addressing hash map from 64-bit feature hashes to values. The keys are already well mixed, so the low bits index
/// the table directly; linear probing keeps lookups to one or two cache lines (much faster than Dictionary on this hot path).
/// </summary>
internal sealed class UInt64Map<TValue> where TValue : struct
{
    private readonly ulong[] _keys;
    private readonly TValue[] _values;
    private readonly bool[] _used;
    private readonly int _mask;

    public UInt64Map(int count)
    {
        int size = 16;
        while (size < count * 2) size <<= 1; // load factor <= 0.5
        _keys = new ulong[size];
        _values = new TValue[size];
        _used = new bool[size];
        _mask = size - 1;
    }

    public int Count { get; private set; }

    public void Set(ulong key, TValue value)
    {
        int i = (int)key & _mask;
        while (_used[i] && _keys[i] != key) i = (i + 1) & _mask;
        if (!_used[i]) { _used[i] = true; _keys[i] = key; Count++; if (Count * 2 > _keys.Length) throw new InvalidOperationException("UInt64Map is full."); }
        _values[i] = value;
    }

    public bool TryGetValue(ulong key, out TValue value)
    {
        int i = (int)key & _mask;
        while (_used[i])
        {
            if (_keys[i] == key) { value = _values[i]; return true; }
            i = (i + 1) & _mask;
        }
        value = default;
        return false;
    }
}
