using System.Runtime.CompilerServices;

namespace Sitrep.Nlp.Ner;

/// <summary>
/// 64-bit hashing for the NER features: FNV-1a over UTF-16 units finished with splitmix64. Kept apart from the tagger's
/// hashing on purpose: the NER model's bytes depend on it, and it must not change when the tagger is tuned.
/// </summary>
internal static class NerHash
{
    private const ulong FnvOffset = 0xcbf29ce484222325UL;
    private const ulong FnvPrime = 0x100000001b3UL;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Mix(ulong x)
    {
        x ^= x >> 30; x *= 0xbf58476d1ce4e5b9UL;
        x ^= x >> 27; x *= 0x94d049bb133111ebUL;
        x ^= x >> 31;
        return x;
    }

    public static ulong Chars(ReadOnlySpan<char> s)
    {
        ulong h = FnvOffset;
        foreach (var c in s) { h ^= c; h *= FnvPrime; }
        return Mix(h ^ (ulong)s.Length);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong F(int template, ulong a) => Mix(a + (ulong)(template + 1) * 0x9E3779B97F4A7C15UL);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong F(int template, ulong a, ulong b) => Mix(Mix(a + (ulong)(template + 1) * 0x9E3779B97F4A7C15UL) ^ (b * 0xC2B2AE3D27D4EB4FUL + 0x165667B19E3779F9UL));

    /// <summary>Extends a phrase hash by one word hash (gazetteer keys are sequences of word hashes).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Extend(ulong phrase, ulong word) => Mix(phrase * 0x100000001b3UL ^ word);
}

/// <summary>Per-word values computed once per token, so that feature extraction only mixes integers.</summary>
internal struct NerWord
{
    public ulong Lower, Exact, Shape, ShortShape, P2, P3, P4, S2, S3, S4, Upos, Flags, Case;
    /// <summary>The sentence's case profile (see <see cref="NerFeatures.SentenceProfile"/>), the same on every word of it.</summary>
    public ulong Sent;
    /// <summary>Gazetteer bits: (type * 4 + B/I/L/U) for every gazetteer phrase covering the word.</summary>
    public uint Gaz;
    public bool Cap;
}

/// <summary>UPOS names to small ids (0 = unknown), without allocating.</summary>
internal static class UposIds
{
    public static ulong Of(string? upos) => upos switch
    {
        "ADJ" => 1, "ADP" => 2, "ADV" => 3, "AUX" => 4, "CCONJ" => 5, "DET" => 6, "INTJ" => 7, "NOUN" => 8, "NUM" => 9,
        "PART" => 10, "PRON" => 11, "PROPN" => 12, "PUNCT" => 13, "SCONJ" => 14, "SYM" => 15, "VERB" => 16, "X" => 17,
        _ => 0,
    };
}

/// <summary>The NER feature templates. Training and tagging call the same code, so they cannot drift apart.</summary>
internal static class NerFeatures
{
    public const int MaxFeatures = 128;

    private static readonly NerWord Start = Sentinel(0x5354415254UL);
    private static readonly NerWord End = Sentinel(0x454E44UL);

    private static NerWord Sentinel(ulong seed)
    {
        var h = NerHash.Mix(seed);
        return new NerWord { Lower = h, Exact = h, Shape = h, ShortShape = h, P2 = h, P3 = h, P4 = h, S2 = h, S3 = h, S4 = h, Upos = h, Flags = h, Case = h, Sent = h };
    }

    /// <summary>Fills the word's hashes; <paramref name="caseStats"/> maps a lowercased word to how it is usually written (see <see cref="NerModel"/>).</summary>
    public static void Compute(ReadOnlySpan<char> form, ulong upos, UInt64Table caseStats, ref NerWord w)
    {
        Span<char> buffer = stackalloc char[48];
        int n = Math.Min(form.Length, 48);
        var lower = buffer[..n];
        // Long forms (URLs) are cut to 48 characters: enough to tell them apart, and no allocation.
        var f = form[..n];
        for (int i = 0; i < n; i++)
        {
            char c = f[i];
            lower[i] = c < 128 ? (c is >= 'A' and <= 'Z' ? (char)(c | 0x20) : c) : char.ToLowerInvariant(c);
        }
        w.Lower = NerHash.Chars(lower);
        w.Exact = NerHash.Chars(f) ^ 0x5bd1e995UL;
        w.P2 = NerHash.Chars(lower[..Math.Min(2, n)]) + 2;
        w.P3 = NerHash.Chars(lower[..Math.Min(3, n)]) + 3;
        w.P4 = NerHash.Chars(lower[..Math.Min(4, n)]) + 4;
        w.S2 = n >= 2 ? NerHash.Chars(lower[(n - 2)..]) : 1;
        w.S3 = n >= 3 ? NerHash.Chars(lower[(n - 3)..]) : 1;
        w.S4 = n >= 4 ? NerHash.Chars(lower[(n - 4)..]) : 1;
        w.Upos = upos + 1;
        // Shape: X/x/d, runs collapsed to 2 (long shape) and to 1 (short shape).
        ulong hs = 0xcbf29ce484222325UL, hss = hs;
        char prev = '\0'; int run = 0;
        ulong flags = 0;
        bool anyLower = false, anyUpper = false;
        foreach (var c in f)
        {
            char k = char.IsUpper(c) ? 'X' : char.IsLower(c) ? 'x' : char.IsDigit(c) ? 'd' : char.IsLetter(c) ? 'l' : c;
            if (k == prev) { run++; } else { prev = k; run = 1; hss ^= k; hss *= 0x100000001b3UL; }
            if (run <= 2) { hs ^= k; hs *= 0x100000001b3UL; }
            if (k == 'd') flags |= 1;
            else if (c == '-') flags |= 2;
            else if (k == 'X') anyUpper = true;
            else if (k == 'x') { anyLower = true; flags |= 128; }
            else if (c == '.') flags |= 4;
            else if (c == '\'' || c == '’') flags |= 64;
        }
        w.Shape = NerHash.Mix(hs);
        w.ShortShape = NerHash.Mix(hss) + 7;
        bool cap = n > 0 && char.IsUpper(f[0]);
        if (anyUpper) flags |= 8;
        if (anyUpper && !anyLower) flags |= 16;
        if (cap) flags |= 32;
        w.Flags = flags + 1;
        w.Cap = cap;
        w.Case = caseStats.TryGetValue(w.Lower, out var cs) ? cs + 2 : 1;
        w.Gaz = 0;
        w.Sent = 0;
    }

    /// <summary>
    /// Sets every word's <see cref="NerWord.Sent"/> to the sentence's case profile: how its letter words after the first are
    /// written (all lowercase web text, normal prose, title-case headlines and signatures, all caps), because capitalization
    /// means something different in each.
    /// </summary>
    public static void SentenceProfile(Span<NerWord> words)
    {
        int letters = 0, caps = 0, upper = 0;
        for (int i = 1; i < words.Length; i++)
        {
            ulong fl = words[i].Flags - 1;
            if ((fl & (8 | 128)) == 0) continue;
            letters++;
            if ((fl & 32) != 0) caps++;
            if ((fl & 16) != 0) upper++;
        }
        ulong p = letters < 3 ? 1UL
            : upper * 10 >= letters * 6 ? 2UL
            : caps == 0 ? 3UL
            : caps * 10 >= letters * 6 ? 4UL
            : caps * 10 >= letters * 3 ? 5UL
            : 6UL;
        for (int i = 0; i < words.Length; i++) words[i].Sent = p;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Gaz(in NerWord w) => w.Gaz == 0 ? 0 : NerHash.Mix(w.Gaz);

    /// <summary>Writes the feature hashes of word <paramref name="i"/> given the two previous classes (-1 = sentence start). Returns the count.</summary>
    public static int Extract(ReadOnlySpan<NerWord> words, int i, int prev1, int prev2, Span<ulong> f)
    {
        ref readonly var w = ref words[i];
        ref readonly var wm1 = ref i >= 1 ? ref words[i - 1] : ref Start;
        ref readonly var wm2 = ref i >= 2 ? ref words[i - 2] : ref Start;
        ref readonly var wp1 = ref i + 1 < words.Length ? ref words[i + 1] : ref End;
        ref readonly var wp2 = ref i + 2 < words.Length ? ref words[i + 2] : ref End;
        ulong t1 = (ulong)(prev1 + 2), t2 = (ulong)(prev2 + 2);
        ulong first = i == 0 ? 1UL : 2UL;
        int k = 0;
        f[k++] = NerHash.F(0, 1);
        f[k++] = NerHash.F(1, w.Lower);
        f[k++] = NerHash.F(2, w.Exact);
        f[k++] = NerHash.F(3, w.Shape);
        f[k++] = NerHash.F(4, w.P3);
        f[k++] = NerHash.F(5, w.S2);
        f[k++] = NerHash.F(6, w.S3);
        f[k++] = NerHash.F(7, w.S4);
        f[k++] = NerHash.F(8, w.Flags);
        f[k++] = NerHash.F(9, w.Upos);
        f[k++] = NerHash.F(10, wm1.Upos, w.Upos);
        f[k++] = NerHash.F(11, w.Upos, wp1.Upos);
        f[k++] = NerHash.F(12, wm1.Lower);
        f[k++] = NerHash.F(13, wp1.Lower);
        f[k++] = NerHash.F(14, wm2.Lower);
        f[k++] = NerHash.F(15, wp2.Lower);
        f[k++] = NerHash.F(16, wm1.ShortShape, w.ShortShape);
        f[k++] = NerHash.F(17, w.ShortShape, wp1.ShortShape);
        f[k++] = NerHash.F(18, t1);
        f[k++] = NerHash.F(19, t1, t2);
        f[k++] = NerHash.F(20, t1, w.ShortShape);
        f[k++] = NerHash.F(21, t1, w.Lower);
        f[k++] = NerHash.F(22, first, w.Shape);
        f[k++] = NerHash.F(23, wm1.Lower, w.Lower);
        f[k++] = NerHash.F(24, w.Lower, wp1.Lower);
        f[k++] = NerHash.F(25, t1, w.Upos);
        f[k++] = NerHash.F(26, w.Case, w.ShortShape);
        f[k++] = NerHash.F(27, NerHash.F(27, first, w.Case), w.Flags);
        f[k++] = NerHash.F(28, wp1.Case, wp1.ShortShape);
        f[k++] = NerHash.F(29, wm1.Case, wm1.ShortShape);
        f[k++] = NerHash.F(30, wm1.Upos, wm1.Lower);
        f[k++] = NerHash.F(31, wp1.Upos, wp1.Lower);
        f[k++] = NerHash.F(32, wm1.S3);
        f[k++] = NerHash.F(33, wp1.S3);
        f[k++] = NerHash.F(34, t1, wp1.ShortShape);
        f[k++] = NerHash.F(35, wm2.Upos, wm1.Upos);
        f[k++] = NerHash.F(36, wp1.Upos, wp2.Upos);
        f[k++] = NerHash.F(37, w.P2);
        f[k++] = NerHash.F(38, w.P4);
        // Capitalization means something else in all-lowercase web text, in prose and in title-case headlines or signatures.
        f[k++] = NerHash.F(50, w.Sent, w.Flags);
        f[k++] = NerHash.F(51, NerHash.F(51, w.Sent, w.Case), first);
        f[k++] = NerHash.F(52, w.Sent, t1);
        f[k++] = NerHash.F(53, NerHash.F(53, w.Sent, wm1.ShortShape), w.ShortShape);
        // Trigger words beside a capitalized word ("Mr. Xx", "Xx Inc."), and word bigrams around it.
        f[k++] = NerHash.F(54, wm1.Lower, w.ShortShape);
        f[k++] = NerHash.F(55, w.ShortShape, wp1.Lower);
        f[k++] = NerHash.F(56, wp1.Lower, wp2.Lower);
        f[k++] = NerHash.F(57, wm2.Lower, wm1.Lower);
        f[k++] = NerHash.F(58, wp1.S4);
        f[k++] = NerHash.F(59, wp1.Case, w.Case);
        f[k++] = NerHash.F(60, Gaz(wp2));
        f[k++] = NerHash.F(61, Gaz(wm1), w.ShortShape);
        // Gazetteer: each (type, position) bit alone, the whole set with the word's capitalization, and the neighbours' sets.
        uint g = w.Gaz;
        while (g != 0)
        {
            int bit = System.Numerics.BitOperations.TrailingZeroCount(g);
            g &= g - 1;
            f[k++] = NerHash.F(40, (ulong)bit + 1);
            f[k++] = NerHash.F(41, (ulong)bit + 1, w.Flags);
            if (k >= MaxFeatures - 8) break;
        }
        ulong gz = Gaz(w);
        f[k++] = NerHash.F(42, gz, w.Cap ? 1UL : 2UL);
        f[k++] = NerHash.F(43, Gaz(wm1), t1);
        f[k++] = NerHash.F(44, Gaz(wp1));
        f[k++] = NerHash.F(45, gz, t1);
        return k;
    }

    /// <summary>
    /// The features of word <paramref name="i"/> that do not depend on the previous classes: <see cref="Extract"/> minus
    /// <see cref="ExtractHistory"/>, the same hashes. A beam scores them once per word, not once per hypothesis.
    /// </summary>
    public static int ExtractStatic(ReadOnlySpan<NerWord> words, int i, Span<ulong> f)
    {
        ref readonly var w = ref words[i];
        ref readonly var wm1 = ref i >= 1 ? ref words[i - 1] : ref Start;
        ref readonly var wm2 = ref i >= 2 ? ref words[i - 2] : ref Start;
        ref readonly var wp1 = ref i + 1 < words.Length ? ref words[i + 1] : ref End;
        ref readonly var wp2 = ref i + 2 < words.Length ? ref words[i + 2] : ref End;
        ulong first = i == 0 ? 1UL : 2UL;
        int k = 0;
        f[k++] = NerHash.F(0, 1);
        f[k++] = NerHash.F(1, w.Lower);
        f[k++] = NerHash.F(2, w.Exact);
        f[k++] = NerHash.F(3, w.Shape);
        f[k++] = NerHash.F(4, w.P3);
        f[k++] = NerHash.F(5, w.S2);
        f[k++] = NerHash.F(6, w.S3);
        f[k++] = NerHash.F(7, w.S4);
        f[k++] = NerHash.F(8, w.Flags);
        f[k++] = NerHash.F(9, w.Upos);
        f[k++] = NerHash.F(10, wm1.Upos, w.Upos);
        f[k++] = NerHash.F(11, w.Upos, wp1.Upos);
        f[k++] = NerHash.F(12, wm1.Lower);
        f[k++] = NerHash.F(13, wp1.Lower);
        f[k++] = NerHash.F(14, wm2.Lower);
        f[k++] = NerHash.F(15, wp2.Lower);
        f[k++] = NerHash.F(16, wm1.ShortShape, w.ShortShape);
        f[k++] = NerHash.F(17, w.ShortShape, wp1.ShortShape);
        f[k++] = NerHash.F(22, first, w.Shape);
        f[k++] = NerHash.F(23, wm1.Lower, w.Lower);
        f[k++] = NerHash.F(24, w.Lower, wp1.Lower);
        f[k++] = NerHash.F(26, w.Case, w.ShortShape);
        f[k++] = NerHash.F(27, NerHash.F(27, first, w.Case), w.Flags);
        f[k++] = NerHash.F(28, wp1.Case, wp1.ShortShape);
        f[k++] = NerHash.F(29, wm1.Case, wm1.ShortShape);
        f[k++] = NerHash.F(30, wm1.Upos, wm1.Lower);
        f[k++] = NerHash.F(31, wp1.Upos, wp1.Lower);
        f[k++] = NerHash.F(32, wm1.S3);
        f[k++] = NerHash.F(33, wp1.S3);
        f[k++] = NerHash.F(35, wm2.Upos, wm1.Upos);
        f[k++] = NerHash.F(36, wp1.Upos, wp2.Upos);
        f[k++] = NerHash.F(37, w.P2);
        f[k++] = NerHash.F(38, w.P4);
        f[k++] = NerHash.F(50, w.Sent, w.Flags);
        f[k++] = NerHash.F(51, NerHash.F(51, w.Sent, w.Case), first);
        f[k++] = NerHash.F(53, NerHash.F(53, w.Sent, wm1.ShortShape), w.ShortShape);
        f[k++] = NerHash.F(54, wm1.Lower, w.ShortShape);
        f[k++] = NerHash.F(55, w.ShortShape, wp1.Lower);
        f[k++] = NerHash.F(56, wp1.Lower, wp2.Lower);
        f[k++] = NerHash.F(57, wm2.Lower, wm1.Lower);
        f[k++] = NerHash.F(58, wp1.S4);
        f[k++] = NerHash.F(59, wp1.Case, w.Case);
        f[k++] = NerHash.F(60, Gaz(wp2));
        f[k++] = NerHash.F(61, Gaz(wm1), w.ShortShape);
        uint g = w.Gaz;
        while (g != 0)
        {
            int bit = System.Numerics.BitOperations.TrailingZeroCount(g);
            g &= g - 1;
            f[k++] = NerHash.F(40, (ulong)bit + 1);
            f[k++] = NerHash.F(41, (ulong)bit + 1, w.Flags);
        }
        f[k++] = NerHash.F(42, Gaz(w), w.Cap ? 1UL : 2UL);
        f[k++] = NerHash.F(44, Gaz(wp1));
        return k;
    }

    /// <summary>Number of features <see cref="ExtractHistory"/> writes.</summary>
    public const int HistoryFeatures = 9;

    /// <summary>The features of word <paramref name="i"/> that depend on the two previous classes (-1 = sentence start).</summary>
    public static int ExtractHistory(ReadOnlySpan<NerWord> words, int i, int prev1, int prev2, Span<ulong> f)
    {
        ref readonly var w = ref words[i];
        ref readonly var wm1 = ref i >= 1 ? ref words[i - 1] : ref Start;
        ref readonly var wp1 = ref i + 1 < words.Length ? ref words[i + 1] : ref End;
        ulong t1 = (ulong)(prev1 + 2), t2 = (ulong)(prev2 + 2);
        f[0] = NerHash.F(18, t1);
        f[1] = NerHash.F(19, t1, t2);
        f[2] = NerHash.F(20, t1, w.ShortShape);
        f[3] = NerHash.F(21, t1, w.Lower);
        f[4] = NerHash.F(25, t1, w.Upos);
        f[5] = NerHash.F(34, t1, wp1.ShortShape);
        f[6] = NerHash.F(52, w.Sent, t1);
        f[7] = NerHash.F(43, Gaz(wm1), t1);
        f[8] = NerHash.F(45, Gaz(w), t1);
        return HistoryFeatures;
    }
}

/// <summary>Open-addressing map from well-mixed 64-bit keys to 64-bit values (the low bits index the table directly).</summary>
internal sealed class UInt64Table
{
    private readonly ulong[] _keys;
    private readonly ulong[] _values;
    private readonly int _mask;

    public UInt64Table(IReadOnlyCollection<KeyValuePair<ulong, ulong>> items)
    {
        int size = 16;
        while (size < items.Count * 2) size <<= 1;
        _keys = new ulong[size];
        _values = new ulong[size];
        _mask = size - 1;
        foreach (var (k, v) in items)
        {
            // Key 0 marks an empty slot; a real key of 0 is vanishingly unlikely and is simply not stored.
            if (k == 0) continue;
            int i = (int)k & _mask;
            while (_keys[i] != 0 && _keys[i] != k) i = (i + 1) & _mask;
            _keys[i] = k; _values[i] = v;
        }
        Count = items.Count;
    }

    public int Count { get; }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool TryGetValue(ulong key, out ulong value)
    {
        var keys = _keys;
        int i = (int)key & _mask;
        while (true)
        {
            ulong k = keys[i];
            if (k == key) { value = _values[i]; return true; }
            if (k == 0) { value = 0; return false; }
            i = (i + 1) & _mask;
        }
    }
}
