using System.Text.Json;
using Sitrep.Core;
using Sitrep.Core.Records;

namespace Sitrep.Actors;

/// <summary>
/// Writes the <c>actors</c> record: text, start, end, actor_id, name, code, country, sector, role, chain (the fixed
/// names), plus kind and resolution.
/// </summary>
public sealed class ActorRecordWriter : IRecordLayerWriter
{
    public AnnotationLayer Layer => ActorLayers.Actors;

    public void Write(Utf8JsonWriter w, Document document)
    {
        var text = document.Text.Text;
        w.WriteStartArray();
        foreach (var a in document.Get(ActorLayers.Actors))
        {
            DocumentRecordWriter.FlushIfLarge(w);
            w.WriteStartObject();
            w.WriteString("text", text.AsSpan(a.Span.Start, a.Span.Length));
            w.WriteNumber("start", a.Span.Start);
            w.WriteNumber("end", a.Span.End);
            DocumentRecordWriter.WriteOptional(w, "actor_id", a.ActorId);
            w.WriteString("name", a.Name);
            w.WriteString("code", a.Code);
            DocumentRecordWriter.WriteOptional(w, "country", a.Country);
            DocumentRecordWriter.WriteOptional(w, "sector", a.Sector);
            DocumentRecordWriter.WriteOptional(w, "role", a.Role);
            w.WriteNumber("chain", a.Chain);
            w.WriteString("kind", a.Kind.ToString().ToLowerInvariant());
            w.WriteString("resolution", a.Resolution);
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }
}
