using Sitrep.Core;
using Sitrep.Nlp.Encoders;

namespace Sitrep.Nlp.Ner.Contextual;

/// <summary>
/// The MiniLM NER variant as a pipeline stage: provides <see cref="NlpLayers.Entities"/> like the default NER stage, with
/// contextual vectors from the MiniLM encoder added to the sparse features. Far slower than the default (a transformer per
/// sentence), so it is selected explicitly ('--ner minilm'), never by default.
/// </summary>
public sealed class ContextualNerStage(ContextualNerModel model, MiniLmEncoder encoder, string modelName, string sha256) : IPipelineStage
{
    public const string Variant = "minilm";
    public const string DefaultModelFile = "en-ner-minilm.bin";

    private readonly ContextualNerTagger _tagger = new(model, encoder);

    public static ContextualNerStage Load(string path, MiniLmEncoder? encoder = null) =>
        new(ContextualNerModel.Load(path), encoder ?? MiniLmEncoder.Load(), Path.GetFileNameWithoutExtension(path), ContextualNerModel.Sha256(path));

    public string ModelName { get; } = modelName;
    public string ModelSha256 { get; } = sha256;
    public MiniLmEncoder Encoder { get; } = encoder;

    /// <summary>The version string outputs record: the variant, the model file and the encoder package.</summary>
    public string Version => $"{ModelName}@sha256:{ModelSha256} (variant {Variant}; {MiniLmResources.PackageName})";

    public string Name => "ner";
    public IReadOnlyList<AnnotationLayer> Requires => Stages.NerStage.Requirements;
    public IReadOnlyList<AnnotationLayer> Provides => Stages.NerStage.Provided;

    public Document Process(Document document, CancellationToken cancellationToken = default) =>
        Stages.NerStage.TagSentences(document, _tagger.Tag, cancellationToken);
}
