using System.Globalization;
using System.Text;

namespace Sitrep.Ingest.Readers;

/// <summary>Named header fields in the order they appeared; look-up ignores case (WARC and HTTP names are case-insensitive).</summary>
public sealed class HeaderFields
{
    private readonly List<KeyValuePair<string, string>> _fields = [];

    public IReadOnlyList<KeyValuePair<string, string>> All => _fields;

    public void Add(string name, string value) => _fields.Add(new(name, value));

    public void AppendToLast(string continuation)
    {
        if (_fields.Count == 0) return;
        var last = _fields[^1];
        _fields[^1] = new(last.Key, last.Value + " " + continuation);
    }

    /// <summary>
    /// Parses "Name: value" lines from <paramref name="first"/> on (folded continuation lines appended), as WARC and
    /// HTTP headers share the syntax. Returns the first line without a colon, or null when all lines parsed;
    /// with <paramref name="skipMalformed"/> such lines are passed over instead.
    /// </summary>
    public static string? ParseLines(string[] lines, int first, HeaderFields into, bool skipMalformed = false)
    {
        for (int i = first; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd('\r');
            if (line.Length == 0) continue;
            if (line[0] is ' ' or '\t')
            {
                into.AppendToLast(line.Trim());
                continue;
            }
            int colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
            {
                if (skipMalformed) continue;
                return line;
            }
            into.Add(line[..colon].Trim(), line[(colon + 1)..].Trim());
        }
        return null;
    }

    /// <summary>
    /// Where a header block ends: the index after the last header line's '\n', with the body starting after the
    /// blank line (LF or CRLF) that follows; -1 when no blank line is found before <paramref name="limit"/>.
    /// </summary>
    public static int FindEnd(ReadOnlySpan<byte> data, int start, int limit, out int bodyStart)
    {
        for (int i = start; i < limit; i++)
        {
            if (data[i] != '\n') continue;
            if (i + 1 < data.Length && data[i + 1] == '\n')
            {
                bodyStart = i + 2;
                return i + 1;
            }
            if (i + 2 < data.Length && data[i + 1] == '\r' && data[i + 2] == '\n')
            {
                bodyStart = i + 3;
                return i + 1;
            }
        }
        bodyStart = -1;
        return -1;
    }

    /// <summary>The first value of <paramref name="name"/>, or null.</summary>
    public string? this[string name]
    {
        get
        {
            foreach (var f in _fields)
                if (string.Equals(f.Key, name, StringComparison.OrdinalIgnoreCase)) return f.Value;
            return null;
        }
    }
}

/// <summary>One WARC record: version line, named fields and the content block.</summary>
/// <param name="Number">1-based position in the file.</param>
/// <param name="Offset">Byte offset of the record in the (decompressed) segment it was read from.</param>
public sealed record WarcRecord(int Number, long Offset, string Version, HeaderFields Headers, ReadOnlyMemory<byte> Block)
{
    public string? Type => Headers["WARC-Type"];

    /// <summary>WARC-Target-URI without the angle brackets some WARC 1.0 writers put around it.</summary>
    public string? TargetUri => Headers["WARC-Target-URI"]?.Trim().TrimStart('<').TrimEnd('>');
}

/// <summary>A record, or why the bytes at a position could not be read as one.</summary>
public sealed record WarcParseResult(int Number, WarcRecord? Record, string? Error);

/// <summary>
/// A WARC 1.0/1.1 record parser over decompressed bytes. Each record is <c>WARC/1.x</c> CRLF, header fields, CRLF, a
/// block of exactly Content-Length bytes, then CRLF CRLF. A record that cannot be read yields an error and the parser
/// resynchronises at the next line starting with <c>WARC/</c>.
/// </summary>
public static class WarcRecordParser
{
    private const int MaxHeaderBytes = 64 * 1024;

    /// <param name="firstNumber">Number to give the first record (records are numbered across gzip segments).</param>
    public static IEnumerable<WarcParseResult> Parse(ReadOnlyMemory<byte> data, int firstNumber = 1)
    {
        int number = firstNumber;
        int pos = 0;
        while (true)
        {
            pos = SkipBlankLines(data.Span, pos);
            if (pos >= data.Length) yield break;
            var (record, error, next) = ReadRecord(data, pos, number);
            if (record is not null)
            {
                yield return new WarcParseResult(number, record, null);
                pos = next;
            }
            else
            {
                yield return new WarcParseResult(number, null, error);
                int resync = FindRecordStart(data.Span, pos + 1);
                if (resync < 0) yield break;
                pos = resync;
            }
            number++;
        }
    }

    private static (WarcRecord? Record, string? Error, int Next) ReadRecord(ReadOnlyMemory<byte> memory, int start, int number)
    {
        var data = memory.Span;
        string At() => $"at byte {start.ToString(CultureInfo.InvariantCulture)}";
        if (!data[start..].StartsWith("WARC/"u8))
            return (null, $"no WARC header {At()} (found \"{Printable(data.Slice(start, Math.Min(20, data.Length - start)))}\")", 0);

        int headerEnd = FindHeaderEnd(data, start, out int bodyStart);
        if (headerEnd < 0)
            return (null, data.Length - start > MaxHeaderBytes ? $"WARC header {At()} has no end within 64 KB" : $"WARC header {At()} is cut off", 0);

        var lines = Encoding.UTF8.GetString(data[start..headerEnd]).Split('\n');
        var version = lines[0].TrimEnd('\r').Trim();
        var headers = new HeaderFields();
        if (HeaderFields.ParseLines(lines, 1, headers) is { } bad)
            return (null, $"malformed WARC header line \"{Truncate(bad)}\" {At()}", 0);
        var lengthText = headers["Content-Length"];
        if (lengthText is null || !long.TryParse(lengthText, NumberStyles.None, CultureInfo.InvariantCulture, out long length))
            return (null, $"WARC record {At()} has {(lengthText is null ? "no" : "an invalid")} Content-Length", 0);
        if (bodyStart + length > data.Length)
            return (null, $"WARC record {At()} declares {length.ToString(CultureInfo.InvariantCulture)} content bytes but only {(data.Length - bodyStart).ToString(CultureInfo.InvariantCulture)} remain (truncated)", 0);

        int blockEnd = bodyStart + (int)length;
        var record = new WarcRecord(number, start, version, headers, memory[bodyStart..blockEnd]);
        return (record, null, blockEnd);
    }

    // Header ends at the first empty line (CRLF CRLF, or LF LF from sloppy writers).
    private static int FindHeaderEnd(ReadOnlySpan<byte> data, int start, out int bodyStart) =>
        HeaderFields.FindEnd(data, start, Math.Min(data.Length, start + MaxHeaderBytes), out bodyStart);

    private static int SkipBlankLines(ReadOnlySpan<byte> data, int pos)
    {
        while (pos < data.Length && data[pos] is (byte)'\r' or (byte)'\n' or (byte)' ' or (byte)'\t') pos++;
        return pos;
    }

    /// <summary>The next position at or after <paramref name="from"/> where a line starts with <c>WARC/</c>, or -1.</summary>
    public static int FindRecordStart(ReadOnlySpan<byte> data, int from)
    {
        for (int i = from; i < data.Length; i++)
        {
            int hit = data[i..].IndexOf("WARC/"u8);
            if (hit < 0) return -1;
            i += hit;
            if (i == 0 || data[i - 1] == '\n') return i;
        }
        return -1;
    }

    private static string Printable(ReadOnlySpan<byte> bytes)
    {
        var sb = new StringBuilder(bytes.Length);
        foreach (var b in bytes) sb.Append(b is >= 0x20 and < 0x7F ? (char)b : '.');
        return sb.ToString();
    }

    private static string Truncate(string s) => s.Length <= 60 ? s : s[..57] + "...";
}
