using System.ComponentModel;
using Sitrep.Storage;
using Sitrep.Storage.Export;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Sitrep.Cli.Commands.Store;

/// <summary><c>sitrep export</c>: merged events as GDELT 2.0 TSV (events or mentions), PLOVER JSON, CSV, JSON Lines, Parquet or a GraphML actor network.</summary>
public sealed class ExportCommand : Command<ExportCommand.Settings>
{
    public sealed class Settings : EventFilterSettings
    {
        [CommandOption("--format <FORMAT>")]
        [Description("gdelt, gdelt-mentions, plover, csv, jsonl, parquet or graphml.")]
        public string Format { get; init; } = "";

        [CommandOption("--out <FILE>")]
        [Description("Write here instead of standard output (required for parquet).")]
        public string? Out { get; init; }

        [CommandOption("--mentions-out <FILE>")]
        [Description("With --format gdelt: also write the GDELT Mentions table to this file.")]
        public string? MentionsOut { get; init; }

        [CommandOption("--header")]
        [Description("With gdelt formats: a first line with the column names (GDELT's own files have none).")]
        public bool Header { get; init; }

        [CommandOption("--limit <N>")]
        [Description("At most this many events. Default: all")]
        public int? Limit { get; init; }

        public override ValidationResult Validate()
        {
            if (!EventExport.TryParse(Format, out var f)) return ValidationResult.Error("--format must be gdelt, gdelt-mentions, plover, csv, jsonl, parquet or graphml.");
            if (f == ExportFormat.Parquet && Out is null) return ValidationResult.Error("--format parquet needs --out FILE.");
            if (MentionsOut is not null && f != ExportFormat.Gdelt) return ValidationResult.Error("--mentions-out goes with --format gdelt.");
            return base.Validate();
        }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        using var store = StoreAccess.OpenExisting(settings.Db);
        if (store is null) return ExitCodes.NotFound;
        EventExport.TryParse(settings.Format, out var format);
        var query = settings.ToQuery(settings.Limit ?? -1);
        int count;
        if (settings.Out is null)
        {
            count = EventExport.Write(store, query, format, Console.Out, settings.Header);
            Console.Out.Flush();
        }
        else
        {
            using (var file = File.Create(settings.Out)) count = EventExport.Write(store, query, format, file, settings.Header);
            Console.Error.WriteLine($"sitrep: wrote {count} record(s) to {settings.Out}");
        }
        if (settings.MentionsOut is not null)
        {
            using var file = File.Create(settings.MentionsOut);
            int mentions = EventExport.Write(store, query, ExportFormat.GdeltMentions, file, settings.Header);
            Console.Error.WriteLine($"sitrep: wrote {mentions} mention(s) to {settings.MentionsOut}");
        }
        return ExitCodes.Ok;
    }
}
