using System.Collections.Immutable;

namespace Sitrep.Actors.Places;

/// <summary>The kinds a place entry has; written as the record's <c>kind</c>.</summary>
public static class PlaceKinds
{
    public const string Country = "country";
    public const string Territory = "territory";
    public const string City = "city";
    public const string Region = "region";
    public const string Water = "water";
    public const string Island = "island";

    /// <summary>An organization's name or an institution's seat: matched only to keep the places inside it from matching; never output.</summary>
    public const string Blocker = "blocker";

    public static readonly ImmutableArray<string> All = [Country, Territory, City, Region, Water, Island];

    /// <summary>Countries and territories come from the knowledge base; the rest from data/places.</summary>
    public static bool IsCountry(string kind) => kind is Country or Territory;
}

/// <summary>Where an entry was read from, for lint messages.</summary>
public readonly record struct PlaceSource(string File, int Line)
{
    public override string ToString() => $"{File}:{Line}";
}

/// <summary>
/// One gazetteer entry. Ids: <c>iso:PRK</c> for countries (from the KB), <c>gn:1871859</c> for GeoNames cities,
/// <c>sitrep:korean-peninsula</c> for the hand-written regions and waters. <see cref="Countries"/> is empty for
/// international waters and regions spanning many countries, and lists the countries of a shared one.
/// </summary>
public sealed record PlaceEntry
{
    public required string Id { get; init; }
    public required string Name { get; init; }
    public required string Kind { get; init; }
    public ImmutableArray<string> Countries { get; init; } = [];
    public double? Lat { get; init; }
    public double? Lon { get; init; }
    public long Population { get; init; }
    /// <summary>GeoNames admin1 code (a US state's postal code, …), for "Paris, Texas".</summary>
    public string? Admin1 { get; init; }
    /// <summary>GeoNames feature code of a city (PPLC capital, PPLA, …).</summary>
    public string? Feature { get; init; }
    /// <summary>May be written in lowercase ("eastern waters"); otherwise the name's words must be capitalized.</summary>
    public bool AllowLowercase { get; init; }
    /// <summary>Only a place when one of these countries is otherwise mentioned in the document.</summary>
    public ImmutableArray<string> Context { get; init; } = [];
    public ImmutableArray<string> Aliases { get; init; } = [];
    public PlaceSource Source { get; init; }

    /// <summary>The single country, or null for none or several.</summary>
    public string? Country => Countries.Length == 1 ? Countries[0] : null;

    public bool IsCapital => Feature is "PPLC" or "PPLG";
}
