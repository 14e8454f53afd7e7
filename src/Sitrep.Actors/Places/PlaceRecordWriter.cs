using System.Text.Json;
using Sitrep.Core;
using Sitrep.Core.Records;

namespace Sitrep.Actors.Places;

/// <summary>
/// Writes the <c>places</c> record: text, start, end, name, country, lat, lon, kind (shared/design/annotate-json.md),
/// plus place_id and, for a place shared by several countries, their list as <c>countries</c>.
/// </summary>
public sealed class PlaceRecordWriter(PlaceGazetteer? gazetteer = null) : IRecordLayerWriter
{
    public AnnotationLayer Layer => ActorLayers.Places;

    public void Write(Utf8JsonWriter w, Document document)
    {
        var text = document.Text.Text;
        w.WriteStartArray();
        foreach (var p in document.Get(ActorLayers.Places))
        {
            DocumentRecordWriter.FlushIfLarge(w);
            w.WriteStartObject();
            w.WriteString("text", text.AsSpan(p.Span.Start, p.Span.Length));
            w.WriteNumber("start", p.Span.Start);
            w.WriteNumber("end", p.Span.End);
            w.WriteString("name", p.Name);
            if (p.Country is null) w.WriteNull("country"); else w.WriteString("country", p.Country);
            if (p.Lat is { } lat) w.WriteNumber("lat", Math.Round(lat, 5)); else w.WriteNull("lat");
            if (p.Lon is { } lon) w.WriteNumber("lon", Math.Round(lon, 5)); else w.WriteNull("lon");
            w.WriteString("kind", p.Kind);
            DocumentRecordWriter.WriteOptional(w, "place_id", p.PlaceId);
            if (p.PlaceId is { } id && (gazetteer ?? PlaceGazetteer.Default).Get(id) is { Countries.Length: > 1 } e)
            {
                w.WriteStartArray("countries");
                foreach (var c in e.Countries) w.WriteStringValue(c);
                w.WriteEndArray();
            }
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }
}
