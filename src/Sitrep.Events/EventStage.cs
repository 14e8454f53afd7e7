using System.Collections.Immutable;
using Sitrep.Actors;
using Sitrep.Core;
using Sitrep.Events.Coding;
using Sitrep.Events.Patterns;
using Sitrep.Nlp;
using Sitrep.Time;

namespace Sitrep.Events;

/// <summary>
/// The event-coding stage: CAMEO/PLOVER events from the parse, the actor mentions, places and TIMEX3 values
/// (see <see cref="EventCoder"/>), and direct quotations when a quote finder is given.
/// </summary>
public sealed class EventStage : IPipelineStage
{
    private readonly EventCoder _coder;
    private readonly Func<Document, ImmutableArray<Quote>>? _quotes;

    /// <param name="patterns">The event lexicon.</param>
    /// <param name="claims">The attribution and modality analyser (default: <see cref="Attribution.ClaimAnalyzer"/>).</param>
    /// <param name="quotes">Finds direct quotations; without it the stage writes no quotes layer.</param>
    /// <param name="requireActors">Require the actors layer (set when the actor stage runs before this one).</param>
    public EventStage(PatternSet patterns, IClaimAnalyzer? claims = null, Func<Document, ImmutableArray<Quote>>? quotes = null, bool requireActors = true)
    {
        _coder = new EventCoder(patterns, claims);
        _quotes = quotes;
        Requires = requireActors
            ? [NlpLayers.Sentences, NlpLayers.Tokens, NlpLayers.Pos, TimeLayers.Timexes, ActorLayers.Actors]
            : [NlpLayers.Sentences, NlpLayers.Tokens, NlpLayers.Pos, TimeLayers.Timexes];
        Provides = quotes is null ? [EventLayers.Events] : [EventLayers.Events, EventLayers.Quotes];
    }

    public string Name => "events";
    public IReadOnlyList<AnnotationLayer> Requires { get; }
    public IReadOnlyList<AnnotationLayer> Provides { get; }
    public PatternSet Patterns => _coder.Patterns;

    public Document Process(Document document, CancellationToken cancellationToken = default)
    {
        if (_quotes is not null) document = document.With(EventLayers.Quotes, _quotes(document));
        return document.With(EventLayers.Events, _coder.Code(document));
    }
}
