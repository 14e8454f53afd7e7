using System.Globalization;
using System.Text.Json;
using Sitrep.Core;
using Sitrep.Core.Records;

namespace Sitrep.Time;

/// <summary>Writes the <c>timexes</c> record: text, start, end, type, value, mod, anchor (and a SET's quant and freq, and the
/// zone offset, when the text gives them).</summary>
public sealed class TimexRecordWriter : IRecordLayerWriter
{
    public AnnotationLayer Layer => TimeLayers.Timexes;

    public void Write(Utf8JsonWriter w, Document document)
    {
        var text = document.Text.Text;
        w.WriteStartArray();
        foreach (var t in document.Get(TimeLayers.Timexes))
        {
            DocumentRecordWriter.FlushIfLarge(w);
            w.WriteStartObject();
            w.WriteString("text", text.AsSpan(t.Span.Start, t.Span.Length));
            w.WriteNumber("start", t.Span.Start);
            w.WriteNumber("end", t.Span.End);
            w.WriteString("type", t.Type.ToString().ToUpperInvariant());
            w.WriteString("value", t.Value);
            DocumentRecordWriter.WriteOptional(w, "mod", t.Mod);
            w.WriteString("anchor", t.Anchor);
            // TimeML's quant and freq of a SET, when the text gives them ("every week", "twice a week").
            if (t.Quant is not null) w.WriteString("quant", t.Quant);
            if (t.Freq is not null) w.WriteString("freq", t.Freq);
            if (t.ZoneOffset is { } z)
                w.WriteString("zone_offset", (z < TimeSpan.Zero ? "-" : "+") + z.Duration().ToString(@"hh\:mm", CultureInfo.InvariantCulture));
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }
}
