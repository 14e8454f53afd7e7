namespace Sitrep.Core;

/// <summary>
/// Runs an English-language stage only on documents identified as English: non-English documents are stored
/// and flagged, never analysed with English models and rules.
/// </summary>
public sealed class EnglishOnlyStage(IPipelineStage inner) : IPipelineStage
{
    public string Name => inner.Name;
    public IReadOnlyList<AnnotationLayer> Requires { get; } = [.. inner.Requires, CoreLayers.Language];
    public IReadOnlyList<AnnotationLayer> Provides => inner.Provides;

    public Document Process(Document document, CancellationToken cancellationToken = default) =>
        document.Get(CoreLayers.Language).IsEnglish ? inner.Process(document, cancellationToken) : document;
}
