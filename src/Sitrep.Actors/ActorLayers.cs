using Sitrep.Core;

namespace Sitrep.Actors;

/// <summary>What kind of thing an actor mention refers to.</summary>
public enum ActorKind { State, Organization, Group, Person, Agent, Media, Other }

/// <summary>
/// One mention of an actor, linked to the knowledge base where possible, with its CAMEO-style code at the
/// document's date (RUSGOV, KORMIL, PRK, IGOUNO, …). Tokens [FirstToken, FirstToken + TokenCount); HeadToken is
/// the syntactic head inside the mention. Chain groups mentions of the same actor within the document
/// (coreference); Resolution says how the mention was linked (kb, title, surname, pronoun, metonymy, agent, …).
/// </summary>
public readonly record struct ActorMention(
    TextSpan Span,
    int FirstToken,
    int TokenCount,
    int HeadToken,
    string? ActorId,
    string Name,
    string Code,
    string? Country,
    string? Sector,
    string? Role,
    ActorKind Kind,
    int Chain,
    string Resolution);

/// <summary>A place mention: a country, city, region or body of water, with coordinates and country where known.</summary>
public readonly record struct PlaceMention(
    TextSpan Span,
    int FirstToken,
    int TokenCount,
    string? PlaceId,
    string Name,
    string? Country,
    double? Lat,
    double? Lon,
    string Kind);

/// <summary>Layers made by Sitrep.Actors.</summary>
public static class ActorLayers
{
    /// <summary>Actor mentions in text order.</summary>
    public static readonly AnnotationLayer<ActorMention[]> Actors = new("actors");
    /// <summary>Place mentions in text order.</summary>
    public static readonly AnnotationLayer<PlaceMention[]> Places = new("places");
}
