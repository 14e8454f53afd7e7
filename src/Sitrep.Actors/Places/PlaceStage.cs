using Sitrep.Core;
using Sitrep.Nlp;

namespace Sitrep.Actors.Places;

/// <summary>
/// Finds countries, cities, regions and waters (<see cref="ActorLayers.Places"/>) in a tagged document. Needs
/// sentences, tokens and POS; uses named entities when an earlier stage made them, and works without.
/// </summary>
public sealed class PlaceStage(PlaceGazetteer gazetteer) : IPipelineStage
{
    private readonly PlaceRecognizer _recognizer = new(gazetteer);

    /// <summary>The stage over the shipped gazetteer (loaded once, shared).</summary>
    public PlaceStage() : this(PlaceGazetteer.Default) { }

    public string Name => "places";
    public IReadOnlyList<AnnotationLayer> Requires { get; } = [NlpLayers.Sentences, NlpLayers.Tokens, NlpLayers.Pos];
    public IReadOnlyList<AnnotationLayer> Provides { get; } = [ActorLayers.Places];

    public PlaceGazetteer Gazetteer => gazetteer;

    /// <summary>The version recorded under the record's models["places"].</summary>
    public string Version => gazetteer.Version;

    public Document Process(Document document, CancellationToken cancellationToken = default)
    {
        var entities = document.Has(NlpLayers.Entities) ? document.Get(NlpLayers.Entities) : [];
        var places = _recognizer.Recognize(document.Text.Text, document.Get(NlpLayers.Sentences), document.Get(NlpLayers.Tokens), entities);
        return document.With(ActorLayers.Places, places);
    }
}
