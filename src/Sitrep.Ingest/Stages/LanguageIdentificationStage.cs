using Lingua;
using Sitrep.Core;

namespace Sitrep.Ingest.Stages;

/// <summary>
/// Identifies the body's language with Lingua, so non-English documents are stored and flagged instead of
/// being analysed as English. Restricted to the languages common in news to keep it fast and precise.
/// </summary>
public sealed class LanguageIdentificationStage : IPipelineStage
{
    public const string Version = "lingua-2.0.0";
    // Enough text to decide; reading a whole long article only costs time.
    private const int MaxChars = 3000;

    private static readonly Language[] NewsLanguages =
    [
        Language.English, Language.German, Language.French, Language.Spanish, Language.Italian, Language.Portuguese,
        Language.Dutch, Language.Russian, Language.Ukrainian, Language.Polish, Language.Turkish, Language.Arabic,
        Language.Persian, Language.Hebrew, Language.Chinese, Language.Japanese, Language.Korean, Language.Hindi,
        Language.Indonesian, Language.Vietnamese, Language.Swedish, Language.Danish, Language.Bokmal, Language.Finnish,
        Language.Czech, Language.Romanian, Language.Hungarian, Language.Greek, Language.Urdu, Language.Bengali,
        Language.Tagalog, Language.Malay, Language.Swahili, Language.Catalan, Language.Croatian, Language.Serbian,
    ];

    private static readonly Lazy<LanguageDetector> Detector = new(() =>
        LanguageDetectorBuilder.FromLanguages(NewsLanguages).WithLowAccuracyMode().Build(), LazyThreadSafetyMode.ExecutionAndPublication);

    public string Name => "language";
    public IReadOnlyList<AnnotationLayer> Requires { get; } = [CoreLayers.CleanText];
    public IReadOnlyList<AnnotationLayer> Provides { get; } = [CoreLayers.Language];

    public Document Process(Document document, CancellationToken cancellationToken = default) =>
        document.With(CoreLayers.Language, Identify(document.Text.Text));

    public static LanguageIdentification Identify(string text)
    {
        var sample = text.Length <= MaxChars ? text : text[..MaxChars];
        var values = Detector.Value.ComputeLanguageConfidenceValues(sample);
        // Pick the maximum explicitly (ties by enum order) rather than trusting dictionary order.
        var best = values.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key).FirstOrDefault();
        if (best.Key == Language.Unknown || best.Value <= 0)
            return new LanguageIdentification("und", 0, false);
        var code = best.Key.IsoCode6391().ToString().ToLowerInvariant();
        return new LanguageIdentification(code, Math.Round(best.Value, 4), best.Key == Language.English);
    }
}
