using System.Text.Json;

namespace Sitrep.Ingest.Html;

/// <summary>What the JSON-LD blocks of a page say about the page itself (not about comments or images in it).</summary>
internal sealed class MetadataJsonLd
{
    public List<JsonLdNode> Nodes { get; } = [];

    /// <summary>One schema.org object with the fields the extractor reads, already flattened to strings.</summary>
    internal sealed record JsonLdNode(
        IReadOnlyList<string> Types, int Depth, string? DatePublished, string? DateCreated, string? DateModified, string? UploadDate,
        string? Headline, IReadOnlyList<string> Authors, string? PublisherName, string? Url, string? InLanguage)
    {
        /// <summary>News and blog articles and their kin: the types whose dates are the article's dates.</summary>
        public bool IsArticle => Types.Any(t =>
            t.EndsWith("Article", StringComparison.Ordinal) || t.EndsWith("Posting", StringComparison.Ordinal)
            || t is "Report" or "PressRelease" or "Review" or "Recipe" or "Blog" or "CreativeWork" or "Event" or "VideoObject" or "Episode" or "PodcastEpisode");

        public bool IsPage => Types.Any(t => t.EndsWith("Page", StringComparison.Ordinal));

        public bool IsOrganizationOrSite => Types.Any(t => t is "Organization" or "NewsMediaOrganization" or "WebSite" or "Corporation" or "Person" or "LocalBusiness" or "BreadcrumbList" or "ImageObject" or "SiteNavigationElement");
    }

    private static readonly JsonDocumentOptions Options = new()
    {
        AllowTrailingCommas = true,
        CommentHandling = JsonCommentHandling.Skip,
        MaxDepth = 128,
    };

    public static MetadataJsonLd Parse(IEnumerable<string> scripts)
    {
        var result = new MetadataJsonLd();
        foreach (var raw in scripts)
        {
            var text = Clean(raw);
            if (text.Length == 0) continue;
            JsonDocument? doc = TryParse(text);
            if (doc is null) continue;
            using (doc) result.Walk(doc.RootElement, 0);
        }
        return result;
    }

    private static JsonDocument? TryParse(string text)
    {
        try
        {
            return JsonDocument.Parse(text, Options);
        }
        catch (JsonException)
        {
            // Raw line breaks and tabs inside strings are the most common defect; outside strings they are plain whitespace.
            var fixedText = text.Replace('\r', ' ').Replace('\n', ' ').Replace('\t', ' ');
            try
            {
                return JsonDocument.Parse(fixedText, Options);
            }
            catch (JsonException)
            {
                return null;
            }
        }
    }

    private static string Clean(string raw)
    {
        var s = raw.Trim();
        if (s.StartsWith("<!--", StringComparison.Ordinal)) s = s[4..];
        if (s.EndsWith("-->", StringComparison.Ordinal)) s = s[..^3];
        if (s.StartsWith("//<![CDATA[", StringComparison.Ordinal)) s = s[11..];
        else if (s.StartsWith("<![CDATA[", StringComparison.Ordinal)) s = s[9..];
        if (s.EndsWith("//]]>", StringComparison.Ordinal)) s = s[..^5];
        else if (s.EndsWith("]]>", StringComparison.Ordinal)) s = s[..^3];
        return s.Trim().TrimEnd(';');
    }

    // Visits top-level objects, @graph members and mainEntity; nested objects such as comments, images or
    // offers have dates that are not the page's, so they are not descended into.
    private void Walk(JsonElement e, int depth)
    {
        if (depth > 6) return;
        switch (e.ValueKind)
        {
            case JsonValueKind.Array:
                foreach (var item in e.EnumerateArray()) Walk(item, depth);
                break;
            case JsonValueKind.Object:
                if (e.TryGetProperty("@graph", out var graph)) Walk(graph, depth + 1);
                AddNode(e, depth);
                foreach (var key in (ReadOnlySpan<string>)["mainEntity", "mainEntityOfPage"])
                {
                    if (e.TryGetProperty(key, out var main) && main.ValueKind is JsonValueKind.Object or JsonValueKind.Array)
                        Walk(main, depth + 1);
                }
                break;
        }
    }

    private void AddNode(JsonElement e, int depth)
    {
        var types = new List<string>();
        if (e.TryGetProperty("@type", out var t))
        {
            if (t.ValueKind == JsonValueKind.String) types.Add(StripSchema(t.GetString()!));
            else if (t.ValueKind == JsonValueKind.Array)
                foreach (var x in t.EnumerateArray())
                    if (x.ValueKind == JsonValueKind.String) types.Add(StripSchema(x.GetString()!));
        }
        var node = new JsonLdNode(types, depth,
            Str(e, "datePublished"), Str(e, "dateCreated"), Str(e, "dateModified"), Str(e, "uploadDate"),
            Str(e, "headline") ?? (types.Any(x => x.EndsWith("Article", StringComparison.Ordinal)) ? Str(e, "name") : null),
            Names(e, "author").Concat(Names(e, "creator")).Distinct(StringComparer.Ordinal).ToList(),
            FirstName(e, "publisher"), Str(e, "url"), Str(e, "inLanguage"));
        if (node.DatePublished is not null || node.DateCreated is not null || node.DateModified is not null || node.UploadDate is not null
            || node.Headline is not null || node.Authors.Count > 0 || node.PublisherName is not null)
            Nodes.Add(node);
    }

    private static string StripSchema(string type)
    {
        int slash = type.LastIndexOf('/');
        if (slash >= 0) type = type[(slash + 1)..];
        int colon = type.LastIndexOf(':');
        return colon >= 0 ? type[(colon + 1)..] : type;
    }

    private static string? Str(JsonElement e, string name)
    {
        if (!e.TryGetProperty(name, out var v)) return null;
        return Flatten(v);
    }

    private static string? Flatten(JsonElement v) => v.ValueKind switch
    {
        JsonValueKind.String => NullIfEmpty(v.GetString()),
        JsonValueKind.Number => v.GetRawText(),
        JsonValueKind.Array => v.EnumerateArray().Select(Flatten).FirstOrDefault(x => x is not null),
        JsonValueKind.Object => v.TryGetProperty("@value", out var val) ? Flatten(val) : null,
        _ => null,
    };

    private static string? NullIfEmpty(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    private static IEnumerable<string> Names(JsonElement e, string name)
    {
        if (!e.TryGetProperty(name, out var v)) yield break;
        foreach (var n in NamesOf(v)) yield return n;
    }

    private static IEnumerable<string> NamesOf(JsonElement v)
    {
        switch (v.ValueKind)
        {
            case JsonValueKind.String:
                if (NullIfEmpty(v.GetString()) is { } s) yield return s;
                break;
            case JsonValueKind.Array:
                foreach (var x in v.EnumerateArray())
                    foreach (var n in NamesOf(x)) yield return n;
                break;
            case JsonValueKind.Object:
                if (v.TryGetProperty("name", out var name))
                    foreach (var n in NamesOf(name)) yield return n;
                break;
        }
    }

    private static string? FirstName(JsonElement e, string name) => Names(e, name).FirstOrDefault();
}
