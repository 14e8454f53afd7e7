using System.Text.Json;
using Sitrep.Core;
using Sitrep.Core.Records;

namespace Sitrep.Events;

/// <summary>
/// Writes the <c>events</c> record (shared/design/annotate-json.md): id, cameo, root, quad_class, goldstein, plover,
/// source, target, date, place, modality, attribution, evidence, rule, and links (related events, e.g. the events
/// a denial answers). <c>plover</c> is null for CAMEO codes PLOVER dropped (01, public statements).
/// </summary>
public sealed class EventRecordWriter : IRecordLayerWriter
{
    public AnnotationLayer Layer => EventLayers.Events;

    public void Write(Utf8JsonWriter w, Document document)
    {
        var text = document.Text.Text;
        w.WriteStartArray();
        foreach (var e in document.Get(EventLayers.Events))
        {
            DocumentRecordWriter.FlushIfLarge(w);
            w.WriteStartObject();
            w.WriteString("id", e.Id);
            w.WriteString("cameo", e.Cameo);
            w.WriteString("root", e.Root);
            w.WriteNumber("quad_class", e.QuadClass);
            w.WriteNumber("goldstein", e.Goldstein);
            if (e.Plover.Type.Length == 0) w.WriteNull("plover");
            else
            {
                w.WriteStartObject("plover");
                w.WriteString("type", e.Plover.Type);
                DocumentRecordWriter.WriteOptional(w, "mode", e.Plover.Mode);
                w.WriteStartArray("context");
                foreach (var c in e.Plover.Context) w.WriteStringValue(c);
                w.WriteEndArray();
                w.WriteEndObject();
            }
            WriteParticipant(w, "source", e.Source, document);
            WriteParticipant(w, "target", e.Target, document);
            w.WriteStartObject("date");
            w.WriteString("value", e.Date.Value);
            w.WriteString("from", e.Date.From);
            if (e.Date.Timex is { } tx) w.WriteNumber("timex", tx);
            w.WriteEndObject();
            if (e.Place is { } place) w.WriteNumber("place", place); else w.WriteNull("place");
            w.WriteString("modality", e.Modality.ToRecord());
            w.WriteStartArray("attribution");
            foreach (var a in e.Attribution)
            {
                w.WriteStartObject();
                DocumentRecordWriter.WriteOptional(w, "code", a.Code);
                if (a.Actor is { } actor) w.WriteNumber("actor", actor);
                w.WriteString("text", a.Text);
                w.WriteNumber("start", a.Span.Start);
                w.WriteNumber("end", a.Span.End);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteStartObject("evidence");
            w.WriteNumber("sentence", e.Evidence.Sentence);
            w.WriteStartObject("trigger");
            w.WriteNumber("start", e.Evidence.Trigger.Start);
            w.WriteNumber("end", e.Evidence.Trigger.End);
            w.WriteString("text", text.AsSpan(e.Evidence.Trigger.Start, e.Evidence.Trigger.Length));
            w.WriteEndObject();
            w.WriteStartArray("spans");
            foreach (var s in e.Evidence.Spans)
            {
                w.WriteStartObject();
                w.WriteNumber("start", s.Start);
                w.WriteNumber("end", s.End);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
            w.WriteString("rule", e.Rule);
            if (!e.Links.IsEmpty)
            {
                w.WriteStartArray("links");
                foreach (var l in e.Links) w.WriteStringValue(l);
                w.WriteEndArray();
            }
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }

    private static void WriteParticipant(Utf8JsonWriter w, string name, EventParticipant? p, Document document)
    {
        if (p is null) { w.WriteNull(name); return; }
        w.WriteStartObject(name);
        w.WriteString("code", p.Code);
        DocumentRecordWriter.WriteOptional(w, "country", p.Country);
        if (p.Actor is { } a) w.WriteNumber("actor", a); else w.WriteNull("actor");
        w.WriteEndObject();
    }
}

/// <summary>Writes the <c>quotes</c> record: text, start, end, speaker (actor index or null), and the cue span where known.</summary>
public sealed class QuoteRecordWriter : IRecordLayerWriter
{
    public AnnotationLayer Layer => EventLayers.Quotes;

    public void Write(Utf8JsonWriter w, Document document)
    {
        var text = document.Text.Text;
        w.WriteStartArray();
        foreach (var q in document.Get(EventLayers.Quotes))
        {
            DocumentRecordWriter.FlushIfLarge(w);
            w.WriteStartObject();
            w.WriteString("text", text.AsSpan(q.Span.Start, q.Span.Length));
            w.WriteNumber("start", q.Span.Start);
            w.WriteNumber("end", q.Span.End);
            if (q.Speaker is { } s) w.WriteNumber("speaker", s); else w.WriteNull("speaker");
            if (q.Cue is { } cue)
            {
                w.WriteStartObject("cue");
                w.WriteNumber("start", cue.Start);
                w.WriteNumber("end", cue.End);
                w.WriteEndObject();
            }
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }
}
