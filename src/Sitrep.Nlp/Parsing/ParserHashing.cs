using System.Numerics;
using System.Runtime.CompilerServices;

namespace Sitrep.Nlp.Parsing;

/// <summary>
/// Stable 64-bit hashing for parser features. string.GetHashCode is randomized per process, so model files would not
/// survive a restart; FNV-1a over UTF-16 code units plus a murmur finalizer is fixed forever (the model header records it).
/// </summary>
internal static class ParserHashing
{
    /// <summary>Bumped when hashing or the feature templates change: an old model would then score garbage.</summary>
    public const int FeatureSetVersion = 1;

    private const ulong FnvOffset = 14695981039346656037UL;
    private const ulong FnvPrime = 1099511628211UL;
    private const ulong K1 = 0x9E3779B97F4A7C15UL;
    private const ulong K2 = 0xC2B2AE3D27D4EB4FUL;

    public static ulong String(ReadOnlySpan<char> s)
    {
        ulong h = FnvOffset;
        foreach (var c in s) { h ^= c; h *= FnvPrime; }
        return Finalize(h);
    }

    /// <summary>Hash of the invariant lowercase form; no string is made.</summary>
    public static ulong Lower(ReadOnlySpan<char> s)
    {
        ulong h = FnvOffset;
        foreach (var c in s) { h ^= char.ToLowerInvariant(c); h *= FnvPrime; }
        return Finalize(h);
    }

    /// <summary>Hash of the last <paramref name="n"/> characters, lowercased, tagged so it never equals a whole-word hash.</summary>
    public static ulong LowerSuffix(ReadOnlySpan<char> s, int n)
    {
        var tail = s.Length > n ? s[^n..] : s;
        return Lower(tail) ^ 0x5F0F_A11C_E5UL;
    }

    /// <summary>Coarse word shape (Xx, x, X, d, mixed) so unseen capitalized words and numbers still share evidence.</summary>
    public static ulong Shape(ReadOnlySpan<char> s)
    {
        int upper = 0, lower = 0, digit = 0, other = 0;
        foreach (var c in s)
        {
            if (char.IsUpper(c)) upper++;
            else if (char.IsLower(c)) lower++;
            else if (char.IsDigit(c)) digit++;
            else other++;
        }
        int shape = digit > 0 && upper + lower == 0 ? 1
            : upper > 0 && lower == 0 && digit == 0 ? 2
            : s.Length > 0 && char.IsUpper(s[0]) ? 3
            : lower > 0 && upper == 0 && digit == 0 ? 4
            : other > 0 && upper + lower + digit == 0 ? 5
            : 6;
        return Finalize((ulong)shape * K2 + 77);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Finalize(ulong h)
    {
        h ^= h >> 33; h *= 0xFF51AFD7ED558CCDUL;
        h ^= h >> 33; h *= 0xC4CEB9FE1A85EC53UL;
        h ^= h >> 33;
        return h;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong F(int template, ulong a) => Finalize(((ulong)template * K1) ^ a);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong F(int template, ulong a, ulong b) => Finalize((BitOperations.RotateLeft(((ulong)template * K1) ^ a, 29) * K2) ^ b);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong F(int template, ulong a, ulong b, ulong c) =>
        Finalize((BitOperations.RotateLeft((BitOperations.RotateLeft(((ulong)template * K1) ^ a, 29) * K2) ^ b, 31) * K1) ^ c);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong F(int template, ulong a, ulong b, ulong c, ulong d) =>
        Finalize((BitOperations.RotateLeft(F(template, a, b, c), 23) * K2) ^ d);
}
