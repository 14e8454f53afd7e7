using Sitrep.Core;
using Sitrep.Nlp.Ner;

namespace Sitrep.Nlp.Stages;

/// <summary>Tags the tokens of one sentence; appends mentions (document token indices) to <paramref name="output"/>.</summary>
public delegate void SentenceNerTagger(string text, ReadOnlySpan<Token> tokens, int firstToken, List<EntityMention> output);

/// <summary>Finds named-entity mentions sentence by sentence with an <see cref="NerModel"/> and provides <see cref="NlpLayers.Entities"/>.</summary>
public sealed class NerStage(NerModel model, string modelName, string sha256) : IPipelineStage
{
    private readonly NerTagger _tagger = new(model);

    public static NerStage Load(string path) => new(NerModel.Load(path), Path.GetFileNameWithoutExtension(path), NerModel.Sha256(path));

    public string ModelName { get; } = modelName;
    public string ModelSha256 { get; } = sha256;

    public string Name => "ner";
    public IReadOnlyList<AnnotationLayer> Requires => Requirements;
    public IReadOnlyList<AnnotationLayer> Provides => Provided;

    /// <summary>What every NER stage (the default and the variants) requires and provides.</summary>
    public static readonly IReadOnlyList<AnnotationLayer> Requirements = [NlpLayers.Sentences, NlpLayers.Tokens, NlpLayers.Pos];
    public static readonly IReadOnlyList<AnnotationLayer> Provided = [NlpLayers.Entities];

    /// <summary>The document with the mentions <paramref name="tag"/> finds sentence by sentence (the variants' stages).</summary>
    public static Document TagSentences(Document document, SentenceNerTagger tag, CancellationToken cancellationToken)
    {
        var tokens = document.Get(NlpLayers.Tokens);
        var mentions = new List<EntityMention>();
        foreach (var s in document.Get(NlpLayers.Sentences))
        {
            cancellationToken.ThrowIfCancellationRequested();
            tag(document.Text.Text, tokens.AsSpan(s.FirstToken, s.TokenCount), s.FirstToken, mentions);
        }
        return document.With(NlpLayers.Entities, mentions.ToArray());
    }

    public Document Process(Document document, CancellationToken cancellationToken = default)
    {
        var tokens = document.Get(NlpLayers.Tokens);
        var mentions = new List<EntityMention>();
        _tagger.TagDocument(document.Text.Text, tokens, document.Get(NlpLayers.Sentences), mentions);
        return document.With(NlpLayers.Entities, mentions.ToArray());
    }
}
