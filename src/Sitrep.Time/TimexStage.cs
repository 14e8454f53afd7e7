using Sitrep.Core;
using Sitrep.Nlp;

namespace Sitrep.Time;

/// <summary>
/// Finds and normalizes temporal expressions in the clean text against the document's published date (the DCT).
/// Tense comes from the POS tags and parse when the document has them (<see cref="ParseTense"/>).
/// Without a published date, what only that date could fix stays unknown (anchor "none", X digits in the value).
/// </summary>
public sealed class TimexStage(TimexTagger? tagger = null) : IPipelineStage
{
    private readonly TimexTagger _tagger = tagger ?? TimexTagger.Default;

    public string Name => "timex";
    public IReadOnlyList<AnnotationLayer> Requires { get; } = [CoreLayers.CleanText];
    public IReadOnlyList<AnnotationLayer> Provides { get; } = [TimeLayers.Timexes];

    public Document Process(Document document, CancellationToken cancellationToken = default)
    {
        var dct = document.Metadata.Published?.Date;
        var text = document.Text.Text;
        // The governing verb's tense from the parse where the NLP stages ran before; the raw-text heuristic otherwise.
        var tokens = document.GetOrDefault(NlpLayers.Tokens);
        ITenseHints? tense = ParseTense.Usable(tokens) ? new ParseTense(text, tokens!) : null;
        var timexes = _tagger.Annotate(text, dct, tense);
        return document.With(TimeLayers.Timexes, timexes);
    }
}
