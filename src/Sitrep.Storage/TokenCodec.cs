using System.IO.Compression;
using System.Text;
using Sitrep.Core;
using Sitrep.Nlp;

namespace Sitrep.Storage;

/// <summary>
/// Tokens of one document as one compact blob: offsets as deltas, each distinct tag or lemma string written once
/// and referred to by index, the whole deflated. A 1,000-token article takes a few kilobytes instead of 1,000 rows.
/// </summary>
public static class TokenCodec
{
    private const byte FormatVersion = 1;

    public static byte[] Encode(IReadOnlyList<Token> tokens)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        var strings = new Dictionary<string, int>(StringComparer.Ordinal);
        var table = new List<string>();
        int Index(string? s)
        {
            if (s is null) return 0;
            if (!strings.TryGetValue(s, out var i))
            {
                table.Add(s);
                i = table.Count; // 0 stands for null
                strings[s] = i;
            }
            return i;
        }
        using var body = new MemoryStream();
        using (var w = new BinaryWriter(body, Encoding.UTF8, leaveOpen: true))
        {
            int previousEnd = 0;
            foreach (var t in tokens)
            {
                w.Write7BitEncodedInt(t.Span.Start - previousEnd);
                w.Write7BitEncodedInt(t.Span.Length);
                w.Write7BitEncodedInt(t.Sentence);
                w.Write7BitEncodedInt(t.Head + 2);
                w.Write7BitEncodedInt(Index(t.Upos));
                w.Write7BitEncodedInt(Index(t.Xpos));
                w.Write7BitEncodedInt(Index(t.Lemma));
                w.Write7BitEncodedInt(Index(t.Deprel));
                previousEnd = t.Span.End;
            }
        }
        using var output = new MemoryStream();
        output.WriteByte(FormatVersion);
        using (var z = new DeflateStream(output, CompressionLevel.Optimal, leaveOpen: true))
        using (var w = new BinaryWriter(z, Encoding.UTF8))
        {
            w.Write7BitEncodedInt(tokens.Count);
            w.Write7BitEncodedInt(table.Count);
            foreach (var s in table) w.Write(s);
            w.Write(body.GetBuffer(), 0, (int)body.Length);
        }
        return output.ToArray();
    }

    public static Token[] Decode(byte[] blob)
    {
        ArgumentNullException.ThrowIfNull(blob);
        if (blob.Length == 0 || blob[0] != FormatVersion) throw new InvalidDataException("Unknown token blob format.");
        using var z = new DeflateStream(new MemoryStream(blob, 1, blob.Length - 1), CompressionMode.Decompress);
        using var r = new BinaryReader(z, Encoding.UTF8);
        int count = r.Read7BitEncodedInt();
        var table = new string?[r.Read7BitEncodedInt() + 1];
        for (int i = 1; i < table.Length; i++) table[i] = r.ReadString();
        var tokens = new Token[count];
        int previousEnd = 0;
        for (int i = 0; i < count; i++)
        {
            int start = previousEnd + r.Read7BitEncodedInt();
            int length = r.Read7BitEncodedInt();
            int sentence = r.Read7BitEncodedInt();
            int head = r.Read7BitEncodedInt() - 2;
            var upos = table[r.Read7BitEncodedInt()];
            var xpos = table[r.Read7BitEncodedInt()];
            var lemma = table[r.Read7BitEncodedInt()];
            var deprel = table[r.Read7BitEncodedInt()];
            tokens[i] = new Token(TextSpan.FromLength(start, length), sentence, upos, xpos, lemma, head, deprel);
            previousEnd = start + length;
        }
        return tokens;
    }
}
