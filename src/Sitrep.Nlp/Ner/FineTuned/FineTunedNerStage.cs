using Sitrep.Core;
using Sitrep.Nlp.Encoders;

namespace Sitrep.Nlp.Ner.FineTuned;

/// <summary>
/// The fine-tuned MiniLM NER variant as a pipeline stage ('--ner minilm-ft'): provides <see cref="NlpLayers.Entities"/> like
/// the default NER stage, from the default model's scores plus the fine-tuned encoder's (<see cref="FineTunedNerTagger"/>).
/// As slow as the other MiniLM variant (a transformer per sentence), so never the default.
/// </summary>
public sealed class FineTunedNerStage : IPipelineStage, IDisposable
{
    public const string Variant = "minilm-ft";
    public const string DefaultModelFile = "en-ner-minilm-ft.bin";

    private readonly FineTunedNerTagger _tagger;

    private FineTunedNerStage(FineTunedNerTagger tagger, string modelName, string sha256, string sparseVersion)
    {
        _tagger = tagger; ModelName = modelName; ModelSha256 = sha256; SparseVersion = sparseVersion;
    }

    /// <summary>Loads the fine-tuned weights onto the shipped MiniLM graph, with <paramref name="sparseModelPath"/>, the default NER model they are added to.</summary>
    public static FineTunedNerStage Load(string path, string sparseModelPath, string? miniLmAssembly = null)
    {
        var tagger = LoadTagger(path, sparseModelPath, miniLmAssembly);
        return new FineTunedNerStage(tagger, Path.GetFileNameWithoutExtension(path), FineTunedNerModel.Sha256(path),
            $"{Path.GetFileNameWithoutExtension(sparseModelPath)}@sha256:{NerModel.Sha256(sparseModelPath)}");
    }

    /// <param name="weight">Overrides the model file's weight of the fine-tuned log-probabilities.</param>
    public static FineTunedNerTagger LoadTagger(string path, string sparseModelPath, string? miniLmAssembly = null, float? weight = null)
    {
        var resources = MiniLmResources.Load(miniLmAssembly);
        var graphSha = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(resources.Model));
        var model = FineTunedNerModel.Load(path, OnnxInitializers.Read(resources.Model), graphSha);
        var encoder = new MiniLmEncoder(resources, 1, model.EncoderWeights(Path.GetFileNameWithoutExtension(path), FineTunedNerModel.Sha256(path)));
        return new FineTunedNerTagger(model, encoder, NerModel.Load(sparseModelPath), weight);
    }

    public string ModelName { get; }
    public string ModelSha256 { get; }
    public string SparseVersion { get; }

    /// <summary>The version string outputs record: the variant, the weights file, the default model it adds to and the encoder package.</summary>
    public string Version => $"{ModelName}@sha256:{ModelSha256} (variant {Variant}; with {SparseVersion}; {MiniLmResources.PackageName})";

    public string Name => "ner";
    public IReadOnlyList<AnnotationLayer> Requires => Stages.NerStage.Requirements;
    public IReadOnlyList<AnnotationLayer> Provides => Stages.NerStage.Provided;

    public Document Process(Document document, CancellationToken cancellationToken = default) =>
        Stages.NerStage.TagSentences(document, _tagger.Tag, cancellationToken);

    public void Dispose() => _tagger.Encoder.Dispose();
}
