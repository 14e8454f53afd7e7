using System.Buffers.Binary;
using Sitrep.Core;

namespace Sitrep.Storage;

/// <summary>Keys and thresholds for near-duplicate candidate look-up; the hashing itself is <see cref="MinHashSignatures"/>.</summary>
internal static class NearDuplicateIndex
{
    public const int Bands = 32;
    public const int SimHashBlocks = 4;
    public const double JaccardThreshold = 0.8;
    public const int HammingThreshold = 3;
    /// <summary>Estimated Jaccard from which two articles are put in the same story (LSH finds such pairs with probability ≈ 0.87).</summary>
    public const double StoryJaccardThreshold = 0.5;

    public static long[] BandKeys(IReadOnlyList<uint> minhash) => MinHashSignatures.BandKeys(minhash, Bands);

    /// <summary>The SimHash cut into four 16-bit blocks: two hashes within Hamming distance 3 share at least one block (pigeonhole).</summary>
    public static int[] Blocks(ulong simhash)
    {
        var blocks = new int[SimHashBlocks];
        for (int i = 0; i < SimHashBlocks; i++) blocks[i] = (int)((simhash >> (16 * i)) & 0xFFFF);
        return blocks;
    }

    /// <summary>A signature of an empty body (no shingles): all values at the maximum. It matches nothing.</summary>
    public static bool IsEmpty(IReadOnlyList<uint> minhash)
    {
        for (int i = 0; i < minhash.Count; i++)
            if (minhash[i] != uint.MaxValue) return false;
        return true;
    }

    public static double EstimateJaccard(IReadOnlyList<uint> a, IReadOnlyList<uint> b) =>
        a.Count != b.Count || a.Count == 0 ? 0 : MinHashSignatures.EstimateJaccard(a, b);

    public static byte[] ToBlob(IReadOnlyList<uint> minhash)
    {
        var blob = new byte[minhash.Count * 4];
        for (int i = 0; i < minhash.Count; i++) BinaryPrimitives.WriteUInt32LittleEndian(blob.AsSpan(i * 4), minhash[i]);
        return blob;
    }

    public static uint[] FromBlob(byte[] blob)
    {
        var values = new uint[blob.Length / 4];
        for (int i = 0; i < values.Length; i++) values[i] = BinaryPrimitives.ReadUInt32LittleEndian(blob.AsSpan(i * 4));
        return values;
    }
}
