using System.ComponentModel;
using Sitrep.Cli.Analysis;
using Sitrep.Cli.Output;
using Sitrep.Core;
using Sitrep.Storage;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Sitrep.Cli.Commands.Store;

/// <summary>
/// <c>sitrep reprocess</c>: re-analyses stored documents (from their stored raw input and clean text) whose analysis
/// was made by other model or dictionary versions than the current ones, or never made; each document in its own
/// transaction, its events merged again.
/// </summary>
public sealed class ReprocessCommand : Command<ReprocessCommand.Settings>
{
    public sealed class Settings : StoreSettings
    {
        [CommandOption("--since <VERSION>")]
        [Description("Also re-analyse documents analysed by a Sitrep older than this version (e.g. 0.2.0), even if their model versions are current.")]
        public string? Since { get; init; }

        [CommandOption("--dry-run")]
        [Description("Only count the documents that would be re-analysed.")]
        public bool DryRun { get; init; }

        public override ValidationResult Validate() =>
            Since is not null && !Version.TryParse(Since, out _) ? ValidationResult.Error("--since must be a version such as 0.2.0.") : ValidationResult.Success();
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        using var store = StoreAccess.OpenExisting(settings.Db);
        if (store is null) return ExitCodes.NotFound;
        var analysis = AnalysisPipeline.Default;
        var stale = store.DocumentsToReanalyse(analysis.Versions, settings.Since);
        int done = 0, failed = 0;
        var before = store.AnalysisCounts();
        if (!settings.DryRun)
        {
            foreach (var id in stale)
            {
                cancellationToken.ThrowIfCancellationRequested();
                try
                {
                    var stored = store.GetDocument(id)!;
                    var doc = analysis.Pipeline.Run(stored.ToDocument(), cancellationToken);
                    store.ReplaceAnalysis(id, doc, analysis.Versions);
                    done++;
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    failed++;
                    Console.Error.WriteLine($"sitrep: {id}: {ErrorCodes.StoreFailed} {e.Message}");
                }
            }
        }
        var after = store.AnalysisCounts();
        if (settings.Json)
        {
            JsonOutput.Write(Console.Out, w =>
            {
                w.WriteStartObject();
                w.WriteNumber("stale", stale.Count);
                w.WriteNumber("reprocessed", done);
                w.WriteNumber("failed", failed);
                w.WriteNumber("events_before", before["event_clusters"]);
                w.WriteNumber("events_after", after["event_clusters"]);
                w.WriteNumber("mentions_before", before["events"]);
                w.WriteNumber("mentions_after", after["events"]);
                w.WriteEndObject();
            });
        }
        else
        {
            var table = new Table().Border(TableBorder.Rounded).Title("Reprocess");
            table.AddColumn("stale").AddColumn("reprocessed").AddColumn("failed").AddColumn("events before → after").AddColumn("mentions before → after");
            table.AddRow(stale.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), done.ToString(System.Globalization.CultureInfo.InvariantCulture),
                failed.ToString(System.Globalization.CultureInfo.InvariantCulture), $"{before["event_clusters"]} → {after["event_clusters"]}", $"{before["events"]} → {after["events"]}");
            Consoles.Out.Write(table);
        }
        return failed > 0 ? ExitCodes.SomeInputsFailed : ExitCodes.Ok;
    }
}
