using System.ComponentModel;
using System.Globalization;
using Sitrep.Cli.Output;
using Sitrep.Storage;
using Sitrep.Storage.Export;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Sitrep.Cli.Commands.Store;

/// <summary><c>sitrep series</c>: events per day, week or month, counted by quad class, with summed Goldstein scores.</summary>
public sealed class SeriesCommand : Command<SeriesCommand.Settings>
{
    public sealed class Settings : EventFilterSettings
    {
        [CommandOption("--by <PERIOD>")]
        [Description("day, week (ISO weeks) or month. Default: week")]
        [DefaultValue("week")]
        public string By { get; init; } = "week";

        [CommandOption("--undirected")]
        [Description("With --dyad: count both directions.")]
        public bool Undirected { get; init; }

        public override ValidationResult Validate()
        {
            if (By is not ("day" or "week" or "month")) return ValidationResult.Error("--by must be day, week or month.");
            return base.Validate();
        }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        StartupTrace.Mark("series: execute");
        using var store = StoreAccess.OpenExisting(settings.Db);
        if (store is null) return ExitCodes.NotFound;
        StartupTrace.Mark("series: store open");
        var by = settings.By switch { "day" => SeriesPeriod.Day, "month" => SeriesPeriod.Month, _ => SeriesPeriod.Week };
        var points = store.Series(settings.ToQuery() with { Undirected = settings.Undirected }, by);
        StartupTrace.Mark("series: queried");
        var subject = settings.Dyad ?? settings.Actor ?? "all events";
        var inv = CultureInfo.InvariantCulture;
        if (settings.Json)
        {
            JsonOutput.Write(Console.Out, w =>
            {
                w.WriteStartArray();
                foreach (var p in points) QueryJson.WriteSeriesPoint(w, p);
                w.WriteEndArray();
            });
        }
        else if (settings.Csv)
        {
            CsvTables.Write(Console.Out, ["period", "events", "verbal_cooperation", "material_cooperation", "verbal_conflict", "material_conflict", "goldstein", "mentions"],
                points.Select(p => (IReadOnlyList<string?>)[p.Period, p.Events.ToString(inv), p.VerbalCooperation.ToString(inv), p.MaterialCooperation.ToString(inv),
                    p.VerbalConflict.ToString(inv), p.MaterialConflict.ToString(inv), p.Goldstein.ToString("0.0###", inv), p.Mentions.ToString(inv)]));
        }
        else EventViews.WriteSeries(Console.Out, subject + " by " + settings.By, points);
        StartupTrace.Mark("series: written");
        return ExitCodes.Ok;
    }
}
