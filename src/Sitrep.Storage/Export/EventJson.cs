using System.Text.Encodings.Web;
using System.Text.Json;

namespace Sitrep.Storage.Export;

/// <summary>Merged events as JSON: Sitrep's record names (JSON Lines) and a PLOVER/POLECAT-style layout.</summary>
public static class EventJson
{
    private static readonly JsonWriterOptions Compact = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private static readonly JsonWriterOptions Indented = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, Indented = true };

    /// <summary>One merged event per line, in the record format's names (cameo, root, quad_class, source, target, …) with its mentions.</summary>
    public static void WriteJsonLines(TextWriter output, IEnumerable<EventRow> events, ILookup<long, EventMentionRow> mentions)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(mentions);
        foreach (var e in events)
        {
            using var stream = new MemoryStream();
            using (var w = new Utf8JsonWriter(stream, Compact)) WriteEvent(w, e, mentions[e.Id]);
            output.Write(System.Text.Encoding.UTF8.GetString(stream.ToArray()));
            output.Write('\n');
        }
    }

    /// <summary>A JSON array of events, the record-format names; used by <c>--json</c> of the query commands.</summary>
    public static void WriteArray(TextWriter output, IEnumerable<EventRow> events, ILookup<long, EventMentionRow>? mentions = null)
    {
        ArgumentNullException.ThrowIfNull(output);
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, Indented))
        {
            w.WriteStartArray();
            foreach (var e in events) WriteEvent(w, e, mentions?[e.Id]);
            w.WriteEndArray();
        }
        output.WriteLine(System.Text.Encoding.UTF8.GetString(stream.ToArray()));
    }

    public static void WriteEvent(Utf8JsonWriter w, EventRow e, IEnumerable<EventMentionRow>? mentions)
    {
        ArgumentNullException.ThrowIfNull(w);
        ArgumentNullException.ThrowIfNull(e);
        w.WriteStartObject();
        w.WriteNumber("id", e.Id);
        w.WriteString("cameo", e.Cameo);
        w.WriteString("base_code", e.BaseCode);
        w.WriteString("root", e.Root);
        w.WriteNumber("quad_class", e.QuadClass);
        w.WriteNumber("goldstein", e.Goldstein);
        w.WriteStartObject("plover");
        QueryJson.StringOrNull(w, "type", e.PloverType);
        QueryJson.StringOrNull(w, "mode", e.PloverMode);
        w.WriteEndObject();
        Actor(w, "source", e.Source);
        Actor(w, "target", e.Target);
        w.WriteStartObject("date");
        w.WriteString("value", e.DateValue);
        QueryJson.StringOrNull(w, "day", e.Day);
        QueryJson.StringOrNull(w, "day_end", e.DayEnd);
        w.WriteEndObject();
        Place(w, e.Place);
        w.WriteString("modality", e.Modality);
        w.WriteNumber("num_mentions", e.NumMentions);
        w.WriteNumber("num_sources", e.NumSources);
        w.WriteNumber("num_articles", e.NumArticles);
        w.WriteBoolean("is_root", e.IsRoot);
        w.WriteString("date_added", e.DateAdded);
        w.WriteString("document", e.FirstDocumentId);
        QueryJson.StringOrNull(w, "url", e.SourceUrl);
        QueryJson.StringOrNull(w, "published", e.Published);
        w.WriteString("attribution", e.Attribution);
        w.WriteString("evidence", e.Evidence);
        w.WriteString("rule", e.Rule);
        if (mentions is not null)
        {
            w.WriteStartArray("mentions");
            foreach (var m in mentions)
            {
                w.WriteStartObject();
                w.WriteString("document", m.DocumentId);
                QueryJson.StringOrNull(w, "url", m.Url);
                w.WriteString("outlet", m.Outlet);
                QueryJson.StringOrNull(w, "published", m.Published);
                w.WriteNumber("sentence", m.Sentence);
                w.WriteNumber("trigger_start", m.TriggerStart);
                w.WriteString("modality", m.Modality);
                w.WriteString("date", m.DateValue);
                w.WriteString("attribution", m.Attribution);
                w.WriteString("evidence", m.Evidence);
                w.WriteString("rule", m.Rule);
                w.WriteEndObject();
            }
            w.WriteEndArray();
        }
        w.WriteEndObject();
    }

    /// <summary>
    /// PLOVER/POLECAT-style records: event_id, event_date, event_type, event_mode, event_context, actor and recipient
    /// (name, country, sector, code), place, plus the CAMEO coding, counts and the source documents, as one JSON array.
    /// </summary>
    public static void WritePlover(TextWriter output, IEnumerable<EventRow> events, ILookup<long, EventMentionRow> mentions)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(mentions);
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, Indented))
        {
            w.WriteStartArray();
            foreach (var e in events)
            {
                w.WriteStartObject();
                w.WriteString("event_id", "sitrep-" + e.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
                QueryJson.StringOrNull(w, "event_date", e.Day);
                QueryJson.StringOrNull(w, "event_type", e.PloverType);
                QueryJson.StringOrNull(w, "event_mode", e.PloverMode);
                w.WriteStartArray("event_context");
                foreach (var c in e.PloverContext) w.WriteStringValue(c);
                w.WriteEndArray();
                PloverActor(w, "actor", e.Source);
                PloverActor(w, "recipient", e.Target);
                w.WriteStartObject("place");
                QueryJson.StringOrNull(w, "name", e.Place?.Name);
                QueryJson.StringOrNull(w, "country", e.Place?.Country);
                if (e.Place?.Lat is { } lat) w.WriteNumber("latitude", lat); else w.WriteNull("latitude");
                if (e.Place?.Lon is { } lon) w.WriteNumber("longitude", lon); else w.WriteNull("longitude");
                QueryJson.StringOrNull(w, "feature_type", e.Place?.Kind);
                w.WriteEndObject();
                w.WriteString("modality", e.Modality);
                w.WriteString("cameo", e.Cameo);
                w.WriteNumber("quad_class", e.QuadClass);
                w.WriteNumber("goldstein", e.Goldstein);
                w.WriteNumber("num_mentions", e.NumMentions);
                w.WriteNumber("num_sources", e.NumSources);
                w.WriteNumber("num_articles", e.NumArticles);
                w.WriteStartArray("sources");
                foreach (var m in mentions[e.Id].DistinctBy(m => m.DocumentId))
                {
                    w.WriteStartObject();
                    w.WriteString("document", m.DocumentId);
                    QueryJson.StringOrNull(w, "url", m.Url);
                    w.WriteString("outlet", m.Outlet);
                    QueryJson.StringOrNull(w, "publication_date", m.Published);
                    w.WriteString("text", m.Evidence);
                    w.WriteEndObject();
                }
                w.WriteEndArray();
                w.WriteEndObject();
            }
            w.WriteEndArray();
        }
        output.WriteLine(System.Text.Encoding.UTF8.GetString(stream.ToArray()));
    }

    private static void PloverActor(Utf8JsonWriter w, string name, EventActor a)
    {
        w.WriteStartObject(name);
        QueryJson.StringOrNull(w, "name", a.Name);
        QueryJson.StringOrNull(w, "country", a.Country);
        QueryJson.StringOrNull(w, "sector", a.Sector);
        QueryJson.StringOrNull(w, "code", a.Code.Length == 0 ? null : a.Code);
        w.WriteEndObject();
    }

    private static void Actor(Utf8JsonWriter w, string name, EventActor a)
    {
        if (a.Code.Length == 0)
        {
            w.WriteNull(name);
            return;
        }
        w.WriteStartObject(name);
        w.WriteString("code", a.Code);
        QueryJson.StringOrNull(w, "country", a.Country);
        QueryJson.StringOrNull(w, "name", a.Name);
        QueryJson.StringOrNull(w, "sector", a.Sector);
        QueryJson.StringOrNull(w, "actor_id", a.ActorKey);
        w.WriteEndObject();
    }

    private static void Place(Utf8JsonWriter w, EventPlace? p)
    {
        if (p is null)
        {
            w.WriteNull("place");
            return;
        }
        w.WriteStartObject("place");
        QueryJson.StringOrNull(w, "place_id", p.Id);
        w.WriteString("name", p.Name);
        QueryJson.StringOrNull(w, "country", p.Country);
        if (p.Lat is { } lat) w.WriteNumber("lat", lat); else w.WriteNull("lat");
        if (p.Lon is { } lon) w.WriteNumber("lon", lon); else w.WriteNull("lon");
        QueryJson.StringOrNull(w, "kind", p.Kind);
        w.WriteEndObject();
    }

}
