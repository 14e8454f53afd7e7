using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Unicode;
using Sitrep.Core;

namespace Sitrep.Ingest.Input;

/// <summary>Decoded text, the web name of the encoding used, and any caveats (e.g. a windows-1252 fallback).</summary>
/// <param name="PreambleLength">Bytes of byte-order mark skipped before decoding.</param>
public sealed record DecodedText(string Text, string EncodingName, IReadOnlyList<DocumentError> Warnings, int PreambleLength = 0);

/// <summary>
/// Turns input bytes into text. Order: byte-order mark, then the declared charset (HTTP, XML, container), then for
/// HTML a &lt;meta charset&gt; in the first 4 KB, then strict UTF-8, and last windows-1252 with a warning.
/// Binary and empty inputs are refused.
/// </summary>
public static class TextDecoder
{
    private const int BinaryScanBytes = 8 * 1024;
    private const int MetaScanBytes = 4 * 1024;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static DecodedText Decode(byte[] bytes, string? declaredCharset, bool sniffHtmlMeta)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        if (bytes.Length == 0) throw SitrepException.Empty("The input");
        TextEncodings.EnsureRegistered();
        var warnings = new List<DocumentError>();

        // 1. Byte-order mark: the strongest signal, it overrides any declaration.
        var (bomEncoding, bomLength) = DetectBom(bytes);
        if (bomEncoding is null)
        {
            var declared = TextEncodings.TryGet(declaredCharset);
            if (declaredCharset is not null && declared is null && !string.IsNullOrWhiteSpace(declaredCharset))
                warnings.Add(Warning($"The declared charset '{declaredCharset.Trim()}' is unknown; ignored."));
            if (declared is not null && IsUtf16(declared)) declared = null; // a UTF-16 label without a BOM on 8-bit-looking bytes is a mislabel
            CheckBinary(bytes);
            if (declared is null && sniffHtmlMeta) declared = SniffHtmlMetaCharset(bytes);
            declared ??= SniffXmlDeclaration(bytes);
            if (declared is not null) return Finish(DecodeDeclared(bytes, declared, warnings), Name(declared), warnings, 0);

            int bad = FirstInvalidUtf8(bytes);
            if (bad < 0) return Finish(StrictUtf8.GetString(bytes), "utf-8", warnings, 0);
            warnings.Add(Warning($"The input declares no charset and is not valid UTF-8 (first bad byte at offset {bad.ToString(CultureInfo.InvariantCulture)}); decoded as windows-1252."));
            return Finish(TextEncodings.Get("windows-1252").GetString(bytes), "windows-1252", warnings, 0);
        }

        if (!IsUtf16(bomEncoding)) CheckBinary(bytes);
        string text = DecodeDeclared(bytes.AsSpan(bomLength), bomEncoding, warnings);
        return Finish(text, Name(bomEncoding), warnings, bomLength);
    }

    /// <summary>The type of binary file <paramref name="bytes"/> start with, or null for none known.</summary>
    public static string? DetectBinarySignature(ReadOnlySpan<byte> bytes)
    {
        static bool At(ReadOnlySpan<byte> b, int offset, ReadOnlySpan<byte> sig) => b.Length >= offset + sig.Length && b.Slice(offset, sig.Length).SequenceEqual(sig);
        if (At(bytes, 0, [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])) return "PNG image";
        if (At(bytes, 0, [0xFF, 0xD8, 0xFF])) return "JPEG image";
        if (At(bytes, 0, "GIF87a"u8) || At(bytes, 0, "GIF89a"u8)) return "GIF image";
        if (At(bytes, 0, "RIFF"u8) && At(bytes, 8, "WEBP"u8)) return "WebP image";
        if (At(bytes, 0, [0x49, 0x49, 0x2A, 0x00]) || At(bytes, 0, [0x4D, 0x4D, 0x00, 0x2A])) return "TIFF image";
        if (At(bytes, 4, "ftyp"u8)) return "MP4/QuickTime media";
        if (At(bytes, 0, "%PDF-"u8)) return "PDF document";
        if (At(bytes, 0, [0x50, 0x4B, 0x03, 0x04]) || At(bytes, 0, [0x50, 0x4B, 0x05, 0x06])) return "ZIP archive (or an Office document)";
        if (At(bytes, 0, [0x1F, 0x8B])) return "gzip archive";
        if (At(bytes, 0, [0x28, 0xB5, 0x2F, 0xFD])) return "Zstandard archive";
        if (At(bytes, 0, [0xFD, 0x37, 0x7A, 0x58, 0x5A, 0x00])) return "xz archive";
        if (At(bytes, 0, [0x37, 0x7A, 0xBC, 0xAF, 0x27, 0x1C])) return "7-Zip archive";
        if (At(bytes, 0, "Rar!\x1A\x07"u8)) return "RAR archive";
        if (At(bytes, 0, "BZh"u8) && At(bytes, 4, [0x31, 0x41, 0x59, 0x26, 0x53, 0x59])) return "bzip2 archive";
        if (At(bytes, 0, [0x7F, 0x45, 0x4C, 0x46])) return "ELF executable";
        if (At(bytes, 0, "MZ"u8) && bytes.Length >= 64 && bytes[..64].Contains((byte)0)) return "Windows executable";
        if (At(bytes, 0, [0xCA, 0xFE, 0xBA, 0xBE])) return "Java class or Mach-O file";
        if (At(bytes, 0, [0xCF, 0xFA, 0xED, 0xFE]) || At(bytes, 0, [0xCE, 0xFA, 0xED, 0xFE])) return "Mach-O executable";
        if (At(bytes, 0, "SQLite format 3\0"u8)) return "SQLite database";
        if (At(bytes, 0, "OggS"u8)) return "Ogg media";
        if (At(bytes, 0, "\0asm"u8)) return "WebAssembly module";
        if (At(bytes, 0, "wOFF"u8) || At(bytes, 0, "wOF2"u8)) return "web font";
        return null;
    }

    private static void CheckBinary(byte[] bytes)
    {
        var kind = DetectBinarySignature(bytes);
        if (kind is not null)
            throw new SitrepException(ErrorCodes.BinaryInput, $"The input is binary, not text: it looks like a {kind}.");
        int nul = bytes.AsSpan(0, Math.Min(bytes.Length, BinaryScanBytes)).IndexOf((byte)0);
        if (nul >= 0)
            throw new SitrepException(ErrorCodes.BinaryInput,
                $"The input is binary, not text: NUL byte at offset {nul.ToString(CultureInfo.InvariantCulture)} (a UTF-16 file without a byte-order mark also looks like this).");
    }

    private static DecodedText Finish(string text, string encodingName, List<DocumentError> warnings, int preamble)
    {
        if (string.IsNullOrWhiteSpace(text) || text.AsSpan().Trim("\uFEFF\u200B\u00A0").IsWhiteSpace())
            throw new SitrepException(ErrorCodes.EmptyInput, "The input contains nothing but whitespace.");
        return new DecodedText(text, encodingName, warnings, preamble);
    }

    private static string DecodeDeclared(ReadOnlySpan<byte> bytes, Encoding encoding, List<DocumentError> warnings)
    {
        if (encoding.CodePage == 65001)
        {
            int bad = FirstInvalidUtf8(bytes);
            if (bad >= 0)
                warnings.Add(Warning($"The input declares UTF-8 but is not valid UTF-8 (first bad byte at offset {bad.ToString(CultureInfo.InvariantCulture)}); invalid bytes were replaced with U+FFFD."));
            return Encoding.UTF8.GetString(bytes);
        }
        return encoding.GetString(bytes);
    }

    private static (Encoding? Encoding, int Length) DetectBom(ReadOnlySpan<byte> b)
    {
        if (b.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) return (Encoding.UTF8, 3);
        if (b.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE])) return (Encoding.Unicode, 2);
        if (b.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF])) return (Encoding.BigEndianUnicode, 2);
        return (null, 0);
    }

    private static bool IsUtf16(Encoding e) => e.CodePage is 1200 or 1201;

    private static string Name(Encoding e) => e.CodePage switch
    {
        65001 => "utf-8",
        1200 => "utf-16",
        1201 => "utf-16BE",
        1252 => "windows-1252",
        _ => e.WebName,
    };

    /// <summary>Offset of the first byte that is not part of valid UTF-8, or -1.</summary>
    public static int FirstInvalidUtf8(ReadOnlySpan<byte> bytes)
    {
        int offset = 0;
        while (offset < bytes.Length)
        {
            var status = Rune.DecodeFromUtf8(bytes[offset..], out _, out int consumed);
            if (status != OperationStatus.Done) return offset;
            offset += consumed;
        }
        return -1;
    }

    /// <summary>The charset of a &lt;meta charset&gt; or http-equiv Content-Type in the first 4 KB, if any.</summary>
    public static Encoding? SniffHtmlMetaCharset(ReadOnlySpan<byte> bytes)
    {
        var head = Encoding.Latin1.GetString(bytes[..Math.Min(bytes.Length, MetaScanBytes)]);
        int pos = 0;
        while ((pos = head.IndexOf("<meta", pos, StringComparison.OrdinalIgnoreCase)) >= 0)
        {
            int end = head.IndexOf('>', pos);
            if (end < 0) break;
            var tag = head.AsSpan(pos, end - pos).ToString();
            pos = end;
            var charset = AttributeValue(tag, "charset");
            if (charset is null)
            {
                var equiv = AttributeValue(tag, "http-equiv");
                var content = AttributeValue(tag, "content");
                if (equiv is not null && content is not null && equiv.Equals("content-type", StringComparison.OrdinalIgnoreCase))
                    charset = ContentTypeHeader.Charset(content);
            }
            var encoding = TextEncodings.TryGet(charset);
            if (encoding is not null)
                return IsUtf16(encoding) ? Encoding.UTF8 : encoding; // HTML: a meta claiming UTF-16 means UTF-8
        }
        return null;
    }

    /// <summary>The encoding of an XML declaration at the very start, if any.</summary>
    public static Encoding? SniffXmlDeclaration(ReadOnlySpan<byte> bytes)
    {
        if (!bytes.StartsWith("<?xml"u8)) return null;
        var head = Encoding.Latin1.GetString(bytes[..Math.Min(bytes.Length, 200)]);
        int end = head.IndexOf("?>", StringComparison.Ordinal);
        if (end < 0) return null;
        var encoding = TextEncodings.TryGet(AttributeValue(head[..end], "encoding"));
        return encoding is not null && IsUtf16(encoding) ? null : encoding;
    }

    private static string? AttributeValue(string tag, string name)
    {
        int i = 0;
        while ((i = tag.IndexOf(name, i, StringComparison.OrdinalIgnoreCase)) >= 0)
        {
            bool boundary = i > 0 && (char.IsWhiteSpace(tag[i - 1]) || tag[i - 1] is '"' or '\'' or '/');
            int j = i + name.Length;
            i = j;
            if (!boundary) continue;
            while (j < tag.Length && char.IsWhiteSpace(tag[j])) j++;
            if (j >= tag.Length || tag[j] != '=') continue;
            j++;
            while (j < tag.Length && char.IsWhiteSpace(tag[j])) j++;
            if (j >= tag.Length) return null;
            char q = tag[j];
            if (q is '"' or '\'')
            {
                int close = tag.IndexOf(q, j + 1);
                return close < 0 ? tag[(j + 1)..] : tag[(j + 1)..close];
            }
            int k = j;
            while (k < tag.Length && !char.IsWhiteSpace(tag[k]) && tag[k] is not '/' and not '>') k++;
            return tag[j..k];
        }
        return null;
    }

    private static DocumentError Warning(string message) => new(ErrorCodes.InvalidEncoding, message, "decode", ErrorSeverity.Warning);
}

/// <summary>Parsing of HTTP-style <c>Content-Type</c> values.</summary>
public static class ContentTypeHeader
{
    /// <summary>The media type in lower case without parameters, e.g. <c>text/html</c>.</summary>
    public static string? MediaType(string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        int semi = value.IndexOf(';', StringComparison.Ordinal);
        var media = (semi < 0 ? value : value[..semi]).Trim().ToLowerInvariant();
        return media.Length == 0 ? null : media;
    }

    /// <summary>The <c>charset</c> parameter, unquoted, or null.</summary>
    public static string? Charset(string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        foreach (var part in value.Split(';').Skip(1))
        {
            int eq = part.IndexOf('=', StringComparison.Ordinal);
            if (eq < 0) continue;
            if (!part[..eq].Trim().Equals("charset", StringComparison.OrdinalIgnoreCase)) continue;
            var v = part[(eq + 1)..].Trim().Trim('"', '\'').Trim();
            return v.Length == 0 ? null : v;
        }
        // Also tolerate "text/html charset=utf-8" and a bare content="charset=..."
        int c = value.IndexOf("charset=", StringComparison.OrdinalIgnoreCase);
        if (c < 0) return null;
        var rest = value[(c + 8)..].Trim().Trim('"', '\'');
        int stop = rest.IndexOfAny([';', ' ', '"', '\'']);
        rest = stop < 0 ? rest : rest[..stop];
        return rest.Length == 0 ? null : rest;
    }
}
