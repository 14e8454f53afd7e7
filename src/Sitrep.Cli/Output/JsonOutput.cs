using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Sitrep.Cli.Ingestion;
using Sitrep.Storage;

namespace Sitrep.Cli.Output;

/// <summary>JSON for <c>--json</c>: snake_case names as in the record format, fixed field order.</summary>
public static class JsonOutput
{
    private static readonly JsonWriterOptions Options = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static void Write(TextWriter output, Action<Utf8JsonWriter> write)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, Options)) write(w);
        output.WriteLine(Encoding.UTF8.GetString(stream.ToArray()));
    }

    public static void WriteIngestSummary(TextWriter output, IngestSummary s, string db) => Write(output, w =>
    {
        w.WriteStartObject();
        w.WriteString("db", db);
        w.WriteNumber("run", s.RunId);
        if (s.Interrupted) w.WriteBoolean("interrupted", true);
        w.WriteNumber("analysed", s.Analysed);
        WriteCounts(w, s.Counts);
        w.WriteStartArray("skipped");
        foreach (var k in s.Skipped)
        {
            w.WriteStartObject();
            w.WriteString("origin", k.Origin);
            w.WriteString("reason", k.SkipReason);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteStartArray("items");
        foreach (var i in s.Items)
        {
            w.WriteStartObject();
            w.WriteString("origin", i.Origin);
            if (i.DocumentId is { } id) w.WriteString("document", id); else w.WriteNull("document");
            if (i.Outcome is { } o) w.WriteString("outcome", OutcomeName(o)); else w.WriteString("outcome", "failed");
            if (i.DuplicateOf is { } d) w.WriteString("duplicate_of", d);
            if (i.Error is { } e)
            {
                w.WriteString("code", e.Code);
                w.WriteString("message", e.Message);
            }
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    });

    public static void WriteCounts(Utf8JsonWriter w, IngestCounts c) => Sitrep.Storage.Export.QueryJson.WriteCounts(w, c);

    public static string OutcomeName(StoreOutcomeKind k) => k switch
    {
        StoreOutcomeKind.New => "new",
        StoreOutcomeKind.Unchanged => "unchanged",
        StoreOutcomeKind.ExactDuplicate => "duplicate",
        StoreOutcomeKind.NearDuplicate => "near_duplicate",
        StoreOutcomeKind.NewVersion => "new_version",
        _ => k.ToString(),
    };
}
