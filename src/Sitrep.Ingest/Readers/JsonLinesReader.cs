using System.Globalization;
using System.Text;
using System.Text.Json;
using Sitrep.Core;
using Sitrep.Ingest.Input;

namespace Sitrep.Ingest.Readers;

/// <summary>
/// JSON Lines: one article object per line. Field names come from <see cref="ReaderOptions.JsonFields"/> (the first
/// present, non-empty one wins; dotted names like <c>meta.url</c> walk nested objects). The article body goes to the
/// text reader (a text field) or the HTML reader (an HTML field); the other fields become known metadata.
/// A bad line is an error outcome for that line only; blank lines are ignored.
/// </summary>
public sealed class JsonLinesReader : IDocumentReader
{
    private readonly IDocumentReader _textReader;
    private readonly IDocumentReader _htmlReader;
    private readonly bool _preferHtml;

    /// <param name="preferHtml">When a line has both, read the HTML field (richer metadata) instead of the text field (the producer's own extraction).</param>
    public JsonLinesReader(IDocumentReader textReader, IDocumentReader htmlReader, bool preferHtml = false)
    {
        _textReader = textReader;
        _htmlReader = htmlReader;
        _preferHtml = preferHtml;
    }

    public string Name => "jsonl";

    public IEnumerable<ReadOutcome> Read(InputSource source, ReaderOptions options, CancellationToken cancellationToken = default)
    {
        DecodedText decoded;
        try
        {
            decoded = TextDecoder.Decode(source.Bytes, source.DeclaredCharset ?? "utf-8", sniffHtmlMeta: false);
        }
        catch (SitrepException e)
        {
            return [ReadOutcome.Failed(source.Origin, e, InputHash.Sha256(source.Bytes))];
        }
        return ReadLines(source, decoded, options, cancellationToken);
    }

    private IEnumerable<ReadOutcome> ReadLines(InputSource source, DecodedText decoded, ReaderOptions options, CancellationToken cancellationToken)
    {
        var text = decoded.Text;
        int lineNo = 0, pos = 0;
        while (pos <= text.Length)
        {
            cancellationToken.ThrowIfCancellationRequested();
            int nl = text.IndexOf('\n', pos);
            int end = nl < 0 ? text.Length : nl;
            var line = text.AsSpan(pos, end - pos).TrimEnd('\r');
            pos = end + 1;
            lineNo++;
            if (line.IsWhiteSpace())
            {
                if (nl < 0) break;
                continue;
            }
            var origin = $"{source.Origin}#L{lineNo.ToString(CultureInfo.InvariantCulture)}";
            var (item, reader, error) = ParseLine(line.ToString(), origin, lineNo, source, options);
            if (error is not null)
            {
                yield return error;
            }
            else
            {
                foreach (var outcome in ContainerItems.ReadItem(reader!, item!, options, decoded.Warnings, cancellationToken))
                    yield return outcome;
            }
            if (nl < 0) break;
        }
    }

    private (InputSource? Item, IDocumentReader? Reader, ReadOutcome? Error) ParseLine(string line, string origin, int lineNo, InputSource source, ReaderOptions options)
    {
        var lineBytes = Encoding.UTF8.GetBytes(line);
        ReadOutcome Fail(string message) => ContainerItems.Error(origin, ErrorCodes.ParseFailed, $"{source.Origin} line {lineNo.ToString(CultureInfo.InvariantCulture)}: {message}", lineBytes);
        if (lineBytes.LongLength > options.MaxBytes)
            return (null, null, ContainerItems.Error(origin, ErrorCodes.TooLarge,
                $"{source.Origin} line {lineNo.ToString(CultureInfo.InvariantCulture)} is {lineBytes.Length.ToString("N0", CultureInfo.InvariantCulture)} bytes, over the limit of {options.MaxBytes.ToString("N0", CultureInfo.InvariantCulture)} (ReaderOptions.MaxBytes).", lineBytes));
        JsonDocument json;
        try
        {
            json = JsonDocument.Parse(line, new JsonDocumentOptions { MaxDepth = 64, AllowTrailingCommas = true });
        }
        catch (JsonException e)
        {
            return (null, null, Fail($"invalid JSON ({e.Message})"));
        }
        using (json)
        {
            var root = json.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
                return (null, null, Fail($"expected a JSON object, found {root.ValueKind.ToString().ToLowerInvariant()}"));
            var f = options.JsonFields;
            // an article is a string: {"text": 5} is a record of something else, not an article whose text is "5"
            var body = FirstString(root, f.Text, numbers: false).Value;
            var html = FirstString(root, f.Html, numbers: false).Value;
            bool useHtml = html is not null && (body is null || _preferHtml);
            if (body is null && html is null)
                return (null, null, Fail($"no article text: none of the text fields ({string.Join(", ", f.Text)}) or HTML fields ({string.Join(", ", f.Html)}) is a non-empty string"));

            var url = FirstString(root, f.Url).Value;
            var (pubField, published) = FirstDate(root, f.Published);
            var (modField, modified) = FirstDate(root, f.Modified);
            var metadata = new DocumentMetadata
            {
                Url = url,
                Title = FirstString(root, f.Title).Value,
                Author = FirstAuthor(root, f.Author),
                Site = FirstString(root, f.Site).Value,
                DeclaredLanguage = FirstString(root, f.Language).Value,
                Published = published,
                PublishedSource = published is null ? null : new MetadataSource("jsonl", pubField),
                Modified = modified,
                ModifiedSource = modified is null ? null : new MetadataSource("jsonl", modField),
                SourceFormat = SourceFormat.Jsonl,
                Reader = Name,
                Origin = origin,
            };
            var content = useHtml ? html! : body!;
            var item = new InputSource
            {
                Origin = origin,
                Bytes = Encoding.UTF8.GetBytes(content),
                Url = url,
                FileName = ContainerItems.FileNameOfUrl(url),
                ContentType = useHtml ? "text/html" : "text/plain",
                DeclaredCharset = "utf-8",
                KnownMetadata = metadata,
                FetchedAt = source.FetchedAt,
            };
            return (item, useHtml ? _htmlReader : _textReader, null);
        }
    }

    /// <summary>The first of <paramref name="names"/> present in <paramref name="root"/>; a literal key wins over a dotted path.</summary>
    public static JsonElement? Find(JsonElement root, string name)
    {
        if (root.TryGetProperty(name, out var direct)) return direct;
        if (!name.Contains('.', StringComparison.Ordinal)) return null;
        var current = root;
        foreach (var part in name.Split('.'))
        {
            if (current.ValueKind != JsonValueKind.Object || !current.TryGetProperty(part, out var next)) return null;
            current = next;
        }
        return current;
    }

    private static (string? Field, string? Value) FirstString(JsonElement root, IReadOnlyList<string> names, bool numbers = true)
    {
        foreach (var name in names)
        {
            if (Find(root, name) is not { } v) continue;
            var s = v.ValueKind switch
            {
                JsonValueKind.String => v.GetString(),
                JsonValueKind.Number when numbers => v.GetRawText(),
                _ => null,
            };
            if (!string.IsNullOrWhiteSpace(s)) return (name, s.Trim());
        }
        return (null, null);
    }

    private static (string? Field, DocumentDate? Value) FirstDate(JsonElement root, IReadOnlyList<string> names)
    {
        foreach (var name in names)
        {
            if (Find(root, name) is not { } v) continue;
            DocumentDate date = default;
            bool ok = v.ValueKind switch
            {
                JsonValueKind.Number => v.TryGetDouble(out var d) && ContainerDates.TryFromUnix(d, out date),
                JsonValueKind.String => ContainerDates.TryParse(v.GetString(), out date),
                _ => false,
            };
            if (ok) return (name, date);
        }
        return (null, null);
    }

    // Authors appear as a string, an array of strings, or objects with a "name".
    private static string? FirstAuthor(JsonElement root, IReadOnlyList<string> names)
    {
        foreach (var name in names)
        {
            if (Find(root, name) is not { } v) continue;
            var parts = new List<string>();
            void Add(JsonElement e)
            {
                if (e.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(e.GetString())) parts.Add(e.GetString()!.Trim());
                else if (e.ValueKind == JsonValueKind.Object && e.TryGetProperty("name", out var n) && n.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(n.GetString()))
                    parts.Add(n.GetString()!.Trim());
            }
            if (v.ValueKind == JsonValueKind.Array) foreach (var e in v.EnumerateArray()) Add(e);
            else Add(v);
            if (parts.Count > 0) return string.Join(", ", parts);
        }
        return null;
    }
}
