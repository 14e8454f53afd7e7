using System.Text;
using Sitrep.Core;

namespace Sitrep.Storage;

/// <summary>
/// Recomputes a document's raw text from its raw bytes. The store keeps the bytes always (every annotation
/// must trace to them) and the raw text only when this decoding does not reproduce it exactly, e.g. a JSON
/// line whose raw text is a decoded field, or a reader that decoded differently. Checked at write time, so a
/// read is exact either way, and the common case (HTML/text decoded as-is) does not store the text twice.
/// </summary>
internal static class RawText
{
    /// <summary>Decodes as <see cref="SourceText"/> does: the named encoding (UTF-8 when none), a UTF-8 BOM skipped.</summary>
    public static string? Decode(ReadOnlySpan<byte> bytes, string? encodingName)
    {
        var encoding = encodingName is null ? new UTF8Encoding(false, false) : TextEncodings.TryGet(encodingName);
        if (encoding is null) return null;
        if (encoding.CodePage == 65001 && bytes is [0xEF, 0xBB, 0xBF, ..]) bytes = bytes[3..];
        return encoding.GetString(bytes);
    }

    public static bool Decodes(ReadOnlySpan<byte> bytes, string? encodingName, string text) =>
        string.Equals(Decode(bytes, encodingName), text, StringComparison.Ordinal);
}
