using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Sitrep.Time.TimeMl;

/// <summary>A TIMEX3 element read from TimeML: offsets into the TEXT content (unescaped), and its attributes.</summary>
public sealed record TimeMlTimex(int Start, int End, string Text, IReadOnlyDictionary<string, string> Attributes)
{
    public string Type => Attributes.TryGetValue("type", out var v) ? v : "";
    public string Value => Attributes.TryGetValue("value", out var v) ? v : "";
    public string? Mod => Attributes.TryGetValue("mod", out var v) ? v : null;
}

/// <summary>
/// A TimeML (.tml) document read the way the reference scorer's tml.js reads it: the character data of
/// TEXT, the TIMEX3 elements inside it (the creation-time one excluded) and the DCT.
/// </summary>
public sealed partial class TimeMlDocument
{
    private TimeMlDocument(string raw, string docId, TimeMlTimex? dct, string text, IReadOnlyList<TimeMlTimex> timexes, int textStart)
    {
        Raw = raw;
        DocId = docId;
        Dct = dct;
        Text = text;
        Timexes = timexes;
        TextStart = textStart;
    }

    public string Raw { get; }
    public string DocId { get; }
    public TimeMlTimex? Dct { get; }
    public string Text { get; }
    public IReadOnlyList<TimeMlTimex> Timexes { get; }
    /// <summary>Offset in <see cref="Raw"/> just after the opening TEXT tag.</summary>
    public int TextStart { get; }

    /// <summary>The DCT's date, if its value starts with an ISO date.</summary>
    public DateOnly? DctDate =>
        Dct is { } d && d.Value.Length >= 10 && DateOnly.TryParseExact(d.Value.AsSpan(0, 10), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date : null;

    public static TimeMlDocument Load(string path) => Parse(File.ReadAllText(path, Encoding.UTF8), path);

    public static TimeMlDocument Parse(string raw, string name = "document")
    {
        var open = TextOpen().Match(raw);
        int close = raw.LastIndexOf("</TEXT>", StringComparison.Ordinal);
        if (!open.Success || close < 0 || close < open.Index + open.Length) throw new FormatException($"{name}: no <TEXT> element");
        int openEnd = open.Index + open.Length;
        var (text, spans) = ExtractSpans(raw.AsSpan(openEnd, close - openEnd).ToString(), "TIMEX3");
        var timexes = spans.Where(s => !IsCreationTime(s)).ToArray();
        TimeMlTimex? dct = null;
        var dm = DctElement().Match(raw);
        if (dm.Success) dct = ExtractSpans(dm.Groups[1].Value, "TIMEX3").Spans.FirstOrDefault();
        dct ??= spans.FirstOrDefault(IsCreationTime);
        var id = DocIdElement().Match(raw);
        return new TimeMlDocument(raw, id.Success ? id.Groups[1].Value.Trim() : "", dct, text, timexes, openEnd);
    }

    private static bool IsCreationTime(TimeMlTimex t) =>
        t.Attributes.TryGetValue("functionInDocument", out var f) && f == "CREATION_TIME";

    /// <summary>Walks an XML fragment as tml.js does: character data unescaped, spans of every <paramref name="tagName"/> element.</summary>
    internal static (string Text, List<TimeMlTimex> Spans) ExtractSpans(string fragment, string tagName)
    {
        var text = new StringBuilder(fragment.Length);
        var spans = new List<TimeMlTimex>();
        var stack = new List<(string Name, int Start, Dictionary<string, string> Attrs)>();
        int last = 0;
        foreach (Match m in Markup().Matches(fragment))
        {
            text.Append(UnescapeXml(fragment.AsSpan(last, m.Index - last).ToString()));
            last = m.Index + m.Length;
            if (m.Groups[1].Success) { text.Append(m.Groups[1].Value); continue; }
            if (!m.Groups[3].Success) continue;
            bool closing = m.Groups[2].Value == "/";
            var name = m.Groups[3].Value;
            bool selfClosing = m.Groups[5].Value == "/";
            if (closing)
            {
                for (int i = stack.Count - 1; i >= 0; i--)
                {
                    if (stack[i].Name != name) continue;
                    var el = stack[i];
                    stack.RemoveAt(i);
                    if (name == tagName)
                        spans.Add(new TimeMlTimex(el.Start, text.Length, text.ToString(el.Start, text.Length - el.Start), el.Attrs));
                    break;
                }
            }
            else if (selfClosing)
            {
                if (name == tagName) spans.Add(new TimeMlTimex(text.Length, text.Length, "", ParseAttrs(m.Groups[4].Value)));
            }
            else stack.Add((name, text.Length, ParseAttrs(m.Groups[4].Value)));
        }
        text.Append(UnescapeXml(fragment[last..]));
        // Stable sort by start then end, as Array.prototype.sort in Node.
        var sorted = spans.OrderBy(s => s.Start).ThenBy(s => s.End).ToList();
        return (text.ToString(), sorted);
    }

    private static Dictionary<string, string> ParseAttrs(string tag)
    {
        var attrs = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (Match m in Attr().Matches(tag))
            attrs[m.Groups[1].Value] = UnescapeXml(m.Groups[3].Success ? m.Groups[3].Value : m.Groups[4].Value);
        return attrs;
    }

    internal static string UnescapeXml(string s)
    {
        if (s.IndexOf('&') < 0) return s;
        return Entity().Replace(s, m =>
        {
            var e = m.Groups[1].Value;
            if (e[0] == '#')
            {
                bool hex = e.Length > 1 && (e[1] == 'x' || e[1] == 'X');
                bool ok = hex
                    ? int.TryParse(e.AsSpan(2), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var cp)
                    : int.TryParse(e.AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out cp);
                if (!ok || cp < 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return m.Value;
                return char.ConvertFromUtf32(cp);
            }
            return e switch { "amp" => "&", "lt" => "<", "gt" => ">", "quot" => "\"", "apos" => "'", _ => m.Value };
        });
    }

    internal static string EscapeXml(ReadOnlySpan<char> s)
    {
        var sb = new StringBuilder(s.Length + 8);
        foreach (var c in s)
        {
            switch (c)
            {
                case '&': sb.Append("&amp;"); break;
                case '<': sb.Append("&lt;"); break;
                case '>': sb.Append("&gt;"); break;
                default: sb.Append(c); break;
            }
        }
        return sb.ToString();
    }

    internal static string EscapeAttr(string s) => EscapeXml(s).Replace("\"", "&quot;", StringComparison.Ordinal);

    /// <summary>
    /// This document with its TEXT replaced by the original character data carrying <paramref name="timexes"/>
    /// as TIMEX3 tags (the header before TEXT kept, so the DCT stays); the form score_timex.js reads.
    /// Crossing or nested spans are dropped, keeping the earlier/longer one, as tml.js writeTml does.
    /// </summary>
    public string WriteWith(IEnumerable<Timex> timexes)
    {
        var sorted = timexes.Where(t => t.Span.End <= Text.Length).OrderBy(t => t.Span.Start).ThenByDescending(t => t.Span.End).ToList();
        var sb = new StringBuilder(Raw.Length + sorted.Count * 64);
        sb.Append(Raw, 0, TextStart);
        int pos = 0, lastEnd = -1, n = 0;
        foreach (var t in sorted)
        {
            if (t.Span.IsEmpty || t.Span.Start < lastEnd) continue;
            n++;
            sb.Append(EscapeXml(Text.AsSpan(pos, t.Span.Start - pos)));
            sb.Append("<TIMEX3 tid=\"t").Append(n.ToString(CultureInfo.InvariantCulture)).Append("\" type=\"").Append(t.Type.ToTimeMl())
              .Append("\" value=\"").Append(EscapeAttr(t.Value)).Append('"');
            if (t.Mod is not null) sb.Append(" mod=\"").Append(EscapeAttr(t.Mod)).Append('"');
            if (t.Quant is not null) sb.Append(" quant=\"").Append(EscapeAttr(t.Quant)).Append('"');
            if (t.Freq is not null) sb.Append(" freq=\"").Append(EscapeAttr(t.Freq)).Append('"');
            sb.Append('>').Append(EscapeXml(Text.AsSpan(t.Span.Start, t.Span.Length))).Append("</TIMEX3>");
            pos = t.Span.End;
            lastEnd = t.Span.End;
        }
        sb.Append(EscapeXml(Text.AsSpan(pos)));
        sb.Append("</TEXT>\n\n</TimeML>\n");
        return sb.ToString();
    }

    [GeneratedRegex(@"<TEXT\b[^>]*>", RegexOptions.CultureInvariant)]
    private static partial Regex TextOpen();
    [GeneratedRegex(@"<DCT\b[^>]*>([\s\S]*?)</DCT>", RegexOptions.CultureInvariant)]
    private static partial Regex DctElement();
    [GeneratedRegex(@"<DOCID>([\s\S]*?)</DOCID>", RegexOptions.CultureInvariant)]
    private static partial Regex DocIdElement();
    [GeneratedRegex(@"<!--[\s\S]*?-->|<!\[CDATA\[([\s\S]*?)\]\]>|<\?[\s\S]*?\?>|<(/?)([A-Za-z_][A-Za-z0-9_:.-]*)([^>]*?)(/?)>", RegexOptions.CultureInvariant)]
    private static partial Regex Markup();
    [GeneratedRegex(@"([A-Za-z_:][A-Za-z0-9_:.-]*)\s*=\s*(""([^""]*)""|'([^']*)')", RegexOptions.CultureInvariant)]
    private static partial Regex Attr();
    [GeneratedRegex(@"&(#x[0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);", RegexOptions.CultureInvariant)]
    private static partial Regex Entity();
}
