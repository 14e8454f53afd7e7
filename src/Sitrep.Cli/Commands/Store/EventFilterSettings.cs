using System.ComponentModel;
using System.Globalization;
using Sitrep.Storage;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Sitrep.Cli.Commands.Store;

/// <summary>The event filters shared by <c>events</c>, <c>series</c> and <c>export</c>.</summary>
public class EventFilterSettings : StoreSettings
{
    [CommandOption("--actor <CODE|NAME>")]
    [Description("Source actor (Actor1): a code (RUS matches every Russian actor, RUSGOV only that code) or a name.")]
    public string? Actor { get; init; }

    [CommandOption("--target <CODE|NAME>")]
    [Description("Target actor (Actor2): a code or a name.")]
    public string? Target { get; init; }

    [CommandOption("--dyad <SOURCE-TARGET>")]
    [Description("Source and target, e.g. RUS-PRK (directed).")]
    public string? Dyad { get; init; }

    [CommandOption("--cameo <CODE>")]
    [Description("CAMEO event code or prefix, e.g. 0231 or 023.")]
    public string? Cameo { get; init; }

    [CommandOption("--root <CODE>")]
    [Description("CAMEO root code, e.g. 19.")]
    public string? Root { get; init; }

    [CommandOption("--quad <1-4>")]
    [Description("Quad class: 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict.")]
    public int? Quad { get; init; }

    [CommandOption("--plover <TYPE>")]
    [Description("PLOVER event type, e.g. ASSAULT.")]
    public string? Plover { get; init; }

    [CommandOption("--modality <MODALITY>")]
    [Description("asserted, reported, alleged, denied, intended, requested, hypothetical or negated (any mention).")]
    public string? Modality { get; init; }

    [CommandOption("--from <DATE>")]
    [Description("Events on or after this day (YYYY-MM-DD).")]
    public string? From { get; init; }

    [CommandOption("--to <DATE>")]
    [Description("Events on or before this day (YYYY-MM-DD).")]
    public string? To { get; init; }

    [CommandOption("--place <NAME|ID|COUNTRY>")]
    [Description("Place of the event: name, place id or country code.")]
    public string? Place { get; init; }

    [CommandOption("--doc <ID>")]
    [Description("Events reported by this document.")]
    public string? Doc { get; init; }

    [CommandOption("--csv")]
    [Description("Print CSV instead of a table.")]
    public bool Csv { get; init; }

    public override ValidationResult Validate()
    {
        if (From is not null && !IsDate(From)) return ValidationResult.Error("--from must be YYYY-MM-DD.");
        if (To is not null && !IsDate(To)) return ValidationResult.Error("--to must be YYYY-MM-DD.");
        if (Quad is { } q && q is < 1 or > 4) return ValidationResult.Error("--quad must be 1, 2, 3 or 4.");
        if (Dyad is not null && SplitDyad(Dyad) is null) return ValidationResult.Error("--dyad must be SOURCE-TARGET, e.g. RUS-PRK.");
        if (Modality is not null && Modality.ToLowerInvariant() is not ("asserted" or "reported" or "alleged" or "denied" or "intended" or "requested" or "hypothetical" or "negated"))
            return ValidationResult.Error("--modality must be asserted, reported, alleged, denied, intended, requested, hypothetical or negated.");
        if (Json && Csv) return ValidationResult.Error("Give --json or --csv, not both.");
        return ValidationResult.Success();
    }

    public static bool IsDate(string s) => DateOnly.TryParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _);

    public static (string Source, string Target)? SplitDyad(string dyad) => EventQuery.SplitDyad(dyad);

    public EventQuery ToQuery(int limit = 100, int offset = 0)
    {
        var dyad = Dyad is null ? null : SplitDyad(Dyad);
        return new EventQuery
        {
            Actor = dyad?.Source ?? Actor,
            Target = dyad?.Target ?? Target,
            Cameo = Cameo,
            Root = Root,
            QuadClass = Quad,
            Plover = Plover,
            Modality = Modality,
            From = From is null ? null : DateOnly.ParseExact(From, "yyyy-MM-dd", CultureInfo.InvariantCulture),
            To = To is null ? null : DateOnly.ParseExact(To, "yyyy-MM-dd", CultureInfo.InvariantCulture),
            Place = Place,
            Document = Doc,
            Limit = limit,
            Offset = offset,
        };
    }
}

/// <summary>Opening an existing store for the read-only commands.</summary>
internal static class StoreAccess
{
    public static SitrepStore? OpenExisting(string db)
    {
        if (File.Exists(db)) return SitrepStore.Open(db);
        Console.Error.WriteLine($"sitrep: no store at {db}; run 'sitrep ingest' first or pass --db.");
        return null;
    }
}
