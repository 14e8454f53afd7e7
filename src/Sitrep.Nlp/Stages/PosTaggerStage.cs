using Sitrep.Core;
using Sitrep.Nlp.Tagging;

namespace Sitrep.Nlp.Stages;

/// <summary>Which POS model tagged a document: its name and sha256, for the record's "sitrep.models.pos".</summary>
public sealed record PosAnnotation(string Model, string Sha256);

/// <summary>Fills UPOS, XPOS and lemma on every token, sentence by sentence, and records the model in <see cref="NlpLayers.Pos"/>.</summary>
public sealed class PosTaggerStage(PosModel model, string modelName, string sha256) : IPipelineStage
{
    private readonly PosTagger _tagger = new(model);
    private readonly PosAnnotation _annotation = new(modelName, sha256);

    public static PosTaggerStage Load(string path) => new(PosModel.Load(path), Path.GetFileNameWithoutExtension(path), PosModel.Sha256(path));

    public string Name => "pos";
    public IReadOnlyList<AnnotationLayer> Requires { get; } = [NlpLayers.Sentences, NlpLayers.Tokens];
    public IReadOnlyList<AnnotationLayer> Provides { get; } = [NlpLayers.Pos];

    public Document Process(Document document, CancellationToken cancellationToken = default)
    {
        var text = document.Text.Text;
        var tokens = (Token[])document.Get(NlpLayers.Tokens).Clone();
        Tag(text, document.Get(NlpLayers.Sentences), tokens);
        return document.With(NlpLayers.Tokens, tokens).With(NlpLayers.Pos, _annotation);
    }

    /// <summary>Tags <paramref name="tokens"/> in place.</summary>
    public void Tag(string text, ReadOnlySpan<Sentence> sentences, Token[] tokens)
    {
        int max = 0;
        foreach (var s in sentences) max = Math.Max(max, s.TokenCount);
        var spans = new TextSpan[max];
        var classes = new int[max];
        foreach (var s in sentences)
        {
            for (int i = 0; i < s.TokenCount; i++) spans[i] = tokens[s.FirstToken + i].Span;
            _tagger.Tag(text, spans.AsSpan(0, s.TokenCount), classes);
            for (int i = 0; i < s.TokenCount; i++)
            {
                ref var t = ref tokens[s.FirstToken + i];
                int c = classes[i];
                t = t with { Upos = _tagger.UposOf(c), Xpos = _tagger.XposOf(c), Lemma = _tagger.Lemma(text.AsSpan(t.Span.Start, t.Span.Length), c) };
            }
            HeadlineVerbs.Fix(text, tokens, s.FirstToken, s.TokenCount);
        }
    }
}
