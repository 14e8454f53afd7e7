using System.Text.Json;
using Sitrep.Core;
using Sitrep.Core.Records;

namespace Sitrep.Nlp;

/// <summary>Writes the <c>sentences</c> record: clean-text start and end of each sentence.</summary>
public sealed class SentenceRecordWriter : IRecordLayerWriter
{
    public AnnotationLayer Layer => NlpLayers.Sentences;

    public void Write(Utf8JsonWriter w, Document document)
    {
        w.WriteStartArray();
        foreach (var s in document.Get(NlpLayers.Sentences))
        {
            DocumentRecordWriter.FlushIfLarge(w);
            w.WriteStartObject();
            w.WriteNumber("start", s.Span.Start);
            w.WriteNumber("end", s.Span.End);
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }
}

/// <summary>Writes the <c>tokens</c> record: text, start, end, upos, xpos, lemma, head (document token index, -1 root), deprel, sentence.</summary>
public sealed class TokenRecordWriter : IRecordLayerWriter
{
    public AnnotationLayer Layer => NlpLayers.Tokens;

    public void Write(Utf8JsonWriter w, Document document)
    {
        var text = document.Text.Text;
        w.WriteStartArray();
        foreach (var t in document.Get(NlpLayers.Tokens))
        {
            DocumentRecordWriter.FlushIfLarge(w);
            w.WriteStartObject();
            w.WriteString("text", text.AsSpan(t.Span.Start, t.Span.Length));
            w.WriteNumber("start", t.Span.Start);
            w.WriteNumber("end", t.Span.End);
            DocumentRecordWriter.WriteOptional(w, "upos", t.Upos);
            DocumentRecordWriter.WriteOptional(w, "xpos", t.Xpos);
            DocumentRecordWriter.WriteOptional(w, "lemma", t.Lemma);
            if (t.Head == Token.Unparsed) w.WriteNull("head"); else w.WriteNumber("head", t.Head);
            DocumentRecordWriter.WriteOptional(w, "deprel", t.Deprel);
            w.WriteNumber("sentence", t.Sentence);
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }
}
