using System.Text;

namespace Sitrep.Ingest.Input;

/// <summary>The reader an input needs.</summary>
public enum InputFormat { Unknown, Text, Html, JsonLines, Feed, Warc }

/// <summary>
/// Picks the reader for an input: strong content signatures first (a WARC header, a feed or HTML root element),
/// because extensions lie; then the extension; then the protocol's Content-Type; then weaker content clues.
/// </summary>
public static class FormatSniffer
{
    private const int HeadBytes = 2048;

    public static InputFormat Sniff(InputSource source)
    {
        ArgumentNullException.ThrowIfNull(source);
        var bytes = source.Bytes;
        if (Gzip.HasMagic(bytes))
            return Gzip.Peek(bytes, 5).AsSpan().SequenceEqual("WARC/"u8) ? InputFormat.Warc : InputFormat.Unknown;

        var byContent = SniffContent(bytes, out bool strong);
        var byName = FromFileName(source.FileName);
        var byType = FromContentType(source.ContentType);

        if (strong && byContent != InputFormat.Unknown) return byContent;
        // ".json" is read only when it holds JSON objects line by line; a JSON array or other JSON is not an article dump.
        if (source.FileName is { } fn && fn.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
            return byContent == InputFormat.JsonLines ? InputFormat.JsonLines : InputFormat.Unknown;
        if (byName is { } n)
        {
            // ".xml" is a feed only if it looks like one; a sitemap or other XML is not something we read.
            if (n == InputFormat.Feed && IsPlainXml(bytes)) return InputFormat.Unknown;
            return n;
        }
        if (byType is { } t) return t == InputFormat.Feed && IsPlainXml(bytes) ? InputFormat.Unknown : t;
        return byContent;
    }

    /// <summary>The format an extension names (<c>.html</c>, <c>.jsonl</c>, <c>.warc.gz</c> …), or null.</summary>
    public static InputFormat? FromFileName(string? fileName)
    {
        if (string.IsNullOrEmpty(fileName)) return null;
        var name = fileName.ToLowerInvariant();
        if (name.EndsWith(".warc.gz", StringComparison.Ordinal) || name.EndsWith(".warc", StringComparison.Ordinal)) return InputFormat.Warc;
        if (name.EndsWith(".gz", StringComparison.Ordinal)) name = name[..^3];
        return Path.GetExtension(name) switch
        {
            ".html" or ".htm" or ".xhtml" or ".shtml" => InputFormat.Html,
            ".txt" or ".text" => InputFormat.Text,
            ".jsonl" or ".ndjson" or ".json-lines" or ".jsonlines" => InputFormat.JsonLines,
            ".rss" or ".atom" or ".xml" or ".rdf" => InputFormat.Feed,
            ".warc" => InputFormat.Warc,
            _ => null,
        };
    }

    /// <summary>The format a MIME type names, or null.</summary>
    public static InputFormat? FromContentType(string? contentType) => ContentTypeHeader.MediaType(contentType) switch
    {
        "text/html" or "application/xhtml+xml" => InputFormat.Html,
        "text/plain" => InputFormat.Text,
        "application/x-ndjson" or "application/jsonl" or "application/json-lines" or "application/x-jsonlines" or "application/ndjson" => InputFormat.JsonLines,
        "application/rss+xml" or "application/atom+xml" or "application/rdf+xml" or "application/xml" or "text/xml" => InputFormat.Feed,
        "application/warc" => InputFormat.Warc,
        _ => null,
    };

    /// <summary>Guesses from the first bytes. <paramref name="strong"/> is set for signatures that beat any extension.</summary>
    public static InputFormat SniffContent(ReadOnlySpan<byte> bytes, out bool strong)
    {
        strong = false;
        if (bytes.StartsWith("WARC/"u8))
        {
            strong = true;
            return InputFormat.Warc;
        }
        if (TextDecoder.DetectBinarySignature(bytes) is not null || bytes[..Math.Min(bytes.Length, 512)].Contains((byte)0) && !HasUtf16Bom(bytes))
            return InputFormat.Unknown;
        var head = Head(bytes);
        var trimmed = head.AsSpan().TrimStart();
        if (trimmed.IsEmpty) return InputFormat.Unknown;
        if (trimmed[0] == '<')
        {
            var root = FirstElementName(trimmed.ToString());
            if (root is not null)
            {
                var local = root.Contains(':', StringComparison.Ordinal) ? root[(root.IndexOf(':', StringComparison.Ordinal) + 1)..] : root;
                switch (local.ToLowerInvariant())
                {
                    case "rss":
                    case "feed":
                    case "rdf":
                        strong = true;
                        return InputFormat.Feed;
                    case "html":
                        strong = true;
                        return InputFormat.Html;
                }
            }
            if (trimmed.StartsWith("<!doctype html", StringComparison.OrdinalIgnoreCase))
            {
                strong = true;
                return InputFormat.Html;
            }
            // Headless HTML fragments ("<div>…", "<p>…") are still HTML, but an extension may know better.
            return trimmed.StartsWith("<?xml", StringComparison.Ordinal) ? InputFormat.Unknown : InputFormat.Html;
        }
        if (trimmed[0] == '{') return InputFormat.JsonLines;
        return InputFormat.Text;
    }

    private static bool IsPlainXml(byte[] bytes)
    {
        var kind = SniffContent(bytes, out bool strong);
        return !strong && kind == InputFormat.Unknown && Head(bytes).AsSpan().TrimStart().StartsWith("<", StringComparison.Ordinal);
    }

    private static bool HasUtf16Bom(ReadOnlySpan<byte> b) => b.Length >= 2 && (b[0] == 0xFF && b[1] == 0xFE || b[0] == 0xFE && b[1] == 0xFF);

    private static string Head(ReadOnlySpan<byte> bytes)
    {
        var slice = bytes[..Math.Min(bytes.Length, HeadBytes)];
        if (slice.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) return Encoding.UTF8.GetString(slice[3..]);
        if (slice.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE])) return Encoding.Unicode.GetString(slice[2..]);
        if (slice.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF])) return Encoding.BigEndianUnicode.GetString(slice[2..]);
        return Encoding.Latin1.GetString(slice); // ASCII structure is all we look at
    }

    /// <summary>The name of the first element, skipping the XML declaration, processing instructions, comments and DOCTYPE.</summary>
    public static string? FirstElementName(string text)
    {
        int i = 0;
        while (true)
        {
            while (i < text.Length && char.IsWhiteSpace(text[i])) i++;
            if (i >= text.Length || text[i] != '<') return null;
            if (string.CompareOrdinal(text, i, "<!--", 0, 4) == 0)
            {
                int end = text.IndexOf("-->", i + 4, StringComparison.Ordinal);
                if (end < 0) return null;
                i = end + 3;
                continue;
            }
            if (i + 1 < text.Length && text[i + 1] is '?' or '!')
            {
                int end = text.IndexOf('>', i + 2);
                if (end < 0) return null;
                i = end + 1;
                continue;
            }
            int start = i + 1, j = start;
            while (j < text.Length && (char.IsLetterOrDigit(text[j]) || text[j] is ':' or '-' or '_' or '.')) j++;
            return j > start ? text[start..j] : null;
        }
    }
}
