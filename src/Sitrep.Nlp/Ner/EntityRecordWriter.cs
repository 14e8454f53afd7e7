using System.Text.Json;
using Sitrep.Core;
using Sitrep.Core.Records;

namespace Sitrep.Nlp.Ner;

/// <summary>Writes the <c>entities</c> record: text, start, end and type of each mention, in text order.</summary>
public sealed class EntityRecordWriter : IRecordLayerWriter
{
    public AnnotationLayer Layer => NlpLayers.Entities;

    public void Write(Utf8JsonWriter w, Document document)
    {
        var text = document.Text.Text;
        w.WriteStartArray();
        foreach (var e in document.Get(NlpLayers.Entities))
        {
            DocumentRecordWriter.FlushIfLarge(w);
            w.WriteStartObject();
            w.WriteString("text", text.AsSpan(e.Span.Start, e.Span.Length));
            w.WriteNumber("start", e.Span.Start);
            w.WriteNumber("end", e.Span.End);
            w.WriteString("type", e.Type);
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }
}
