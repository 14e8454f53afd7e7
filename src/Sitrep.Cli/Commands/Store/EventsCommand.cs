using System.ComponentModel;
using Sitrep.Cli.Output;
using Sitrep.Storage;
using Sitrep.Storage.Export;
using Spectre.Console.Cli;

namespace Sitrep.Cli.Commands.Store;

/// <summary><c>sitrep events</c>: merged events with their counts, filtered.</summary>
public sealed class EventsCommand : Command<EventsCommand.Settings>
{
    public sealed class Settings : EventFilterSettings
    {
        [CommandOption("--limit <N>")]
        [DefaultValue(100)]
        public int Limit { get; init; } = 100;

        [CommandOption("--offset <N>")]
        [DefaultValue(0)]
        public int Offset { get; init; }

        [CommandOption("--mentions")]
        [Description("With --json: each event's mentions (document, outlet, sentence, attribution).")]
        public bool Mentions { get; init; }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        StartupTrace.Mark("events: execute");
        using var store = StoreAccess.OpenExisting(settings.Db);
        if (store is null) return ExitCodes.NotFound;
        StartupTrace.Mark("events: store open");
        var query = settings.ToQuery(settings.Limit, settings.Offset);
        var events = store.ListEvents(query);
        StartupTrace.Mark("events: queried");
        if (settings.Json)
            EventJson.WriteArray(Console.Out, events, settings.Mentions ? store.ListMentions(query).ToLookup(m => m.EventId) : null);
        else if (settings.Csv)
            CsvTables.Write(Console.Out, CsvTables.EventHeader, events.Select(CsvTables.EventFields));
        else
            EventViews.WriteEvents(Console.Out, events);
        StartupTrace.Mark("events: written");
        return ExitCodes.Ok;
    }
}
