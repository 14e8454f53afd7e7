using System.Text.Encodings.Web;
using System.Text.Json;

namespace Sitrep.Core.Records;

/// <summary>Writes one annotation layer of a document as its record-format value (an array under the layer's name).</summary>
public interface IRecordLayerWriter
{
    AnnotationLayer Layer { get; }
    void Write(Utf8JsonWriter writer, Document document);
}

/// <summary>
/// Writes a document as Sitrep's record format (shared/design/annotate-json.md): the same names in
/// <c>sitrep annotate</c>, the store and exports. Field order is fixed so the output is byte-identical run to run.
/// </summary>
public static class DocumentRecordWriter
{
    public static readonly string SitrepVersion =
        typeof(DocumentRecordWriter).Assembly.GetName().Version is { } v ? $"{v.Major}.{v.Minor}.{v.Build}" : "0.0.0";

    private static readonly JsonWriterOptions Compact = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private static readonly JsonWriterOptions Indented = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, Indented = true };

    public static string ToJson(Document document, IReadOnlyDictionary<string, string> models, bool indented = false, IReadOnlyList<IRecordLayerWriter>? layers = null)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, indented ? Indented : Compact))
            Write(w, document, models, layers ?? []);
        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>
    /// Streams one record to <paramref name="stream"/> as it is written: a long document's record is many times its
    /// text (a 6 MB text gives 270 MB of JSON), so it is never held whole in memory.
    /// </summary>
    public static void WriteTo(Stream stream, Document document, IReadOnlyDictionary<string, string> models, bool indented = false, IReadOnlyList<IRecordLayerWriter>? layers = null)
    {
        using var w = new Utf8JsonWriter(stream, indented ? Indented : Compact);
        Write(w, document, models, layers ?? []);
    }

    /// <summary>Hands what the writer has buffered to its stream once it is large; layer writers call it per element.</summary>
    public static void FlushIfLarge(Utf8JsonWriter w)
    {
        if (w.BytesPending >= 1 << 16) w.Flush();
    }

    public static void Write(Utf8JsonWriter w, Document document, IReadOnlyDictionary<string, string> models, IReadOnlyList<IRecordLayerWriter> layers)
    {
        var m = document.Metadata;
        var lang = document.GetOrDefault(CoreLayers.Language);
        w.WriteStartObject();

        w.WriteStartObject("sitrep");
        w.WriteString("version", SitrepVersion);
        w.WriteStartObject("models");
        foreach (var (k, v) in models.OrderBy(kv => kv.Key, StringComparer.Ordinal)) w.WriteString(k, v);
        w.WriteEndObject();
        w.WriteEndObject();

        w.WriteStartObject("document");
        w.WriteString("id", document.Id);
        WriteOptional(w, "url", m.Url);
        WriteOptional(w, "title", m.Title);
        WriteOptional(w, "site", m.Site);
        WriteOptional(w, "author", m.Author);
        WriteOptional(w, "published", m.Published?.ToIso());
        WriteOptional(w, "modified", m.Modified?.ToIso());
        WriteOptional(w, "language", lang?.Code);
        w.WriteString("text", document.Text.Text);
        w.WriteString("source_format", m.SourceFormat.ToName());
        // Extensions beside the fixed names: provenance of each value.
        WriteOptional(w, "published_source", m.PublishedSource?.ToString());
        WriteOptional(w, "modified_source", m.ModifiedSource?.ToString());
        if (lang is not null)
        {
            w.WriteNumber("language_confidence", lang.Confidence);
            w.WriteBoolean("is_english", lang.IsEnglish);
        }
        WriteOptional(w, "declared_language", m.DeclaredLanguage);
        w.WriteString("reader", m.Reader);
        w.WriteString("origin", m.Origin);
        w.WriteString("raw_sha256", document.Raw.Sha256());
        WriteOptional(w, "raw_encoding", document.Raw.EncodingName);
        w.WriteNumber("raw_length", document.Raw.Length);
        w.WriteEndObject();

        // Paragraphs with their raw spans: the clean body traced back to the input.
        w.WriteStartArray("paragraphs");
        foreach (var p in Paragraphs(document.Text.Text))
        {
            var raw = document.Map.MapToRaw(p);
            w.WriteStartObject();
            w.WriteNumber("start", p.Start);
            w.WriteNumber("end", p.End);
            w.WriteNumber("raw_start", raw.Start);
            w.WriteNumber("raw_end", raw.End);
            w.WriteEndObject();
        }
        w.WriteEndArray();

        // Analysis layers, each written by the module that owns it, under its record-format name.
        foreach (var layer in layers)
        {
            if (!document.Has(layer.Layer)) continue;
            w.WritePropertyName(layer.Layer.Name);
            layer.Write(w, document);
            FlushIfLarge(w);
        }

        w.WriteStartArray("errors");
        foreach (var e in document.Errors)
        {
            w.WriteStartObject();
            w.WriteString("code", e.Code);
            w.WriteString("message", e.Message);
            w.WriteString("severity", e.Severity == ErrorSeverity.Error ? "error" : "warning");
            WriteOptional(w, "stage", e.Stage);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }

    /// <summary>Paragraph spans of a clean body: runs separated by blank lines.</summary>
    public static IEnumerable<TextSpan> Paragraphs(string text)
    {
        int start = 0;
        while (start < text.Length)
        {
            int sep = text.IndexOf("\n\n", start, StringComparison.Ordinal);
            int end = sep < 0 ? text.Length : sep;
            if (end > start) yield return new TextSpan(start, end);
            if (sep < 0) break;
            start = sep + 2;
            while (start < text.Length && text[start] == '\n') start++;
        }
    }

    /// <summary>Writes a string, or null for an absent value (never an empty string standing for "unknown").</summary>
    public static void WriteOptional(Utf8JsonWriter w, string name, string? value)
    {
        if (value is null) w.WriteNull(name);
        else w.WriteString(name, value);
    }
}
