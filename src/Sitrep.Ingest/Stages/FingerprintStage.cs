using Sitrep.Core;
using Sitrep.Ingest.Dedup;

namespace Sitrep.Ingest.Stages;

/// <summary>Computes the body's de-duplication keys: exact hash of the normalized body, MinHash and SimHash of word shingles.</summary>
public sealed class FingerprintStage : IPipelineStage
{
    // Bump when normalization, shingling or seeds change: stored hashes are then not comparable.
    public const string Version = "nfkc-shingle5-minhash128-simhash64/1";

    public string Name => "fingerprint";
    public IReadOnlyList<AnnotationLayer> Requires { get; } = [CoreLayers.CleanText];
    public IReadOnlyList<AnnotationLayer> Provides { get; } = [CoreLayers.Hashes];

    public Document Process(Document document, CancellationToken cancellationToken = default) =>
        document.With(CoreLayers.Hashes, ContentFingerprint.Compute(document.Text.Text));
}

/// <summary>The ingestion pipeline every reader's output goes through before it is stored or printed.</summary>
public static class IngestPipeline
{
    public static Pipeline Create() => Pipeline.Build(Stages());

    public static IReadOnlyList<IPipelineStage> Stages() => [new LanguageIdentificationStage(), new FingerprintStage()];

    public static IReadOnlyDictionary<string, string> Versions { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["language"] = LanguageIdentificationStage.Version,
        ["fingerprint"] = FingerprintStage.Version,
    };
}
