using System.Text.Json;
using AngleSharp.Html.Dom;

namespace Sitrep.Ingest.Html;

/// <summary>What the page says about its own article: headline variants, description, JSON-LD articleBody.</summary>
internal sealed record PageMeta(IReadOnlyList<string> Titles, IReadOnlyList<string> Descriptions, string? ArticleBody, IReadOnlyList<string> Authors)
{
    public static PageMeta Read(IHtmlDocument doc)
    {
        var titles = new List<string>();
        var descriptions = new List<string>();
        var authors = new List<string>();
        foreach (var m in doc.QuerySelectorAll("meta"))
        {
            var key = m.GetAttribute("property") ?? m.GetAttribute("name");
            var content = m.GetAttribute("content");
            if (key is null || string.IsNullOrWhiteSpace(content)) continue;
            if (key.Equals("og:title", StringComparison.OrdinalIgnoreCase) || key.Equals("twitter:title", StringComparison.OrdinalIgnoreCase))
                AddDistinct(titles, content);
            else if (key.Equals("description", StringComparison.OrdinalIgnoreCase) || key.Equals("og:description", StringComparison.OrdinalIgnoreCase)
                     || key.Equals("twitter:description", StringComparison.OrdinalIgnoreCase))
                AddDistinct(descriptions, content);
            else if (key.Equals("author", StringComparison.OrdinalIgnoreCase) && !content.Contains("://", StringComparison.Ordinal))
                AddDistinct(authors, content);
        }
        if (!string.IsNullOrWhiteSpace(doc.Title)) AddDistinct(titles, doc.Title);
        foreach (var h1 in doc.QuerySelectorAll("h1").Take(3)) AddDistinct(titles, h1.TextContent);

        string? body = null;
        foreach (var s in doc.QuerySelectorAll("script"))
        {
            var type = s.GetAttribute("type");
            if (type is null || !type.Contains("ld+json", StringComparison.OrdinalIgnoreCase)) continue;
            var found = ReadJsonLd(s.TextContent, authors);
            if (found is not null && (body is null || found.Length > body.Length)) body = found;
        }
        return new PageMeta(titles, descriptions, body, authors);
    }

    private static void AddAuthors(JsonElement value, List<string> authors)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.String:
                AddDistinct(authors, value.GetString() ?? "");
                break;
            case JsonValueKind.Object:
                if (value.TryGetProperty("name", out var name) && name.ValueKind == JsonValueKind.String) AddDistinct(authors, name.GetString() ?? "");
                break;
            case JsonValueKind.Array:
                foreach (var item in value.EnumerateArray())
                    if (item.ValueKind != JsonValueKind.Array) AddAuthors(item, authors);
                break;
        }
    }

    private static void AddDistinct(List<string> list, string value)
    {
        value = value.Trim();
        if (value.Length > 0 && !list.Contains(value, StringComparer.Ordinal)) list.Add(value);
    }

    /// <summary>The longest articleBody string anywhere in a JSON-LD block (top level, arrays, @graph); null if none or malformed.</summary>
    internal static string? FindArticleBody(string json) => ReadJsonLd(json, null);

    /// <summary>The longest articleBody in a JSON-LD block; author names are added to <paramref name="authors"/>.</summary>
    private static string? ReadJsonLd(string json, List<string>? authors)
    {
        try
        {
            using var d = JsonDocument.Parse(json, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip, MaxDepth = 64 });
            string? best = null;
            var stack = new Stack<JsonElement>();
            stack.Push(d.RootElement);
            while (stack.Count > 0)
            {
                var e = stack.Pop();
                if (e.ValueKind == JsonValueKind.Object)
                {
                    foreach (var prop in e.EnumerateObject())
                    {
                        if (prop.NameEquals("articleBody") && prop.Value.ValueKind == JsonValueKind.String)
                        {
                            var v = prop.Value.GetString();
                            if (v is not null && (best is null || v.Length > best.Length)) best = v;
                        }
                        else if (prop.NameEquals("author") && authors is not null) AddAuthors(prop.Value, authors);
                        // Live-blog updates carry their own articleBody each; none of them is the article's.
                        else if (prop.NameEquals("liveBlogUpdate")) continue;
                        else if (prop.Value.ValueKind is JsonValueKind.Object or JsonValueKind.Array) stack.Push(prop.Value);
                    }
                }
                else if (e.ValueKind == JsonValueKind.Array)
                {
                    foreach (var item in e.EnumerateArray()) stack.Push(item);
                }
            }
            return best;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
