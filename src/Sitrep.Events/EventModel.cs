using System.Collections.Immutable;
using Sitrep.Core;

namespace Sitrep.Events;

/// <summary>Whether and how the text commits to an event happening.</summary>
public enum Modality { Asserted, Reported, Alleged, Denied, Intended, Requested, Hypothetical, Negated }

public static class Modalities
{
    public static string ToRecord(this Modality m) => m switch
    {
        Modality.Asserted => "asserted",
        Modality.Reported => "reported",
        Modality.Alleged => "alleged",
        Modality.Denied => "denied",
        Modality.Intended => "intended",
        Modality.Requested => "requested",
        Modality.Hypothetical => "hypothetical",
        Modality.Negated => "negated",
        _ => throw new ArgumentOutOfRangeException(nameof(m)),
    };
}

/// <summary>Source or target of an event: its code (RUSGOV, PRK, …), country, and index into the document's actor mentions.</summary>
public sealed record EventParticipant(string Code, string? Country, int? Actor);

/// <summary>One link of an attribution chain, outermost first ("AP reported" then "Kirby said"): who asserts, as a code and actor index, and the words that say so.</summary>
public sealed record AttributionLink(string? Code, int? Actor, string Text, TextSpan Span);

/// <summary>An event's date: a TIMEX3 value and where it came from: <c>timex</c> (in the clause), <c>sentence</c>, or <c>report</c> (publication date).</summary>
public sealed record EventDate(string Value, string From, int? Timex = null);

/// <summary>PLOVER coding: event type, mode and contexts.</summary>
public sealed record PloverCoding(string Type, string? Mode, ImmutableArray<string> Context);

/// <summary>What supports an event: its sentence, trigger span and the spans of its actors and other arguments.</summary>
public sealed record EventEvidence(int Sentence, TextSpan Trigger, ImmutableArray<TextSpan> Spans);

/// <summary>
/// One coded event: CAMEO code with root, quad class and Goldstein value; PLOVER coding; source and target;
/// date; place (index into places); modality; attribution chain; evidence; and the rule (pattern id@version or
/// model) that produced it. <see cref="Links"/> names related events, e.g. a denial's alleged events.
/// </summary>
public sealed record CodedEvent(
    string Id,
    string Cameo,
    string Root,
    int QuadClass,
    double Goldstein,
    PloverCoding Plover,
    EventParticipant? Source,
    EventParticipant? Target,
    EventDate Date,
    int? Place,
    Modality Modality,
    ImmutableArray<AttributionLink> Attribution,
    EventEvidence Evidence,
    string Rule)
{
    public ImmutableArray<string> Links { get; init; } = [];
}

/// <summary>A direct quotation (the span inside the quote marks) and its speaker (index into actors) where known.</summary>
public sealed record Quote(TextSpan Span, int? Speaker, TextSpan? Cue = null);

/// <summary>Layers made by Sitrep.Events.</summary>
public static class EventLayers
{
    public static readonly AnnotationLayer<ImmutableArray<CodedEvent>> Events = new("events");
    public static readonly AnnotationLayer<ImmutableArray<Quote>> Quotes = new("quotes");
}

/// <summary>The claim around an event trigger: its modality and who asserts it.</summary>
public sealed record ClaimContext(Modality Modality, ImmutableArray<AttributionLink> Attribution);

/// <summary>
/// Finds the modality and attribution chain of an event trigger from the parse, the actors and the surrounding
/// reporting verbs ("said", "according to", "denied", "alleged"). The coder calls it once per event.
/// </summary>
public interface IClaimAnalyzer
{
    ClaimContext Analyze(Document document, int triggerToken);
}
