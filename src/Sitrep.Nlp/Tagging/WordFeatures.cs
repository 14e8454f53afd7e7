using System.Runtime.CompilerServices;

namespace Sitrep.Nlp.Tagging;

/// <summary>Per-word hashes computed once per token, so that feature extraction is only mixing of integers.</summary>
internal struct WordInfo
{
    public ulong Lower, Exact, Shape, Norm, S1, S2, S3, S4, S5, P1, P2, P3, Amb;
    public ulong Flags;
}

/// <summary>64-bit hashing of character spans and feature templates. Stable across runs and platforms (no string.GetHashCode).</summary>
internal static class FeatureHash
{
    private const ulong FnvOffset = 0xcbf29ce484222325UL;
    private const ulong FnvPrime = 0x100000001b3UL;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Mix(ulong x)
    {
        // splitmix64 finaliser: spreads FNV's weak low bits.
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

    public static ulong LowerChars(ReadOnlySpan<char> s)
    {
        ulong h = FnvOffset;
        foreach (var c in s) { h ^= char.ToLowerInvariant(c); h *= FnvPrime; }
        return Mix(h ^ (ulong)s.Length);
    }

    /// <summary>Lowercase with digits folded to '0', so that numbers share statistics.</summary>
    public static ulong NormChars(ReadOnlySpan<char> s)
    {
        ulong h = FnvOffset;
        foreach (var c in s) { h ^= char.IsAsciiDigit(c) ? '0' : char.ToLowerInvariant(c); h *= FnvPrime; }
        return Mix(h ^ (ulong)s.Length);
    }

    /// <summary>Word shape: X/x/d for upper/lower/digit, other characters as themselves, runs longer than 2 collapsed.</summary>
    public static ulong Shape(ReadOnlySpan<char> s)
    {
        ulong h = FnvOffset;
        char prev = '\0'; int run = 0;
        foreach (var c in s)
        {
            char k = char.IsUpper(c) ? 'X' : char.IsLower(c) ? 'x' : char.IsDigit(c) ? 'd' : char.IsLetter(c) ? 'l' : c;
            if (k == prev) { if (++run > 2) continue; } else { prev = k; run = 1; }
            h ^= k; h *= FnvPrime;
        }
        return Mix(h);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong F(int template, ulong a) => Mix(a + (ulong)(template + 1) * 0x9E3779B97F4A7C15UL);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong F(int template, ulong a, ulong b) => Mix(Mix(a + (ulong)(template + 1) * 0x9E3779B97F4A7C15UL) ^ (b * 0xC2B2AE3D27D4EB4FUL + 0x165667B19E3779F9UL));
}

/// <summary>The tagger's feature templates. Training and tagging call the same code, so they cannot drift apart.</summary>
internal static class PosFeatures
{
    public const int MaxFeatures = 64;

    private static readonly WordInfo Start = Sentinel(0x5354415254UL);
    private static readonly WordInfo End = Sentinel(0x454E44UL);

    private static WordInfo Sentinel(ulong seed)
    {
        var h = FeatureHash.Mix(seed);
        return new WordInfo { Lower = h, Exact = h, Shape = h, Norm = h, S1 = h, S2 = h, S3 = h, S4 = h, S5 = h, P1 = h, P2 = h, P3 = h, Amb = h, Flags = h };
    }

    public static WordInfo Compute(ReadOnlySpan<char> form, Dictionary<ulong, ulong> ambiguity)
    {
        var w = Compute(form);
        w.Amb = ambiguity.TryGetValue(w.Lower, out var a) ? a : NoAmbiguity;
        return w;
    }

    public static WordInfo Compute(ReadOnlySpan<char> form, UInt64Map<ulong> ambiguity)
    {
        var w = Compute(form);
        w.Amb = ambiguity.TryGetValue(w.Lower, out var a) ? a : NoAmbiguity;
        return w;
    }

    private const ulong NoAmbiguity = 0x7777UL;

    private static WordInfo Compute(ReadOnlySpan<char> form)
    {
        if (Apostrophes.NeedsFolding(form)) return Compute(Apostrophes.Fold(form, form.Length <= 64 ? stackalloc char[form.Length] : new char[form.Length]));
        // Lowercase once into a stack buffer; affix hashes then read it without case mapping.
        Span<char> buffer = stackalloc char[64];
        var lower = form.Length <= 64 ? buffer[..form.Length] : new char[form.Length];
        for (int i = 0; i < form.Length; i++)
        {
            char c = form[i];
            lower[i] = c < 128 ? (c is >= 'A' and <= 'Z' ? (char)(c | 0x20) : c) : char.ToLowerInvariant(c);
        }
        var w = new WordInfo
        {
            Lower = FeatureHash.Chars(lower),
            Exact = FeatureHash.Chars(form) ^ 0x5bd1e995UL,
            Shape = FeatureHash.Shape(form),
            Norm = FeatureHash.NormChars(lower),
        };
        int n = form.Length;
        w.S1 = FeatureHash.Chars(lower[Math.Max(0, n - 1)..]);
        w.S2 = n >= 2 ? FeatureHash.Chars(lower[(n - 2)..]) : 1;
        w.S3 = n >= 3 ? FeatureHash.Chars(lower[(n - 3)..]) : 1;
        w.S4 = n >= 4 ? FeatureHash.Chars(lower[(n - 4)..]) : 1;
        w.S5 = n >= 5 ? FeatureHash.Chars(lower[(n - 5)..]) : 1;
        w.P1 = FeatureHash.Chars(lower[..Math.Min(1, n)]);
        w.P2 = n >= 2 ? FeatureHash.Chars(lower[..2]) : 1;
        w.P3 = n >= 3 ? FeatureHash.Chars(lower[..3]) : 1;
        ulong flags = 0;
        bool anyLower = false, anyUpper = false;
        foreach (var c in form)
        {
            if (char.IsDigit(c)) flags |= 1;
            else if (c == '-') flags |= 2;
            else if (char.IsUpper(c)) anyUpper = true;
            else if (char.IsLower(c)) anyLower = true;
            else if (c == '.') flags |= 4;
        }
        if (anyUpper) flags |= 8;
        if (anyUpper && !anyLower) flags |= 16;
        if (n > 0 && char.IsUpper(form[0])) flags |= 32;
        w.Flags = flags + 1;
        return w;
    }

    /// <summary>Writes the feature hashes of word <paramref name="i"/> given the two previous tags (-1 = sentence start). Returns the count.</summary>
    public static int Extract(ReadOnlySpan<WordInfo> words, int i, int prev1, int prev2, Span<ulong> f) => Extract(words, i, prev1, prev2, default, f);

    /// <summary>
    /// The features of <see cref="Extract(ReadOnlySpan{WordInfo}, int, int, int, ReadOnlySpan{int}, Span{ulong})"/> that depend on
    /// the word alone (bias, forms, affixes, shape, flags, ambiguity class, normalized form). With <see cref="ExtractContext"/>
    /// they make up exactly the same feature set (a test checks it), so the word part can be cached per word form.
    /// </summary>
    public static int ExtractWord(in WordInfo w, Span<ulong> f)
    {
        int k = 0;
        f[k++] = FeatureHash.F(0, 1);
        f[k++] = FeatureHash.F(1, w.Lower);
        f[k++] = FeatureHash.F(2, w.Exact);
        f[k++] = FeatureHash.F(3, w.S1);
        f[k++] = FeatureHash.F(4, w.S2);
        f[k++] = FeatureHash.F(5, w.S3);
        f[k++] = FeatureHash.F(6, w.S4);
        f[k++] = FeatureHash.F(7, w.S5);
        f[k++] = FeatureHash.F(8, w.P1);
        f[k++] = FeatureHash.F(9, w.P2);
        f[k++] = FeatureHash.F(10, w.P3);
        f[k++] = FeatureHash.F(11, w.Shape);
        f[k++] = FeatureHash.F(12, w.Flags);
        f[k++] = FeatureHash.F(13, w.Amb);
        f[k++] = FeatureHash.F(33, w.Norm);
        return k;
    }

    /// <summary>The rest of the features: those that see the neighbours, the position or the tags.</summary>
    public static int ExtractContext(ReadOnlySpan<WordInfo> words, int i, int prev1, int prev2, ReadOnlySpan<int> firstPass, Span<ulong> f)
    {
        ref readonly var w = ref words[i];
        ref readonly var wm1 = ref i >= 1 ? ref words[i - 1] : ref Start;
        ref readonly var wm2 = ref i >= 2 ? ref words[i - 2] : ref Start;
        ref readonly var wp1 = ref i + 1 < words.Length ? ref words[i + 1] : ref End;
        ref readonly var wp2 = ref i + 2 < words.Length ? ref words[i + 2] : ref End;
        ulong t1 = (ulong)(prev1 + 2), t2 = (ulong)(prev2 + 2);
        int k = 0;
        f[k++] = FeatureHash.F(14, wm1.Lower);
        f[k++] = FeatureHash.F(15, wp1.Lower);
        f[k++] = FeatureHash.F(16, wm2.Lower);
        f[k++] = FeatureHash.F(17, wp2.Lower);
        f[k++] = FeatureHash.F(18, t1);
        f[k++] = FeatureHash.F(19, t1, t2);
        f[k++] = FeatureHash.F(20, t1, w.Lower);
        f[k++] = FeatureHash.F(21, w.Lower, wp1.Lower);
        f[k++] = FeatureHash.F(22, wm1.Lower, w.Lower);
        f[k++] = FeatureHash.F(23, wp1.Amb);
        f[k++] = FeatureHash.F(24, wp2.Amb);
        f[k++] = FeatureHash.F(25, wm1.S3);
        f[k++] = FeatureHash.F(26, wp1.S3);
        f[k++] = FeatureHash.F(27, wp1.Shape);
        f[k++] = FeatureHash.F(28, wm1.Shape);
        f[k++] = FeatureHash.F(29, t1, wp1.Amb);
        f[k++] = FeatureHash.F(30, w.Amb, wp1.Amb);
        f[k++] = FeatureHash.F(31, t1, w.Amb);
        f[k++] = FeatureHash.F(32, i == 0 ? 1UL : 2UL, w.Shape);
        f[k++] = FeatureHash.F(34, t2);
        f[k++] = FeatureHash.F(35, w.Amb, wm1.Lower);
        f[k++] = FeatureHash.F(36, w.S3, wp1.Lower);
        f[k++] = FeatureHash.F(37, wm1.Amb, w.S3);
        f[k++] = FeatureHash.F(38, t1, w.S3);
        f[k++] = FeatureHash.F(39, wp1.Amb, wp2.Amb);
        f[k++] = FeatureHash.F(40, wm1.Lower, wp1.Lower);
        f[k++] = FeatureHash.F(41, FeatureHash.F(41, t1, t2), w.Amb);
        if (!firstPass.IsEmpty) k += Stacked(w, i, t1, firstPass, f[k..]);
        return k;
    }

    private static int Stacked(in WordInfo w, int i, ulong t1, ReadOnlySpan<int> firstPass, Span<ulong> f)
    {
        int n = firstPass.Length, k = 0;
        ulong q0 = (ulong)firstPass[i] + 2;
        ulong qp1 = i + 1 < n ? (ulong)firstPass[i + 1] + 2 : 0, qp2 = i + 2 < n ? (ulong)firstPass[i + 2] + 2 : 0;
        ulong qm1 = i >= 1 ? (ulong)firstPass[i - 1] + 2 : 0;
        f[k++] = FeatureHash.F(50, q0);
        f[k++] = FeatureHash.F(51, qp1);
        f[k++] = FeatureHash.F(52, qp2);
        f[k++] = FeatureHash.F(53, qp1, qp2);
        f[k++] = FeatureHash.F(54, q0, qp1);
        f[k++] = FeatureHash.F(55, qp1, w.Lower);
        f[k++] = FeatureHash.F(56, q0, w.Lower);
        f[k++] = FeatureHash.F(57, t1, qp1);
        f[k++] = FeatureHash.F(58, qm1, q0);
        f[k++] = FeatureHash.F(59, qp1, w.S3);
        return k;
    }

    /// <summary>As above; with <paramref name="firstPass"/> (the first pass's tags for the whole sentence) adds stacked features that see the right context's tags.</summary>
    public static int Extract(ReadOnlySpan<WordInfo> words, int i, int prev1, int prev2, ReadOnlySpan<int> firstPass, Span<ulong> f)
    {
        ref readonly var w = ref words[i];
        ref readonly var wm1 = ref i >= 1 ? ref words[i - 1] : ref Start;
        ref readonly var wm2 = ref i >= 2 ? ref words[i - 2] : ref Start;
        ref readonly var wp1 = ref i + 1 < words.Length ? ref words[i + 1] : ref End;
        ref readonly var wp2 = ref i + 2 < words.Length ? ref words[i + 2] : ref End;
        ulong t1 = (ulong)(prev1 + 2), t2 = (ulong)(prev2 + 2);
        int k = 0;
        f[k++] = FeatureHash.F(0, 1);
        f[k++] = FeatureHash.F(1, w.Lower);
        f[k++] = FeatureHash.F(2, w.Exact);
        f[k++] = FeatureHash.F(3, w.S1);
        f[k++] = FeatureHash.F(4, w.S2);
        f[k++] = FeatureHash.F(5, w.S3);
        f[k++] = FeatureHash.F(6, w.S4);
        f[k++] = FeatureHash.F(7, w.S5);
        f[k++] = FeatureHash.F(8, w.P1);
        f[k++] = FeatureHash.F(9, w.P2);
        f[k++] = FeatureHash.F(10, w.P3);
        f[k++] = FeatureHash.F(11, w.Shape);
        f[k++] = FeatureHash.F(12, w.Flags);
        f[k++] = FeatureHash.F(13, w.Amb);
        f[k++] = FeatureHash.F(14, wm1.Lower);
        f[k++] = FeatureHash.F(15, wp1.Lower);
        f[k++] = FeatureHash.F(16, wm2.Lower);
        f[k++] = FeatureHash.F(17, wp2.Lower);
        f[k++] = FeatureHash.F(18, t1);
        f[k++] = FeatureHash.F(19, t1, t2);
        f[k++] = FeatureHash.F(20, t1, w.Lower);
        f[k++] = FeatureHash.F(21, w.Lower, wp1.Lower);
        f[k++] = FeatureHash.F(22, wm1.Lower, w.Lower);
        f[k++] = FeatureHash.F(23, wp1.Amb);
        f[k++] = FeatureHash.F(24, wp2.Amb);
        f[k++] = FeatureHash.F(25, wm1.S3);
        f[k++] = FeatureHash.F(26, wp1.S3);
        f[k++] = FeatureHash.F(27, wp1.Shape);
        f[k++] = FeatureHash.F(28, wm1.Shape);
        f[k++] = FeatureHash.F(29, t1, wp1.Amb);
        f[k++] = FeatureHash.F(30, w.Amb, wp1.Amb);
        f[k++] = FeatureHash.F(31, t1, w.Amb);
        f[k++] = FeatureHash.F(32, i == 0 ? 1UL : 2UL, w.Shape);
        f[k++] = FeatureHash.F(33, w.Norm);
        f[k++] = FeatureHash.F(34, t2);
        f[k++] = FeatureHash.F(35, w.Amb, wm1.Lower);
        f[k++] = FeatureHash.F(36, w.S3, wp1.Lower);
        f[k++] = FeatureHash.F(37, wm1.Amb, w.S3);
        f[k++] = FeatureHash.F(38, t1, w.S3);
        f[k++] = FeatureHash.F(39, wp1.Amb, wp2.Amb);
        f[k++] = FeatureHash.F(40, wm1.Lower, wp1.Lower);
        f[k++] = FeatureHash.F(41, FeatureHash.F(41, t1, t2), w.Amb);
        if (!firstPass.IsEmpty)
        {
            int n = firstPass.Length;
            ulong q0 = (ulong)firstPass[i] + 2;
            ulong qp1 = i + 1 < n ? (ulong)firstPass[i + 1] + 2 : 0, qp2 = i + 2 < n ? (ulong)firstPass[i + 2] + 2 : 0;
            ulong qm1 = i >= 1 ? (ulong)firstPass[i - 1] + 2 : 0;
            f[k++] = FeatureHash.F(50, q0);
            f[k++] = FeatureHash.F(51, qp1);
            f[k++] = FeatureHash.F(52, qp2);
            f[k++] = FeatureHash.F(53, qp1, qp2);
            f[k++] = FeatureHash.F(54, q0, qp1);
            f[k++] = FeatureHash.F(55, qp1, w.Lower);
            f[k++] = FeatureHash.F(56, q0, w.Lower);
            f[k++] = FeatureHash.F(57, t1, qp1);
            f[k++] = FeatureHash.F(58, qm1, q0);
            f[k++] = FeatureHash.F(59, qp1, w.S3);
        }
        return k;
    }
}
