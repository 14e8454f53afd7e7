using System.Collections.Immutable;

namespace Sitrep.Actors.Kb;

/// <summary>Where an entry was authored, for lint messages and debugging.</summary>
public readonly record struct KbSource(string File, int Line)
{
    public override string ToString() => $"{File}:{Line}";
}

/// <summary>What an alias names: the kind decides how a linker may use it (a surname only after a full mention, a contextual alias only in its context).</summary>
public enum AliasKind
{
    /// <summary>The canonical name or a full variant of it.</summary>
    Name,
    /// <summary>An abbreviation or short form: "the US", "DPRK", "NATO".</summary>
    Short,
    /// <summary>A singular demonym/adjective ("Russian"); names the country, typically its people or state.</summary>
    Demonym,
    /// <summary>A plural demonym ("Russians").</summary>
    DemonymPlural,
    /// <summary>The capital city, used by metonymy for the government ("Pyongyang said").</summary>
    Capital,
    /// <summary>A seat of an institution ("the Kremlin", "the Pentagon"), carrying its sector.</summary>
    Seat,
    /// <summary>A person's surname, usable after a full mention ("Putin").</summary>
    Surname,
    /// <summary>Only valid in a context ("the North" in a Korean story); see <see cref="KbAlias.Context"/>.</summary>
    Contextual,
    /// <summary>A former or historical name ("Burma", "Swaziland").</summary>
    Former,
}

/// <summary>One surface form of an entity. Case: forms without lowercase letters (acronyms) match exactly, others ignore case.</summary>
public sealed record KbAlias(string Text, AliasKind Kind, string? Sector = null, string? Context = null)
{
    /// <summary>True when the form (without a leading "the") has no lowercase letter: "US", "U.S.", "DPRK" match only in that case.</summary>
    public bool IsCaseSensitive => AliasKeys.IsAcronym(Text);
}

/// <summary>The kinds of entity the KB holds.</summary>
public enum KbEntityKind { Country, Territory, HistoricalState, Organization, Group, Person }

/// <summary>Common fields of every KB entity. Ids are unique across the whole KB.</summary>
public abstract record KbEntity
{
    public required string Id { get; init; }
    public required string Name { get; init; }
    public required KbEntityKind Kind { get; init; }
    public ImmutableArray<KbAlias> Aliases { get; init; } = [];
    public bool Uncertain { get; init; }
    public string? Note { get; init; }
    public KbSource Source { get; init; }
}

/// <summary>A sovereign state, a dependent territory or a historical state. <see cref="KbEntity.Id"/> is the ISO 3166-1 alpha-3 code (or the CAMEO code for states without one).</summary>
public sealed record KbCountry : KbEntity
{
    /// <summary>The CAMEO/Phoenix country code: the alpha-3 code unless CAMEO differs (Kosovo: KSV).</summary>
    public required string Cameo { get; init; }
    public string? Alpha2 { get; init; }
    public string? Capital { get; init; }
    /// <summary>CAMEO region code (e.g. EEU, MEA), when set.</summary>
    public string? Region { get; init; }
    /// <summary>For a territory: the state it belongs to or is administered by.</summary>
    public string? Sovereign { get; init; }
    /// <summary>For a historical state: its existence; successors.</summary>
    public KbDate? From { get; init; }
    public KbDate? To { get; init; }
    public ImmutableArray<string> Successors { get; init; } = [];
    /// <summary>Older codes other systems use for the same country (Romania: ROM in the CAMEO 1.1 manual).</summary>
    public ImmutableArray<string> LegacyCodes { get; init; } = [];
}

/// <summary>An international organization (igos.yaml) or a non-state armed or political group (groups.yaml).</summary>
public sealed record KbOrganization : KbEntity
{
    /// <summary>The CAMEO-style code of the body as a whole: IGOUNO, IGOWSTNAT, PSEREB, IMGMUSALQ.</summary>
    public required string Code { get; init; }
    /// <summary>Home country of a group (ISO alpha-3), if it has one.</summary>
    public string? Country { get; init; }
    /// <summary>CAMEO type of a group: REB, INS, SEP, UAF, IMG, OPP, PTY, …</summary>
    public string? Type { get; init; }
    public string? Region { get; init; }
    /// <summary>The body this one belongs to (the UN Security Council's parent is the UN).</summary>
    public string? Parent { get; init; }
    public KbDate? From { get; init; }
    public KbDate? To { get; init; }
    public ImmutableArray<string> Countries { get; init; } = [];
}

/// <summary>A person with dated roles.</summary>
public sealed record KbPerson : KbEntity
{
    public ImmutableArray<KbRole> Roles { get; init; } = [];
    /// <summary>'m' or 'f' where the KB gives it ("he" or "she" may stand for the person), '\0' where it does not.</summary>
    public char Gender { get; init; }
}

/// <summary>
/// A dated role. Held on dates d with <c>Start.Earliest ≤ d &lt; End</c>, where a full end date is the day the role
/// ended (usually the successor's first day) and a partial end date (YYYY or YYYY-MM) covers its whole period.
/// A missing start means "before the KB's horizon"; a missing end means "still held".
/// </summary>
public sealed record KbRole
{
    /// <summary>Country (alpha-3) of the role, for state roles.</summary>
    public string? Country { get; init; }
    /// <summary>Organization or group id, for roles in an IGO or group.</summary>
    public string? Org { get; init; }
    /// <summary>CAMEO sector: GOV, MIL, SPY, JUD, LEG, OPP, …</summary>
    public string? Sector { get; init; }
    public required string Title { get; init; }
    /// <summary>Single-holder office key, e.g. "USA.president"; two roles of one office must not overlap.</summary>
    public string? Office { get; init; }
    public KbDate? Start { get; init; }
    public KbDate? End { get; init; }
    /// <summary>Acting or interim holder.</summary>
    public bool Acting { get; init; }
    public bool Uncertain { get; init; }
    public string? Note { get; init; }
    public KbSource Source { get; init; }

    /// <summary>True when the role is held on <paramref name="date"/>.</summary>
    public bool IsHeldOn(DateOnly date) =>
        (Start is not { } s || s.Earliest <= date) && (End is not { } e || date < EndExclusive(e));

    /// <summary>A full end date is the first day no longer held; a partial one covers its whole period.</summary>
    internal static DateOnly EndExclusive(KbDate e) => e.Precision == KbDatePrecision.Day ? e.Earliest : e.ExclusiveEnd;
}

/// <summary>A role or title noun and the CAMEO code it contributes ("troops" → MIL, "spokesperson" → GOV).</summary>
public sealed record KbAgent(string Term, string Code, KbSource Source);

/// <summary>One code of the CAMEO actor codebook as shipped in data/kb/cameo-actor-types.yaml.</summary>
public sealed record CameoActorType(string Code, string Kind, string Description);
