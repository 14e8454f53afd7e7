using System.Buffers;
using Sitrep.Core;

namespace Sitrep.Ingest.Html;

/// <summary>
/// Joins body paragraphs into the clean text and maps every clean character to the raw HTML by aligning the
/// paragraphs, forward-only where possible, against the visible-text stream. The paragraphs come from the DOM,
/// so their characters equal the stream's apart from rare parser normalizations; a mismatch is resynchronized
/// on the next few characters and otherwise mapped as a substitution.
/// </summary>
internal static class BodyAligner
{
    private const int AnchorLength = 32;
    private const int ShortAnchorLength = 10;
    private const int ResyncLength = 8;
    private const int ResyncWindow = 400;

    public static (string Text, OffsetMap Map) Build(string html, BodyTextStream stream, IReadOnlyList<string> paragraphs, CancellationToken cancellationToken)
    {
        var builder = new CleanTextBuilder(html);
        int pos = 0;          // stream index where the next paragraph is searched from
        int prevRawEnd = -1;  // raw end of the last mapped character
        int maxLen = 0;
        foreach (var p in paragraphs) maxLen = Math.Max(maxLen, p.Length);
        var mapped = ArrayPool<int>.Shared.Rent(Math.Max(1, maxLen)); // stream index per paragraph char, -1 for whitespace
        try
        {
            foreach (var p in paragraphs)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (p.Length == 0) continue;
                int j = FindAnchor(stream, p, pos);
                for (int k = 0; k < p.Length; k++)
                {
                    char c = p[k];
                    if (char.IsWhiteSpace(c)) { mapped[k] = -1; continue; }
                    if (j < stream.Count && stream.Chars[j] != c)
                    {
                        int r = Resync(stream, p, k, j);
                        if (r >= 0) j = r;
                    }
                    // Past the end (nothing left to align with): reuse the last stream character.
                    mapped[k] = Math.Min(j, stream.Count - 1);
                    if (j < stream.Count) j++;
                }
                if (stream.Count == 0) break;
                pos = j;
                Emit(builder, stream, p, mapped, ref prevRawEnd);
            }
        }
        finally
        {
            ArrayPool<int>.Shared.Return(mapped);
        }
        return builder.Build();
    }

    private static void Emit(CleanTextBuilder builder, BodyTextStream stream, string p, int[] mapped, ref int prevRawEnd)
    {
        int first = -1;
        for (int k = 0; k < p.Length && first < 0; k++) if (mapped[k] >= 0) first = k;
        if (first < 0) return;
        if (builder.Length > 0)
            builder.Append("\n\n", Gap(prevRawEnd, stream.Start(mapped[first])));
        int last = prevRawEnd;
        int k2 = first;
        while (k2 < p.Length)
        {
            int s = mapped[k2];
            if (s < 0)
            {
                // A collapsed whitespace run: it stands for the raw text between its neighbours.
                int next = k2;
                while (next < p.Length && mapped[next] < 0) next++;
                if (next < p.Length)
                    builder.Append(p.AsSpan(k2, next - k2), Gap(last, stream.Start(mapped[next])));
                k2 = next;
                continue;
            }
            char c = p[k2];
            builder.Append(new ReadOnlySpan<char>(in c), TextSpan.FromLength(stream.Start(s), stream.Length(s)));
            last = stream.End(s);
            k2++;
        }
        prevRawEnd = last;
    }

    /// <summary>The raw span between two mapped characters; empty at <paramref name="to"/> when they are out of order.</summary>
    private static TextSpan Gap(int from, int to)
    {
        if (from < 0) from = to;
        return from <= to ? new TextSpan(from, to) : new TextSpan(to, to);
    }

    private static int FindAnchor(BodyTextStream stream, string p, int pos)
    {
        Span<char> needle = stackalloc char[AnchorLength];
        int n = NonSpace(p, 0, needle);
        if (n == 0) return pos;
        var chars = stream.Chars;
        pos = Math.Min(pos, chars.Length);
        int at = chars[pos..].IndexOf(needle[..n]);
        if (at >= 0) return pos + at;
        if (n > ShortAnchorLength)
        {
            at = chars[pos..].IndexOf(needle[..ShortAnchorLength]);
            if (at >= 0) return pos + at;
        }
        // Not ahead of us (a standfirst placed first, or reordered blocks): look from the start.
        at = chars.IndexOf(needle[..n]);
        if (at >= 0) return at;
        return pos;
    }

    private static int Resync(BodyTextStream stream, string p, int k, int j)
    {
        Span<char> needle = stackalloc char[ResyncLength];
        int n = NonSpace(p, k, needle);
        if (n == 0) return -1;
        var chars = stream.Chars;
        int window = Math.Min(chars.Length - j, ResyncWindow);
        int at = chars.Slice(j, window).IndexOf(needle[..n]);
        if (at >= 0) return j + at;
        return -1;
    }

    private static int NonSpace(string p, int from, Span<char> into)
    {
        int n = 0;
        for (int k = from; k < p.Length && n < into.Length; k++)
            if (!char.IsWhiteSpace(p[k])) into[n++] = p[k];
        return n;
    }
}
