namespace Sitrep.Storage;

/// <summary>
/// Filters over merged events. An actor is a CAMEO-style code (<c>RUS</c> matches every Russian actor, <c>RUSGOV</c>
/// only that code) or a name (case-insensitive). Dates are on the event's day (the start of its date range).
/// </summary>
public sealed record EventQuery
{
    /// <summary>One merged event by its id.</summary>
    public long? Event { get; init; }
    /// <summary>Source (Actor1): code or name.</summary>
    public string? Actor { get; init; }
    /// <summary>Target (Actor2): code or name.</summary>
    public string? Target { get; init; }
    /// <summary>Source or target: code or name.</summary>
    public string? Involving { get; init; }
    /// <summary>With <see cref="Actor"/> and <see cref="Target"/>: also the reverse direction.</summary>
    public bool Undirected { get; init; }
    /// <summary>CAMEO code or its prefix (<c>04</c>, <c>042</c>, <c>0421</c>).</summary>
    public string? Cameo { get; init; }
    /// <summary>CAMEO root (two digits).</summary>
    public string? Root { get; init; }
    public int? QuadClass { get; init; }
    /// <summary>PLOVER event type, case-insensitive.</summary>
    public string? Plover { get; init; }
    /// <summary>A mention with this modality (asserted, reported, alleged, denied, …).</summary>
    public string? Modality { get; init; }
    public DateOnly? From { get; init; }
    public DateOnly? To { get; init; }
    /// <summary>Place name, id or country code.</summary>
    public string? Place { get; init; }
    /// <summary>Reported by this document.</summary>
    public string? Document { get; init; }
    /// <summary>Only events with a calendar date.</summary>
    public bool DatedOnly { get; init; }
    public int Limit { get; init; } = 100;
    public int Offset { get; init; }

    /// <summary>"RUS-PRK" as (source, target); null when it is not two non-empty parts around a dash.</summary>
    public static (string Source, string Target)? SplitDyad(string dyad)
    {
        ArgumentNullException.ThrowIfNull(dyad);
        int dash = dyad.IndexOf('-', StringComparison.Ordinal);
        if (dash <= 0 || dash == dyad.Length - 1) return null;
        var (source, target) = (dyad[..dash].Trim(), dyad[(dash + 1)..].Trim());
        return source.Length == 0 || target.Length == 0 ? null : (source, target);
    }
}

/// <summary>A participant of a merged event: code, root (country or organization part), country, name, sector.</summary>
public sealed record EventActor(string Code, string Root, string? Country, string? Name, string? Sector, string? ActorKey);

/// <summary>A place of a merged event.</summary>
public sealed record EventPlace(string? Id, string Name, string? Country, double? Lat, double? Lon, string? Kind);

/// <summary>
/// One merged event (the same event as reported by every article), with GDELT-like counts and its first mention:
/// document, URL, evidence sentence and attribution.
/// </summary>
public sealed record EventRow(
    long Id,
    string Cameo,
    string BaseCode,
    string Root,
    int QuadClass,
    double Goldstein,
    string? PloverType,
    string? PloverMode,
    EventActor Source,
    EventActor Target,
    string Modality,
    string DateValue,
    string? Day,
    string? DayEnd,
    EventPlace? Place,
    bool IsRoot,
    int NumMentions,
    int NumSources,
    int NumArticles,
    string DateAdded,
    string FirstDocumentId,
    string? SourceUrl,
    string? Published,
    string Evidence,
    string Attribution,
    string Rule)
{
    /// <summary>PLOVER contexts of the event's first mention.</summary>
    public IReadOnlyList<string> PloverContext { get; init; } = [];
}

/// <summary>One mention of a merged event in one document (GDELT's Mentions table).</summary>
public sealed record EventMentionRow(
    long EventId,
    long MentionId,
    string DocumentId,
    string? Url,
    string Outlet,
    string? Published,
    string IngestedAt,
    bool Counted,
    int Sentence,
    int? SourceOffset,
    int? TargetOffset,
    int TriggerStart,
    int DocumentLength,
    string Modality,
    string DateValue,
    string Evidence,
    string Attribution,
    string Rule);

/// <summary>Series granularity.</summary>
public enum SeriesPeriod { Day, Week, Month }

/// <summary>One period of an event-count series: events per quad class, summed Goldstein, mentions.</summary>
public sealed record SeriesPoint(string Period, int Events, int VerbalCooperation, int MaterialCooperation, int VerbalConflict, int MaterialConflict, double Goldstein, int Mentions);

/// <summary>
/// A claim: an event someone asserts, alleges, reports or denies (<paramref name="Stance"/>), who (the claimant) and through
/// which sources (the attribution chain, outermost first), with the event and the document.
/// </summary>
public sealed record ClaimRow(
    long MentionId,
    long EventId,
    string DocumentId,
    string? Url,
    string Outlet,
    string? Published,
    string Stance,
    string? ClaimantCode,
    string? ClaimantName,
    string Sources,
    string? SourceCode,
    string Cameo,
    string? TargetCode,
    string DateValue,
    string Evidence,
    IReadOnlyList<long> About);

public sealed record ClaimQuery
{
    /// <summary>Claimant, source or target: code or name.</summary>
    public string? Actor { get; init; }
    public string? Stance { get; init; }
    public string? Document { get; init; }
    /// <summary>Claims about one merged event: its own mentions' and those of the denials that name it.</summary>
    public long? Event { get; init; }
    public int Limit { get; init; } = 100;
}

/// <summary>An actor's activity over merged events: as source, as target, mentions, mean Goldstein, and its top dyads.</summary>
public sealed record ActorActivity(string Code, string? Name, int AsSource, int AsTarget, int Mentions, double MeanGoldstein, IReadOnlyList<DyadCount> TopDyads);

/// <summary>A directed dyad's totals over merged events.</summary>
public sealed record DyadCount(string Source, string Target, int Events, int Mentions, double Goldstein, int VerbalCooperation, int MaterialCooperation, int VerbalConflict, int MaterialConflict);

/// <summary>
/// One event as coded in one document, with its character offsets in the document's clean text: the trigger, and the
/// source and target actor mentions where the event has them. For showing a document with its events marked.
/// </summary>
public sealed record DocumentEventRow(
    long MentionId,
    long EventId,
    string Cameo,
    int QuadClass,
    string? SourceCode,
    string? TargetCode,
    string Modality,
    string DateValue,
    int Sentence,
    int TriggerStart,
    int TriggerEnd,
    int? SourceStart,
    int? SourceEnd,
    int? TargetStart,
    int? TargetEnd,
    string Attribution,
    string Rule);
