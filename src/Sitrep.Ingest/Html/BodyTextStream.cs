using System.Buffers;
using AngleSharp.Html;

namespace Sitrep.Ingest.Html;

/// <summary>
/// The visible non-whitespace characters of raw HTML in document order, each with the raw span it came from
/// (one character, or a whole character reference). Tags, comments, scripts and styles are skipped. Built by one
/// linear scan without a parser so that extracted text can be aligned back to raw positions.
/// Arrays are rented; call <see cref="Dispose"/>.
/// </summary>
internal sealed class BodyTextStream : IDisposable
{
    /// <summary>Set on a character preceded by a tag since the previous visible character.</summary>
    public const byte TagBefore = 1;
    /// <summary>Set on a character preceded by whitespace since the previous visible character.</summary>
    public const byte SpaceBefore = 2;

    private char[] _chars;
    private int[] _start;
    private byte[] _length; // an entity is at most ~40 raw chars
    private byte[] _flags;

    public int Count { get; private set; }
    public ReadOnlySpan<char> Chars => _chars.AsSpan(0, Count);
    public int Start(int i) => _start[i];
    public int Length(int i) => _length[i];
    public int End(int i) => _start[i] + _length[i];
    public byte Flags(int i) => _flags[i];

    public BodyTextStream(string html)
    {
        int cap = Math.Max(16, html.Length);
        _chars = ArrayPool<char>.Shared.Rent(cap);
        _start = ArrayPool<int>.Shared.Rent(cap);
        _length = ArrayPool<byte>.Shared.Rent(cap);
        _flags = ArrayPool<byte>.Shared.Rent(cap);
        Scan(html);
    }

    private void Scan(string html)
    {
        int n = html.Length;
        byte pending = 0;
        int i = 0;
        while (i < n)
        {
            char c = html[i];
            if (c == '<' && i + 1 < n)
            {
                char d = html[i + 1];
                if (d == '!' && string.CompareOrdinal(html, i, "<!--", 0, 4) == 0)
                {
                    int e = html.IndexOf("-->", i + 4, StringComparison.Ordinal);
                    i = e < 0 ? n : e + 3;
                    pending |= TagBefore;
                    continue;
                }
                if (d is '!' or '?')
                {
                    int e = html.IndexOf('>', i + 2);
                    i = e < 0 ? n : e + 1;
                    pending |= TagBefore;
                    continue;
                }
                bool closing = d == '/';
                int nameStart = closing ? i + 2 : i + 1;
                if (nameStart < n && char.IsAsciiLetter(html[nameStart]))
                {
                    int nameEnd = nameStart;
                    while (nameEnd < n && (char.IsAsciiLetterOrDigit(html[nameEnd]) || html[nameEnd] == '-')) nameEnd++;
                    int tagEnd = SkipTag(html, nameEnd);
                    pending |= TagBefore;
                    if (!closing && IsRawTextElement(html.AsSpan(nameStart, nameEnd - nameStart), out var endTag))
                    {
                        // Script-like content is not visible text: jump to the matching end tag.
                        int e = html.IndexOf(endTag, tagEnd, StringComparison.OrdinalIgnoreCase);
                        i = e < 0 ? n : SkipTag(html, e + endTag.Length);
                    }
                    else
                    {
                        i = tagEnd;
                    }
                    continue;
                }
            }
            if (char.IsWhiteSpace(c))
            {
                pending |= SpaceBefore;
                i++;
                continue;
            }
            if (c == '&' && TryDecodeEntity(html, i, out int entLen, out char c1, out char c2))
            {
                Emit(c1, i, entLen, pending);
                pending = 0;
                if (c2 != '\0') Emit(c2, i, entLen, 0);
                i += entLen;
                continue;
            }
            Emit(c, i, 1, pending);
            pending = 0;
            i++;
        }
    }

    private void Emit(char c, int start, int length, byte flags)
    {
        // A decoded entity can be whitespace (&nbsp;): keep the stream free of it, as clean text collapses it.
        if (char.IsWhiteSpace(c)) return;
        int k = Count;
        if (k == _chars.Length) return; // cannot happen: one visible char per raw char at most, two per entity of length >= 4
        _chars[k] = c;
        _start[k] = start;
        _length[k] = (byte)length;
        _flags[k] = flags;
        Count = k + 1;
    }

    /// <summary>Index just past the '>' closing a tag whose name ends at <paramref name="i"/>; quoted attribute values may hold '>'.</summary>
    private static int SkipTag(string html, int i)
    {
        int n = html.Length;
        char quote = '\0';
        bool afterEquals = false;
        while (i < n)
        {
            char c = html[i];
            if (quote != '\0')
            {
                if (c == quote) quote = '\0';
            }
            else if (c == '>') return i + 1;
            else if ((c == '"' || c == '\'') && afterEquals) quote = c;
            if (!char.IsWhiteSpace(c)) afterEquals = c == '=';
            i++;
        }
        return n;
    }

    private static bool IsRawTextElement(ReadOnlySpan<char> name, out string endTag)
    {
        endTag = "";
        if (name.Equals("script", StringComparison.OrdinalIgnoreCase)) endTag = "</script";
        else if (name.Equals("style", StringComparison.OrdinalIgnoreCase)) endTag = "</style";
        else if (name.Equals("textarea", StringComparison.OrdinalIgnoreCase)) endTag = "</textarea";
        else if (name.Equals("title", StringComparison.OrdinalIgnoreCase)) endTag = "</title";
        else if (name.Equals("template", StringComparison.OrdinalIgnoreCase)) endTag = "</template";
        else if (name.Equals("iframe", StringComparison.OrdinalIgnoreCase)) endTag = "</iframe";
        else if (name.Equals("xmp", StringComparison.OrdinalIgnoreCase)) endTag = "</xmp";
        return endTag.Length > 0;
    }

    /// <summary>Decodes a character reference at <paramref name="i"/> (which holds '&amp;'); up to two UTF-16 units.</summary>
    internal static bool TryDecodeEntity(string html, int i, out int length, out char c1, out char c2)
    {
        length = 0; c1 = c2 = '\0';
        int n = html.Length;
        int j = i + 1;
        if (j >= n) return false;
        if (html[j] == '#')
        {
            j++;
            bool hex = j < n && (html[j] == 'x' || html[j] == 'X');
            if (hex) j++;
            int digitsStart = j;
            long value = 0;
            while (j < n && (hex ? char.IsAsciiHexDigit(html[j]) : char.IsAsciiDigit(html[j])) && j - digitsStart < 8)
            {
                value = value * (hex ? 16 : 10) + HexValue(html[j]);
                j++;
            }
            if (j == digitsStart) return false;
            if (j < n && html[j] == ';') j++;
            int cp = value is > 0 and <= 0x10FFFF && value is not (>= 0xD800 and <= 0xDFFF) ? (int)value : 0xFFFD;
            // Windows-1252 remapping of C1 controls, as browsers do.
            if (cp is >= 0x80 and <= 0x9F) cp = Windows1252(cp);
            if (cp < 0x10000) c1 = (char)cp;
            else
            {
                var s = char.ConvertFromUtf32(cp);
                c1 = s[0]; c2 = s[1];
            }
            length = j - i;
            return true;
        }
        int nameStart = j;
        while (j < n && char.IsAsciiLetterOrDigit(html[j]) && j - nameStart < 32) j++;
        if (j == nameStart || j >= n || html[j] != ';') return false;
        var symbol = HtmlEntityProvider.Resolver.GetSymbol(html.Substring(nameStart, j - nameStart));
        if (string.IsNullOrEmpty(symbol) || symbol.Length > 2) return false;
        c1 = symbol[0];
        c2 = symbol.Length > 1 ? symbol[1] : '\0';
        length = j + 1 - i;
        return true;
    }

    private static int HexValue(char c) => c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;

    private static int Windows1252(int cp) => cp switch
    {
        0x80 => 0x20AC, 0x82 => 0x201A, 0x83 => 0x0192, 0x84 => 0x201E, 0x85 => 0x2026, 0x86 => 0x2020, 0x87 => 0x2021,
        0x88 => 0x02C6, 0x89 => 0x2030, 0x8A => 0x0160, 0x8B => 0x2039, 0x8C => 0x0152, 0x8E => 0x017D, 0x91 => 0x2018,
        0x92 => 0x2019, 0x93 => 0x201C, 0x94 => 0x201D, 0x95 => 0x2022, 0x96 => 0x2013, 0x97 => 0x2014, 0x98 => 0x02DC,
        0x99 => 0x2122, 0x9A => 0x0161, 0x9B => 0x203A, 0x9C => 0x0153, 0x9E => 0x017E, 0x9F => 0x0178,
        _ => cp,
    };

    public void Dispose()
    {
        ArrayPool<char>.Shared.Return(_chars);
        ArrayPool<int>.Shared.Return(_start);
        ArrayPool<byte>.Shared.Return(_length);
        ArrayPool<byte>.Shared.Return(_flags);
        _chars = [];
        _start = [];
        _length = [];
        _flags = [];
        Count = 0;
    }
}
