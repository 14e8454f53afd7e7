using System.Buffers.Binary;
using System.Globalization;
using System.IO.Compression;
using System.IO.Hashing;
using Sitrep.Core;

namespace Sitrep.Ingest.Input;

/// <summary>A run of output decompressed from consecutive gzip members; <see cref="Error"/> says why the run ended early.</summary>
public sealed record GzipSegment(byte[] Data, string? Error);

/// <summary>
/// Gzip decompression with a size limit and truncation detection. .NET's <see cref="GZipStream"/> reads concatenated
/// members one after another, but returns partial data without complaint when the input is cut short, so the end
/// of the output is checked against the last member's trailer (CRC-32 and length).
/// </summary>
public static class Gzip
{
    // Small reads from the compressed input keep the "how far did the decoder get" position precise for resync:
    // the decoder fails within the last chunk it read, so the next member starts at most one chunk before that.
    private const int InputChunk = 64;

    public static bool HasMagic(ReadOnlySpan<byte> bytes) => bytes.Length >= 2 && bytes[0] == 0x1F && bytes[1] == 0x8B;

    /// <summary>Decompresses all members; throws <see cref="ErrorCodes.TruncatedGzip"/> or <see cref="ErrorCodes.TooLarge"/>.</summary>
    public static byte[] Decompress(byte[] data, long maxBytes, string what)
    {
        var (output, _, failure) = DecompressFrom(data, 0, maxBytes, what, 64 * 1024);
        if (failure is not null)
            throw new SitrepException(ErrorCodes.TruncatedGzip, $"{what}: gzip data is corrupt ({failure.Message}).", failure);
        if (!TrailerMatches(data, output))
            throw new SitrepException(ErrorCodes.TruncatedGzip,
                $"{what}: gzip stream ends early (no valid trailer after {output.Length.ToString(CultureInfo.InvariantCulture)} decompressed bytes); the file is truncated.");
        return output;
    }

    /// <summary>
    /// Decompresses all members, and when a member is corrupt, ends the segment there and resumes at the next gzip
    /// member header, so a container with one member per record (WARC) loses only the damaged records.
    /// </summary>
    public static IReadOnlyList<GzipSegment> DecompressResyncing(byte[] data, long maxBytes, string what)
    {
        var segments = new List<GzipSegment>();
        int start = 0;
        long total = 0;
        while (start < data.Length)
        {
            var (output, consumed, failure) = DecompressFrom(data, start, maxBytes - total, what, InputChunk);
            total += output.Length;
            if (failure is null)
            {
                segments.Add(new GzipSegment(output, TrailerMatches(data, output) ? null : "gzip stream ends early (the file is truncated)"));
                break;
            }
            // A false header match inside damaged data fails at once with no output: fold it into the previous error.
            if (output.Length > 0 || segments.Count == 0 || segments[^1].Error is null)
                segments.Add(new GzipSegment(output, $"corrupt gzip member near byte {consumed.ToString(CultureInfo.InvariantCulture)} ({failure.Message})"));
            int next = FindMemberHeader(data, Math.Max(consumed - InputChunk, start + 1));
            if (next < 0) break;
            start = next;
        }
        return segments;
    }

    /// <summary>Decompresses just enough of the first member to return its first <paramref name="count"/> bytes (for sniffing).</summary>
    public static byte[] Peek(byte[] data, int count)
    {
        try
        {
            using var gz = new GZipStream(new MemoryStream(data, writable: false), CompressionMode.Decompress);
            var buffer = new byte[count];
            int n = gz.ReadAtLeast(buffer, count, throwOnEndOfStream: false);
            return buffer.AsSpan(0, n).ToArray();
        }
        catch (InvalidDataException)
        {
            return [];
        }
    }

    /// <summary>Copies <paramref name="from"/> into <paramref name="to"/>, refusing with TooLarge past <paramref name="maxBytes"/>: decompression bombs stop early.</summary>
    internal static void CopyBounded(Stream from, MemoryStream to, long maxBytes, string what)
    {
        var buffer = new byte[81920];
        int n;
        while ((n = from.Read(buffer, 0, buffer.Length)) > 0)
        {
            if (to.Length + n > maxBytes)
                throw new SitrepException(ErrorCodes.TooLarge,
                    $"{what} exceeds the limit of {maxBytes.ToString("N0", CultureInfo.InvariantCulture)} bytes (ReaderOptions.MaxBytes).");
            to.Write(buffer, 0, n);
        }
    }

    private static (byte[] Output, int Consumed, Exception? Failure) DecompressFrom(byte[] data, int start, long maxBytes, string what, int chunk)
    {
        var input = new ChunkedReadStream(data, start, chunk);
        using var gz = new GZipStream(input, CompressionMode.Decompress);
        using var output = new MemoryStream();
        try
        {
            CopyBounded(gz, output, maxBytes, $"{what}: decompressed data");
        }
        catch (Exception e) when (e is InvalidDataException or EndOfStreamException)
        {
            return (output.ToArray(), (int)input.Position, e);
        }
        return (output.ToArray(), (int)input.Position, null);
    }

    // The last 8 bytes of a complete gzip stream are CRC-32 and length (mod 2^32) of the last member's output,
    // which is a suffix of the whole output.
    private static bool TrailerMatches(byte[] data, byte[] output)
    {
        if (data.Length < 18) return false;
        uint crc = BinaryPrimitives.ReadUInt32LittleEndian(data.AsSpan(data.Length - 8));
        uint size = BinaryPrimitives.ReadUInt32LittleEndian(data.AsSpan(data.Length - 4));
        if (size > output.Length) return false;
        return Crc32.HashToUInt32(output.AsSpan(output.Length - (int)size)) == crc;
    }

    private static int FindMemberHeader(byte[] data, int from)
    {
        for (int i = from; i + 3 < data.Length; i++)
        {
            // ID1 ID2 CM=deflate, and no reserved flag bits set.
            if (data[i] == 0x1F && data[i + 1] == 0x8B && data[i + 2] == 0x08 && (data[i + 3] & 0xE0) == 0) return i;
        }
        return -1;
    }

    /// <summary>A read-only view of a byte array that hands out at most a few hundred bytes per read.</summary>
    private sealed class ChunkedReadStream(byte[] data, int start, int chunk) : Stream
    {
        private int _pos = start;
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => data.Length;
        public override long Position { get => _pos; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));
        public override int Read(Span<byte> buffer)
        {
            int n = Math.Min(Math.Min(buffer.Length, chunk), data.Length - _pos);
            if (n <= 0) return 0;
            data.AsSpan(_pos, n).CopyTo(buffer);
            _pos += n;
            return n;
        }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
