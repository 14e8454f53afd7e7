using System.Text;
using AngleSharp.Dom;

namespace Sitrep.Ingest.Html;

/// <summary>One paragraph of candidate body text, with what the filters need to judge it.</summary>
internal sealed record BodyParagraph(string Text, int LinkChars, string Block, bool InList)
{
    public double LinkDensity => Text.Length == 0 ? 0 : (double)LinkChars / Text.Length;
}

/// <summary>
/// Turns a DOM subtree into paragraphs: block elements and line breaks end a paragraph, whitespace inside one is
/// collapsed. Non-content elements (media, forms, navigation, captions, hidden or boilerplate-classed elements)
/// are skipped. Iterative, so deep nesting cannot overflow the stack.
/// </summary>
internal static class BodyBlocks
{
    private static readonly HashSet<string> BlockTags = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt", "dd", "blockquote", "section", "article",
        "main", "table", "thead", "tbody", "tfoot", "tr", "td", "th", "caption", "pre", "hr", "br", "address", "details", "summary",
        "center", "fieldset", "legend", "hgroup", "body",
    };

    private static readonly HashSet<string> SkipTags = new(StringComparer.OrdinalIgnoreCase)
    {
        "script", "style", "noscript", "template", "svg", "math", "iframe", "object", "embed", "video", "audio", "canvas",
        "button", "select", "option", "textarea", "input", "form", "nav", "aside", "figure", "figcaption", "footer", "header",
        "picture", "img", "label", "dialog", "menu", "head", "title", "time", "table",
    };

    /// <summary>Segments of class/id names that mark page furniture rather than article text.</summary>
    private static readonly HashSet<string> BoilerplateNameParts = new(StringComparer.OrdinalIgnoreCase)
    {
        "share", "sharing", "social", "newsletter", "related", "promo", "advert", "advertisement", "ad", "ads", "adslot",
        "caption", "credit", "credits", "byline", "bylines", "author", "authors", "timestamp", "breadcrumb", "breadcrumbs",
        "tags", "comments", "recirc", "subscribe", "subscription", "signup", "sponsored", "outbrain", "taboola",
        "sronly", "visuallyhidden", "screenreader", "toolbar", "disclaimer", "readmore", "recommended",
        "popular", "trending", "inlinead", "embed", "gallery", "video", "podcast", "tweet", "twitter", "instagram", "tiktok",
    };

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> BoilerplatePartLookup =
        BoilerplateNameParts.GetAlternateLookup<ReadOnlySpan<char>>();

    public static List<BodyParagraph> Collect(INode root, string? skipEqualTo = null)
    {
        var result = new List<BodyParagraph>();
        var sb = new StringBuilder();
        int rootLength = -1;
        int linkChars = 0;
        int linkDepth = 0;
        int listDepth = 0;
        string block = "div";
        bool pendingSpace = false;

        void Flush()
        {
            // Trailing whitespace was never appended: spaces are only written before a following character.
            if (sb.Length > 0)
            {
                var text = sb.ToString();
                if (skipEqualTo is null || !string.Equals(text, skipEqualTo, StringComparison.Ordinal))
                    result.Add(new BodyParagraph(text, linkChars, block, listDepth > 0));
            }
            sb.Clear();
            linkChars = 0;
            pendingSpace = false;
        }

        // (node, exit): exit entries close an element after its children.
        var stack = new Stack<(INode Node, bool Exit)>();
        stack.Push((root, false));
        while (stack.Count > 0)
        {
            var (node, exit) = stack.Pop();
            if (node is IElement el)
            {
                var name = el.LocalName;
                if (exit)
                {
                    if (name == "a") linkDepth--;
                    if (name is "ul" or "ol") listDepth--;
                    if (BlockTags.Contains(name)) Flush();
                    continue;
                }
                if (node != root && IsSkipped(el, name))
                    continue;
                // A furniture-like class name on a container holding much of the text is layout, not furniture.
                if (node != root && HasBoilerplateName(el))
                {
                    if (rootLength < 0) rootLength = CountParagraphs(root);
                    int own = CountParagraphs(el);
                    if (own < 3 || own * 2 < rootLength) continue;
                }
                if (BlockTags.Contains(name))
                {
                    Flush();
                    block = name;
                }
                if (name == "a") linkDepth++;
                if (name is "ul" or "ol") listDepth++;
                stack.Push((node, true));
                for (var child = node.LastChild; child is not null; child = child.PreviousSibling)
                    stack.Push((child, false));
            }
            else if (node is IText t)
            {
                var data = t.Data;
                foreach (char c in data)
                {
                    if (char.IsWhiteSpace(c)) { pendingSpace = sb.Length > 0; continue; }
                    if (pendingSpace) { sb.Append(' '); if (linkDepth > 0) linkChars++; pendingSpace = false; }
                    sb.Append(c);
                    if (linkDepth > 0) linkChars++;
                }
            }
            else if (node is IDocument or IDocumentFragment)
            {
                for (var child = node.LastChild; child is not null; child = child.PreviousSibling)
                    stack.Push((child, false));
            }
        }
        Flush();
        return result;
    }

    public static string CollapseWhitespace(string s)
    {
        var sb = new StringBuilder(s.Length);
        bool space = false;
        foreach (char c in s)
        {
            if (char.IsWhiteSpace(c)) { space = sb.Length > 0; continue; }
            if (space) sb.Append(' ');
            space = false;
            sb.Append(c);
        }
        return sb.ToString();
    }

    internal static bool IsSkipped(IElement el, string name)
    {
        if (SkipTags.Contains(name)) return true;
        if (el.HasAttribute("hidden")) return true;
        if (string.Equals(el.GetAttribute("aria-hidden"), "true", StringComparison.OrdinalIgnoreCase)) return true;
        var style = el.GetAttribute("style");
        if (style is not null && IsHiddenStyle(style)) return true;
        return false;
    }

    private static int CountParagraphs(INode node) => node is IParentNode pn ? pn.QuerySelectorAll("p").Length : 0;

    internal static bool HasBoilerplateName(IElement el) => HasBoilerplateName(el.GetAttribute("class")) || HasBoilerplateName(el.Id);

    private static bool IsHiddenStyle(string style)
    {
        var s = style.Replace(" ", "", StringComparison.Ordinal);
        return s.Contains("display:none", StringComparison.OrdinalIgnoreCase) || s.Contains("visibility:hidden", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>True when a class token (split on '-', '_' and camel case) has a boilerplate segment or is one.</summary>
    internal static bool HasBoilerplateName(string? names)
    {
        if (string.IsNullOrEmpty(names)) return false;
        Span<char> flat = stackalloc char[40];
        foreach (var token in names.Split([' ', '\t', '\n'], StringSplitOptions.RemoveEmptyEntries))
        {
            if (token.Length <= 40)
            {
                int m = 0;
                foreach (char c in token) if (c is not '-' and not '_') flat[m++] = c;
                if (BoilerplatePartLookup.Contains(flat[..m])) return true;
            }
            int start = 0;
            for (int i = 1; i <= token.Length; i++)
            {
                bool boundary = i == token.Length || token[i] is '-' or '_' || (char.IsUpper(token[i]) && char.IsLower(token[i - 1]));
                if (!boundary) continue;
                if (i > start && BoilerplatePartLookup.Contains(token.AsSpan(start, i - start))) return true;
                start = token[i < token.Length ? i : i - 1] is '-' or '_' ? i + 1 : i;
            }
        }
        return false;
    }
}
