using System.Buffers.Binary;
using System.IO.Hashing;

namespace Sitrep.Storage;

/// <summary>
/// Keys for near-duplicate candidate look-up. Kept here rather than referencing Sitrep.Ingest (which would
/// drag the readers' packages into storage); the keys only ever meet keys computed by this same code.
/// The algorithm matches <c>ContentFingerprint.BandKeys</c>.
/// </summary>
internal static class NearDuplicateIndex
{
    public const int Bands = 32;
    public const int SimHashBlocks = 4;
    public const double JaccardThreshold = 0.8;
    public const int HammingThreshold = 3;

    /// <summary>One key per band of Count/<see cref="Bands"/> rows, the band index hashed in.</summary>
    public static long[] BandKeys(IReadOnlyList<uint> minhash)
    {
        if (minhash.Count == 0 || minhash.Count % Bands != 0)
            throw new ArgumentException($"A MinHash signature of {minhash.Count} values cannot be cut into {Bands} bands.", nameof(minhash));
        int rows = minhash.Count / Bands;
        var keys = new long[Bands];
        Span<byte> buf = stackalloc byte[4 + 4 * rows];
        for (int band = 0; band < Bands; band++)
        {
            BinaryPrimitives.WriteInt32LittleEndian(buf, band);
            for (int r = 0; r < rows; r++)
                BinaryPrimitives.WriteUInt32LittleEndian(buf[(4 + 4 * r)..], minhash[band * rows + r]);
            keys[band] = unchecked((long)XxHash64.HashToUInt64(buf));
        }
        return keys;
    }

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

    public static double EstimateJaccard(IReadOnlyList<uint> a, IReadOnlyList<uint> b)
    {
        if (a.Count != b.Count || a.Count == 0) return 0;
        int equal = 0;
        for (int i = 0; i < a.Count; i++)
            if (a[i] == b[i]) equal++;
        return (double)equal / a.Count;
    }

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
