using System.ComponentModel;
using Sitrep.Cli.Output;
using Sitrep.Storage;
using Sitrep.Storage.Export;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Sitrep.Cli.Commands.Store;

/// <summary><c>sitrep timeline ACTOR|DYAD</c>: dated events involving an actor (either role) or a dyad (either direction), in order, with their evidence.</summary>
public sealed class TimelineCommand : Command<TimelineCommand.Settings>
{
    public sealed class Settings : StoreSettings
    {
        [CommandArgument(0, "<ACTOR|DYAD>")]
        [Description("An actor code or name (PRK, RUSGOV, \"Kim Jong Un\") or a dyad (RUS-PRK, either direction).")]
        public string Subject { get; init; } = "";

        [CommandOption("--from <DATE>")]
        public string? From { get; init; }

        [CommandOption("--to <DATE>")]
        public string? To { get; init; }

        [CommandOption("--limit <N>")]
        [DefaultValue(1000)]
        public int Limit { get; init; } = 1000;

        [CommandOption("--csv")]
        [Description("Print CSV instead of a table.")]
        public bool Csv { get; init; }

        public override ValidationResult Validate()
        {
            if (string.IsNullOrWhiteSpace(Subject)) return ValidationResult.Error("Give an actor or a dyad.");
            if (From is not null && !EventFilterSettings.IsDate(From)) return ValidationResult.Error("--from must be YYYY-MM-DD.");
            if (To is not null && !EventFilterSettings.IsDate(To)) return ValidationResult.Error("--to must be YYYY-MM-DD.");
            return ValidationResult.Success();
        }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        using var store = StoreAccess.OpenExisting(settings.Db);
        if (store is null) return ExitCodes.NotFound;
        var query = Query(settings.Subject) with
        {
            DatedOnly = true,
            Limit = settings.Limit,
            From = settings.From is null ? null : DateOnly.ParseExact(settings.From, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            To = settings.To is null ? null : DateOnly.ParseExact(settings.To, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        };
        var events = store.ListEvents(query);
        if (settings.Json) EventJson.WriteArray(Console.Out, events, store.ListMentions(query).ToLookup(m => m.EventId));
        else if (settings.Csv) CsvTables.Write(Console.Out, CsvTables.EventHeader, events.Select(CsvTables.EventFields));
        else EventViews.WriteTimeline(Consoles.Out, settings.Subject, events);
        return ExitCodes.Ok;
    }

    /// <summary>A dyad (A-B) matches both directions; anything else is one actor in either role.</summary>
    public static EventQuery Query(string subject) =>
        EventFilterSettings.SplitDyad(subject) is { } d && SitrepStore.IsCode(d.Source) && SitrepStore.IsCode(d.Target)
            ? new EventQuery { Actor = d.Source, Target = d.Target, Undirected = true }
            : new EventQuery { Involving = subject };
}
