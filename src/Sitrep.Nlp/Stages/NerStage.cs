using Sitrep.Core;
using Sitrep.Nlp.Ner;

namespace Sitrep.Nlp.Stages;

/// <summary>Finds named-entity mentions sentence by sentence with an <see cref="NerModel"/> and provides <see cref="NlpLayers.Entities"/>.</summary>
public sealed class NerStage(NerModel model, string modelName, string sha256) : IPipelineStage
{
    private readonly NerTagger _tagger = new(model);

    public static NerStage Load(string path) => new(NerModel.Load(path), Path.GetFileNameWithoutExtension(path), NerModel.Sha256(path));

    public string ModelName { get; } = modelName;
    public string ModelSha256 { get; } = sha256;

    public string Name => "ner";
    public IReadOnlyList<AnnotationLayer> Requires { get; } = [NlpLayers.Sentences, NlpLayers.Tokens, NlpLayers.Pos];
    public IReadOnlyList<AnnotationLayer> Provides { get; } = [NlpLayers.Entities];

    public Document Process(Document document, CancellationToken cancellationToken = default)
    {
        var tokens = document.Get(NlpLayers.Tokens);
        var mentions = new List<EntityMention>();
        _tagger.TagDocument(document.Text.Text, tokens, document.Get(NlpLayers.Sentences), mentions);
        return document.With(NlpLayers.Entities, mentions.ToArray());
    }
}
