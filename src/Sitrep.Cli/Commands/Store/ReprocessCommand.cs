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

        [CommandOption("--jobs <N>")]
        [Description("Analyse on this many threads; the store is read and written on one, in document order. Default: one per core")]
        public int? Jobs { get; init; }

        [CommandOption("--dry-run")]
        [Description("Only count the documents that would be re-analysed.")]
        public bool DryRun { get; init; }

        public override ValidationResult Validate() =>
            Since is not null && !Version.TryParse(Since, out _) ? ValidationResult.Error("--since must be a version such as 0.2.0.")
            : Jobs is < 1 or > 256 ? ValidationResult.Error("--jobs must be between 1 and 256.")
            : ValidationResult.Success();
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        using var interruption = new Interruption(cancellationToken);
        cancellationToken = interruption.Token;
        using var store = StoreAccess.OpenExisting(settings.Db);
        if (store is null) return ExitCodes.NotFound;
        var analysis = AnalysisPipeline.Default;
        var stale = store.DocumentsToReanalyse(analysis.Versions, settings.Since);
        int done = 0, failed = 0;
        var before = store.AnalysisCounts();
        bool interrupted = false;
        if (!settings.DryRun)
        {
            try
            {
                Reanalyse();
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                // Each document is replaced in its own transaction: those done stay, the rest stay stale for the next run.
                interrupted = true;
            }
        }

        // The store's connection is used on this thread only: documents are read in chunks, analysed on `jobs` threads,
        // and written back in order.
        void Reanalyse()
        {
            int jobs = settings.Jobs ?? OrderedParallel.DefaultJobs;
            foreach (var chunk in stale.Chunk(4 * jobs))
            {
                cancellationToken.ThrowIfCancellationRequested();
                var loaded = new List<(string Id, Document? Document, Exception? Error)>(chunk.Length);
                foreach (var id in chunk)
                {
                    try { loaded.Add((id, store.GetDocument(id)!.ToDocument(), null)); }
                    catch (Exception e) when (e is not OperationCanceledException) { loaded.Add((id, null, e)); }
                }
                var analysed = OrderedParallel.Map(loaded,
                    item => item.Document is null ? item : item with { Document = analysis.Pipeline.Run(item.Document, cancellationToken) }, jobs, cancellationToken);
                foreach (var (id, doc, readError) in analysed)
                {
                    var error = readError;
                    try
                    {
                        if (doc is not null)
                        {
                            store.ReplaceAnalysis(id, doc, analysis.Versions);
                            done++;
                            continue;
                        }
                    }
                    catch (Exception e) when (e is not OperationCanceledException)
                    {
                        error = e;
                    }
                    failed++;
                    Console.Error.WriteLine($"sitrep: {id}: {ErrorCodes.StoreFailed} {error!.Message}");
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
                if (interrupted) w.WriteBoolean("interrupted", true);
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
        if (interrupted)
        {
            Console.Error.WriteLine($"sitrep: interrupted after {done} of {stale.Count} document(s); run reprocess again to finish.");
            return ExitCodes.Interrupted;
        }
        return failed > 0 ? ExitCodes.SomeInputsFailed : ExitCodes.Ok;
    }
}
