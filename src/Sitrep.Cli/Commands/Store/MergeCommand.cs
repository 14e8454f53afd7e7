using System.ComponentModel;
using System.Globalization;
using Sitrep.Cli.Output;
using Sitrep.Storage;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Sitrep.Cli.Commands.Store;

/// <summary>
/// <c>sitrep merge SHARD.db… [--db TARGET]</c>: brings stores ingested on other machines (each a part of the inputs) into
/// one, without analysing again: the documents with their stored analyses, run by run and in each store's order, so
/// that duplicates, versions, merged events, claims and stories come out as one machine ingesting the parts one after
/// the other would have made them.
/// </summary>
public sealed class MergeCommand : Command<MergeCommand.Settings>
{
    public sealed class Settings : StoreSettings
    {
        [CommandArgument(0, "<SHARDS>")]
        [Description("Stores to merge into --db, in this order (each made by 'sitrep ingest' on part of the inputs).")]
        public string[] Shards { get; init; } = [];

        [CommandOption("--no-progress")]
        [Description("Do not show a progress display.")]
        public bool NoProgress { get; init; }
    }

    public override ValidationResult Validate(CommandContext context, Settings settings)
    {
        if (settings.Shards.Length == 0) return ValidationResult.Error("Give at least one store to merge.");
        var target = Path.GetFullPath(settings.Db);
        if (settings.Shards.Any(s => string.Equals(Path.GetFullPath(s), target, StringComparison.Ordinal)))
            return ValidationResult.Error("A store cannot be merged into itself: --db names one of the stores to merge.");
        if (settings.Shards.Select(Path.GetFullPath).Distinct(StringComparer.Ordinal).Count() != settings.Shards.Length)
            return ValidationResult.Error("A store is named twice.");
        return ValidationResult.Success();
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        using var interruption = new Interruption(cancellationToken);
        cancellationToken = interruption.Token;
        // Every shard must exist before the target is touched: a typo must not leave half a merge.
        foreach (var shard in settings.Shards)
        {
            if (File.Exists(shard)) continue;
            Console.Error.WriteLine($"sitrep: no store at {shard}.");
            return ExitCodes.NotFound;
        }
        using var target = SitrepStore.Open(settings.Db);
        var summaries = new List<MergeSummary>();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        foreach (var path in settings.Shards)
        {
            using var shard = SitrepStore.Open(path);
            if (!settings.NoProgress && !settings.Json && !Console.IsErrorRedirected)
            {
                summaries.Add(Consoles.Error.Progress().Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn())
                    .Start(ctx =>
                    {
                        var task = ctx.AddTask("Merging " + Markup.Escape(Path.GetFileName(path)), maxValue: 1);
                        return StoreMerge.Merge(target, shard, path, (done, total) => { task.MaxValue = Math.Max(1, total); task.Value = done; }, cancellationToken);
                    }));
            }
            else
            {
                summaries.Add(StoreMerge.Merge(target, shard, path, null, cancellationToken));
            }
            if (summaries[^1].Interrupted) break;
        }
        clock.Stop();

        if (settings.Json)
        {
            JsonOutput.Write(Console.Out, w =>
            {
                w.WriteStartObject();
                w.WriteString("db", settings.Db);
                w.WriteStartArray("shards");
                foreach (var s in summaries)
                {
                    w.WriteStartObject();
                    w.WriteString("shard", s.Shard);
                    if (s.Interrupted) w.WriteBoolean("interrupted", true);
                    w.WriteStartArray("runs");
                    foreach (var (shardRun, run, counts) in s.Runs)
                    {
                        w.WriteStartObject();
                        w.WriteNumber("shard_run", shardRun);
                        w.WriteNumber("run", run);
                        JsonOutput.WriteCounts(w, counts);
                        w.WriteEndObject();
                    }
                    w.WriteEndArray();
                    w.WriteStartArray("skipped_runs");
                    foreach (var r in s.Skipped) w.WriteNumberValue(r);
                    w.WriteEndArray();
                    JsonOutput.WriteCounts(w, s.Total);
                    w.WriteEndObject();
                }
                w.WriteEndArray();
                w.WriteEndObject();
            });
        }
        else
        {
            var table = new Table().Border(TableBorder.Rounded).Title($"Merge → {Markup.Escape(settings.Db)}");
            table.AddColumn("store").AddColumn("runs").AddColumn("new").AddColumn("unchanged").AddColumn("duplicate").AddColumn("near-duplicate")
                .AddColumn("new version").AddColumn("failed inputs").AddColumn("warnings");
            foreach (var s in summaries)
            {
                var c = s.Total;
                table.AddRow(Markup.Escape(s.Shard), s.Skipped.Count == 0 ? N(s.Runs.Count) : $"{N(s.Runs.Count)} ({N(s.Skipped.Count)} had nothing new)", N(c.New), N(c.Unchanged), N(c.ExactDuplicates), N(c.NearDuplicates), N(c.NewVersions), N(c.Errors), N(c.Warnings));
            }
            Consoles.Out.Write(table);
            var documents = summaries.Sum(s => s.Total.New + s.Total.Unchanged + s.Total.ExactDuplicates + s.Total.NearDuplicates + s.Total.NewVersions);
            Consoles.Error.MarkupLine(string.Create(CultureInfo.InvariantCulture,
                $"[grey]{settings.Shards.Length} store(s), {documents} document(s) in {clock.Elapsed.TotalSeconds:F1} s[/]"));
        }
        if (summaries[^1].Interrupted)
        {
            Console.Error.WriteLine($"sitrep: interrupted while merging {summaries[^1].Shard}; what was merged stays. Run the same merge again to finish it.");
            return ExitCodes.Interrupted;
        }
        return ExitCodes.Ok;
    }

    private static string N(int n) => n.ToString(CultureInfo.InvariantCulture);
}
