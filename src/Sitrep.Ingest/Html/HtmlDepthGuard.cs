namespace Sitrep.Ingest.Html;

/// <summary>
/// Estimates the element nesting depth of HTML with one linear scan, before any parser sees it: tree
/// builders and extractors that recurse over the DOM would overflow the stack on pathological nesting,
/// and a stack overflow cannot be caught. Void elements and elements whose end tag HTML lets authors omit
/// are not counted, so ordinary pages stay far below the limit.
/// </summary>
public static class HtmlDepthGuard
{
    public static int MaxDepth(ReadOnlySpan<char> html, int stopAt = int.MaxValue)
    {
        int depth = 0, max = 0, i = 0;
        while (i < html.Length)
        {
            int lt = html[i..].IndexOf('<');
            if (lt < 0) break;
            i += lt;
            if (html[i..].StartsWith("<!--"))
            {
                int end = html[(i + 4)..].IndexOf("-->");
                i = end < 0 ? html.Length : i + 4 + end + 3;
                continue;
            }
            bool closing = i + 1 < html.Length && html[i + 1] == '/';
            int nameStart = i + (closing ? 2 : 1);
            int n = nameStart;
            while (n < html.Length && (char.IsAsciiLetterOrDigit(html[n]) || html[n] == '-' || html[n] == ':')) n++;
            if (n == nameStart || !char.IsAsciiLetter(html[nameStart]))
            {
                i++;
                continue;
            }
            var name = html[nameStart..n];
            int gt = html[n..].IndexOf('>');
            if (gt < 0) break;
            bool selfClosing = gt > 0 && html[n + gt - 1] == '/';
            i = n + gt + 1;
            if (IsRawText(name) && !closing)
            {
                // Skip script/style bodies: "<" inside them is not markup.
                int close = IndexOfCloseTag(html[i..], name);
                i = close < 0 ? html.Length : i + close;
                continue;
            }
            if (IsVoidOrOptional(name) || selfClosing) continue;
            if (closing)
            {
                if (depth > 0) depth--;
            }
            else if (++depth > max)
            {
                max = depth;
                if (max >= stopAt) return max;
            }
        }
        return max;
    }

    private static int IndexOfCloseTag(ReadOnlySpan<char> s, ReadOnlySpan<char> name)
    {
        int offset = 0;
        while (true)
        {
            int k = s[offset..].IndexOf("</", StringComparison.Ordinal);
            if (k < 0) return -1;
            int at = offset + k;
            if (at + 2 + name.Length <= s.Length && s.Slice(at + 2, name.Length).Equals(name, StringComparison.OrdinalIgnoreCase)) return at;
            offset = at + 2;
        }
    }

    private static bool IsRawText(ReadOnlySpan<char> name) =>
        name.Equals("script", StringComparison.OrdinalIgnoreCase) || name.Equals("style", StringComparison.OrdinalIgnoreCase) ||
        name.Equals("textarea", StringComparison.OrdinalIgnoreCase) || name.Equals("title", StringComparison.OrdinalIgnoreCase);

    private static readonly string[] VoidOrOptional =
    [
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr",
        "p", "li", "dt", "dd", "tr", "td", "th", "tbody", "thead", "tfoot", "option", "optgroup", "colgroup", "rb", "rt", "rp",
        "html", "head", "body",
    ];

    private static bool IsVoidOrOptional(ReadOnlySpan<char> name)
    {
        foreach (var v in VoidOrOptional)
            if (name.Equals(v, StringComparison.OrdinalIgnoreCase)) return true;
        return false;
    }
}
