using System.IO.Hashing;
using System.Security.Cryptography;
using System.Text;
using Sitrep.Core;

namespace Sitrep.Ingest.Dedup;

/// <summary>
/// De-duplication signatures of a clean body: an exact key (sha256 of the normalized body), a 128-value
/// MinHash over word 5-gram shingles for Jaccard estimation and LSH, and a 64-bit SimHash.
/// Every value is a pure function of the text: fixed seeds, XxHash64, no randomness, no culture.
/// Changing any constant here changes every stored signature, so the tests pin expected values.
/// </summary>
public static class ContentFingerprint
{
    public const int MinHashSize = 128;
    public const int ShingleSize = 5;
    public const int DefaultBands = 32;

    // 128 seeds from a SplitMix64 stream with a fixed start: deterministic across runs and machines.
    private static readonly ulong[] Seeds = MakeSeeds(0x5174_5245_504D_4831UL, MinHashSize);

    public static ContentHashes Compute(string cleanText)
    {
        var normalized = DedupNormalizer.Normalize(cleanText);
        var bodySha = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(normalized)));
        var shingles = Shingles(normalized);
        return new ContentHashes(bodySha, SimHash(shingles), MinHash(shingles));
    }

    public static double EstimateJaccard(IReadOnlyList<uint> a, IReadOnlyList<uint> b) => MinHashSignatures.EstimateJaccard(a, b);

    public static int HammingDistance(ulong a, ulong b) => MinHashSignatures.HammingDistance(a, b);

    public static IReadOnlyList<long> BandKeys(IReadOnlyList<uint> minhash, int bands = DefaultBands) => MinHashSignatures.BandKeys(minhash, bands);

    /// <summary>Distinct word <see cref="ShingleSize"/>-gram hashes of a normalized body; a shorter body is one shingle, an empty one none.</summary>
    internal static HashSet<ulong> Shingles(string normalized)
    {
        var set = new HashSet<ulong>();
        if (normalized.Length == 0) return set;
        // Start offsets of each word; the text has single spaces only.
        var starts = new List<int>(normalized.Length / 5 + 1) { 0 };
        for (int i = 0; i < normalized.Length; i++)
            if (normalized[i] == ' ') starts.Add(i + 1);
        int words = starts.Count;
        int count = Math.Max(1, words - ShingleSize + 1);
        set.EnsureCapacity(count);
        // One UTF-8 buffer for every shingle (the hash reads bytes; no array per shingle).
        byte[] buffer = new byte[256];
        for (int s = 0; s < count; s++)
        {
            int start = starts[s];
            int endWord = Math.Min(words, s + ShingleSize);
            int end = endWord == words ? normalized.Length : starts[endWord] - 1;
            var chars = normalized.AsSpan(start, end - start);
            int max = Encoding.UTF8.GetMaxByteCount(chars.Length);
            if (max > buffer.Length) buffer = new byte[max];
            int n = Encoding.UTF8.GetBytes(chars, buffer);
            set.Add(XxHash64.HashToUInt64(buffer.AsSpan(0, n)));
        }
        return set;
    }

    /// <summary>Per seed, the minimum over shingles of mix(shingle ^ seed)'s upper 32 bits; uint.MaxValue everywhere when there are no shingles.</summary>
    internal static uint[] MinHash(HashSet<ulong> shingles)
    {
        var sig = new uint[MinHashSize];
        Array.Fill(sig, uint.MaxValue);
        foreach (var h in shingles)
        {
            for (int i = 0; i < sig.Length; i++)
            {
                uint v = (uint)(Mix(h ^ Seeds[i]) >> 32);
                if (v < sig[i]) sig[i] = v;
            }
        }
        return sig;
    }

    /// <summary>Charikar SimHash over the shingle hashes, each shingle weighing 1.</summary>
    internal static ulong SimHash(HashSet<ulong> shingles)
    {
        Span<int> votes = stackalloc int[64];
        foreach (var h in shingles)
        {
            ulong x = Mix(h); // re-mixed so bit positions are independent of XxHash's own structure
            for (int bit = 0; bit < 64; bit++)
                votes[bit] += ((x >> bit) & 1) != 0 ? 1 : -1;
        }
        ulong result = 0;
        for (int bit = 0; bit < 64; bit++)
            if (votes[bit] > 0) result |= 1UL << bit;
        return result;
    }

    // SplitMix64's finalizer: a fast bijective 64-bit mixer with full avalanche.
    private static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    private static ulong[] MakeSeeds(ulong state, int n)
    {
        var seeds = new ulong[n];
        for (int i = 0; i < n; i++)
        {
            state += 0x9E3779B97F4A7C15UL;
            seeds[i] = Mix(state);
        }
        return seeds;
    }
}
