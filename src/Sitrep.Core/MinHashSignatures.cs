using System.Buffers.Binary;
using System.IO.Hashing;

namespace Sitrep.Core;

/// <summary>
/// Operations on the MinHash signatures of <see cref="ContentHashes"/>, shared by the fingerprinting stage and
/// the store so that the keys computed at ingest and at look-up can never drift apart.
/// </summary>
public static class MinHashSignatures
{
    /// <summary>The fraction of equal positions: an unbiased estimate of the Jaccard similarity of the shingle sets.</summary>
    public static double EstimateJaccard(IReadOnlyList<uint> a, IReadOnlyList<uint> b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (a.Count != b.Count) throw new ArgumentException($"MinHash signatures differ in length ({a.Count} and {b.Count}).");
        if (a.Count == 0) return 0;
        int equal = 0;
        for (int i = 0; i < a.Count; i++)
            if (a[i] == b[i]) equal++;
        return (double)equal / a.Count;
    }

    /// <summary>
    /// LSH band keys: the signature is cut into <paramref name="bands"/> bands of Count/bands rows, each band
    /// hashed with its index (equal rows in different bands give different keys). Documents sharing any key are
    /// near-duplicate candidates. With 32 bands of 4 rows, pairs at Jaccard 0.8 collide with probability
    /// ~1 − (1 − 0.8⁴)³² ≈ 0.99999, pairs at 0.3 with ~0.23.
    /// </summary>
    public static long[] BandKeys(IReadOnlyList<uint> minhash, int bands)
    {
        ArgumentNullException.ThrowIfNull(minhash);
        if (bands <= 0 || minhash.Count == 0 || minhash.Count % bands != 0)
            throw new ArgumentException($"A signature of {minhash.Count} values cannot be cut into {bands} equal bands.", nameof(bands));
        int rows = minhash.Count / bands;
        var keys = new long[bands];
        Span<byte> buf = stackalloc byte[4 + 4 * rows];
        for (int band = 0; band < bands; band++)
        {
            BinaryPrimitives.WriteInt32LittleEndian(buf, band);
            for (int r = 0; r < rows; r++)
                BinaryPrimitives.WriteUInt32LittleEndian(buf[(4 + 4 * r)..], minhash[band * rows + r]);
            keys[band] = unchecked((long)XxHash64.HashToUInt64(buf));
        }
        return keys;
    }

    public static int HammingDistance(ulong a, ulong b) => System.Numerics.BitOperations.PopCount(a ^ b);
}
