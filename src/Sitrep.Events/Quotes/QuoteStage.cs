using System.Collections.Immutable;
using Sitrep.Core;
using Sitrep.Events.Attribution;
using Sitrep.Nlp;

namespace Sitrep.Events.Quotes;

/// <summary>Adds the <see cref="EventLayers.Quotes"/> layer. Uses the actor layer when an earlier stage made it (speakers as actor indices).</summary>
public sealed class QuoteStage(AttributionLexicon lexicon) : IPipelineStage
{
    public QuoteStage() : this(AttributionLexicon.Default) { }

    public string Name => "quotes";
    public IReadOnlyList<AnnotationLayer> Requires { get; } = [NlpLayers.Sentences, NlpLayers.Tokens];
    public IReadOnlyList<AnnotationLayer> Provides { get; } = [EventLayers.Quotes];

    public Document Process(Document document, CancellationToken cancellationToken = default) =>
        document.With(EventLayers.Quotes, QuoteFinder.Find(document, lexicon));
}
