using System.Globalization;
using System.IO.Compression;
using System.Text;
using Sitrep.Core;
using Sitrep.Ingest.Input;

namespace Sitrep.Ingest.Readers;

/// <summary>An HTTP response as stored in a WARC <c>response</c> record, with its body already de-chunked and decompressed.</summary>
public sealed record HttpResponseMessageData(int StatusCode, string Reason, HeaderFields Headers, byte[] Body)
{
    public string? MediaType => ContentTypeHeader.MediaType(Headers["Content-Type"]);
    public string? Charset => ContentTypeHeader.Charset(Headers["Content-Type"]);
}

/// <summary>Parses the HTTP message inside a WARC response record: status line, headers, chunked transfer coding, Content-Encoding.</summary>
public static class WarcHttp
{
    /// <summary>Parses <paramref name="block"/>; throws <see cref="SitrepException"/> (ParseFailed, TooLarge, TruncatedGzip) when it cannot.</summary>
    public static HttpResponseMessageData ParseResponse(ReadOnlySpan<byte> block, long maxBytes, string what)
    {
        int headerEnd = HeaderEnd(block, out int bodyStart);
        if (headerEnd < 0) throw new SitrepException(ErrorCodes.ParseFailed, $"{what}: the HTTP response has no end of headers.");
        var lines = Encoding.Latin1.GetString(block[..headerEnd]).Split('\n');
        var status = lines[0].TrimEnd('\r');
        var parts = status.Split(' ', 3, StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length < 2 || !parts[0].StartsWith("HTTP/", StringComparison.OrdinalIgnoreCase) ||
            !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out int code))
            throw new SitrepException(ErrorCodes.ParseFailed, $"{what}: bad HTTP status line \"{(status.Length > 60 ? status[..60] : status)}\".");
        var headers = new HeaderFields();
        // HTTP headers in the wild carry junk lines; unlike WARC's own, they are passed over, not fatal.
        HeaderFields.ParseLines(lines, 1, headers, skipMalformed: true);
        var body = block[bodyStart..].ToArray();
        if (Has(headers["Transfer-Encoding"], "chunked") && TryDechunk(body, maxBytes, out var dechunked))
            body = dechunked; // some crawlers store the body already de-chunked but keep the header, so only if it parses
        body = Decode(body, headers["Content-Encoding"], maxBytes, what);
        if (body.LongLength > maxBytes)
            throw new SitrepException(ErrorCodes.TooLarge,
                $"{what}: the HTTP body is {body.LongLength.ToString("N0", CultureInfo.InvariantCulture)} bytes, over the limit of {maxBytes.ToString("N0", CultureInfo.InvariantCulture)} (ReaderOptions.MaxBytes).");
        return new HttpResponseMessageData(code, parts.Length > 2 ? parts[2].Trim() : "", headers, body);
    }

    /// <summary>Decodes a chunked body: hex size line (extensions ignored), data, CRLF … a zero-size chunk, trailers.</summary>
    public static bool TryDechunk(ReadOnlySpan<byte> body, long maxBytes, out byte[] result)
    {
        result = [];
        using var output = new MemoryStream();
        int pos = 0;
        while (true)
        {
            int nl = body[pos..].IndexOf((byte)'\n');
            if (nl < 0) return false;
            var sizeLine = Encoding.Latin1.GetString(body.Slice(pos, nl)).TrimEnd('\r');
            int semi = sizeLine.IndexOf(';', StringComparison.Ordinal);
            if (semi >= 0) sizeLine = sizeLine[..semi];
            if (!long.TryParse(sizeLine.Trim(), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out long size) || size < 0)
                return false;
            pos += nl + 1;
            if (size == 0) break;
            if (pos + size > body.Length || output.Length + size > maxBytes) return false;
            output.Write(body.Slice(pos, (int)size));
            pos += (int)size;
            // CRLF after the chunk data
            if (pos < body.Length && body[pos] == '\r') pos++;
            if (pos < body.Length && body[pos] == '\n') pos++;
            if (pos >= body.Length) break; // tolerate a missing final zero chunk
        }
        result = output.ToArray();
        return true;
    }

    private static byte[] Decode(byte[] body, string? contentEncoding, long maxBytes, string what)
    {
        if (string.IsNullOrWhiteSpace(contentEncoding)) return body;
        // Codings apply in the order listed, so undo them in reverse.
        foreach (var coding in contentEncoding.Split(',').Select(c => c.Trim().ToLowerInvariant()).Reverse())
        {
            switch (coding)
            {
                case "gzip" or "x-gzip":
                    if (Gzip.HasMagic(body)) body = Gzip.Decompress(body, maxBytes, what + " (Content-Encoding: gzip)");
                    break; // already decoded by the crawler if there is no gzip magic
                case "deflate":
                    body = Inflate(body, maxBytes, what);
                    break;
                case "br":
                    body = Brotli(body, maxBytes, what);
                    break;
                case "identity" or "":
                    break;
                default:
                    throw new SitrepException(ErrorCodes.UnsupportedFormat, $"{what}: unsupported Content-Encoding '{coding}'.");
            }
        }
        return body;
    }

    private static byte[] Inflate(byte[] body, long maxBytes, string what)
    {
        // "deflate" is meant to be zlib-wrapped, but many servers send raw deflate; try both.
        if (body.Length >= 2 && (body[0] & 0x0F) == 8 && ((body[0] << 8) | body[1]) % 31 == 0)
        {
            try
            {
                return CopyLimited(new ZLibStream(new MemoryStream(body), CompressionMode.Decompress), maxBytes, what);
            }
            catch (InvalidDataException) { }
        }
        try
        {
            return CopyLimited(new DeflateStream(new MemoryStream(body), CompressionMode.Decompress), maxBytes, what);
        }
        catch (InvalidDataException)
        {
            return body; // not actually compressed: the crawler decoded it
        }
    }

    private static byte[] Brotli(byte[] body, long maxBytes, string what)
    {
        try
        {
            return CopyLimited(new BrotliStream(new MemoryStream(body), CompressionMode.Decompress), maxBytes, what);
        }
        catch (InvalidDataException e)
        {
            throw new SitrepException(ErrorCodes.ParseFailed, $"{what}: corrupt brotli body ({e.Message}).", e);
        }
    }

    private static byte[] CopyLimited(Stream stream, long maxBytes, string what)
    {
        using (stream)
        {
            using var output = new MemoryStream();
            Gzip.CopyBounded(stream, output, maxBytes, $"{what}: the decompressed HTTP body");
            return output.ToArray();
        }
    }

    private static bool Has(string? value, string token) =>
        value is not null && value.Split(',').Any(v => v.Trim().Equals(token, StringComparison.OrdinalIgnoreCase));

    private static int HeaderEnd(ReadOnlySpan<byte> data, out int bodyStart) => HeaderFields.FindEnd(data, 0, data.Length, out bodyStart);
}
