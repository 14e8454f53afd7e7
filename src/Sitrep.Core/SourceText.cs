using System.Security.Cryptography;
using System.Text;

namespace Sitrep.Core;

/// <summary>
/// Immutable text with the bytes it was decoded from. The text is never rewritten: cleaning makes a new
/// <see cref="SourceText"/> and an <see cref="OffsetMap"/> back to this one.
/// </summary>
public sealed class SourceText
{
    private readonly byte[]? _bytes;
    private int[]? _byteOffsets;

    public SourceText(string text, byte[]? bytes = null, string? encodingName = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        Text = text;
        _bytes = bytes;
        EncodingName = encodingName;
    }

    public string Text { get; }
    public int Length => Text.Length;

    /// <summary>The bytes the text was decoded from, if it came from bytes.</summary>
    public ReadOnlySpan<byte> Bytes => _bytes;
    public bool HasBytes => _bytes is not null;

    /// <summary>The encoding the bytes were decoded with (web name, e.g. utf-8, windows-1252).</summary>
    public string? EncodingName { get; }

    public ReadOnlySpan<char> this[TextSpan span] => Text.AsSpan(CheckSpan(span).Start, span.Length);

    public string Slice(TextSpan span) => Text.Substring(CheckSpan(span).Start, span.Length);

    public TextSpan FullSpan => new(0, Text.Length);

    /// <summary>Hex sha256 of the bytes (or of the UTF-8 text when there are no bytes).</summary>
    public string Sha256()
    {
        var data = _bytes ?? Encoding.UTF8.GetBytes(Text);
        return Convert.ToHexStringLower(SHA256.HashData(data));
    }

    /// <summary>
    /// Maps a character span to the byte span it was decoded from. Exact for UTF-8 and single-byte
    /// encodings, which are the ones the readers decode to; for other encodings it re-encodes prefixes.
    /// </summary>
    public TextSpan ToByteSpan(TextSpan span)
    {
        CheckSpan(span);
        if (_bytes is null) throw new InvalidOperationException("This text was not decoded from bytes.");
        var offsets = _byteOffsets ??= ComputeByteOffsets();
        return new TextSpan(offsets[span.Start], offsets[span.End]);
    }

    private int[] ComputeByteOffsets()
    {
        var encoding = EncodingName is null ? Encoding.UTF8 : TextEncodings.Get(EncodingName);
        var offsets = new int[Text.Length + 1];
        int preamble = _bytes is { Length: >= 3 } b && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF && encoding.CodePage == 65001 ? 3 : 0;
        int pos = preamble;
        for (int i = 0; i < Text.Length; i++)
        {
            offsets[i] = pos;
            int n = char.IsHighSurrogate(Text[i]) && i + 1 < Text.Length && char.IsLowSurrogate(Text[i + 1]) ? 2 : 1;
            int bytes = encoding.GetByteCount(Text.AsSpan(i, n));
            if (n == 2)
            {
                offsets[i + 1] = pos;
                i++;
            }
            pos += bytes;
        }
        offsets[Text.Length] = pos;
        return offsets;
    }

    private TextSpan CheckSpan(TextSpan span)
    {
        if (span.End > Text.Length)
            throw new ArgumentOutOfRangeException(nameof(span), span, $"Span exceeds text length {Text.Length}.");
        return span;
    }

    public override string ToString() => Text.Length <= 80 ? Text : string.Concat(Text.AsSpan(0, 77), "...");
}
