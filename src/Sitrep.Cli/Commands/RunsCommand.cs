using System.Globalization;
using Sitrep.Cli.Output;
using Sitrep.Storage.Export;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Sitrep.Cli.Commands;

/// <summary><c>sitrep runs</c>: the store's ingest and merge runs, what each stored, and whether it finished.</summary>
public sealed class RunsCommand : Command<StoreSettings>
{
    public override int Execute(CommandContext context, StoreSettings settings, CancellationToken cancellationToken)
    {
        using var store = Store.StoreAccess.OpenExisting(settings.Db);
        if (store is null) return ExitCodes.NotFound;
        var runs = store.ListIngestRuns();
        if (settings.Json)
        {
            JsonOutput.Write(Console.Out, w =>
            {
                w.WriteStartArray();
                foreach (var r in runs) QueryJson.WriteIngestRun(w, r);
                w.WriteEndArray();
            });
            return ExitCodes.Ok;
        }
        var table = new Table().Border(TableBorder.Simple);
        table.AddColumn("run").AddColumn("started").AddColumn("status").AddColumn("inputs").AddColumn("new").AddColumn("unchanged")
            .AddColumn("duplicate").AddColumn("near-dup.").AddColumn("version").AddColumn("failed").AddColumn("arguments");
        static string N(int? n) => n?.ToString(CultureInfo.InvariantCulture) ?? "?";
        foreach (var r in runs)
        {
            var c = r.Counts;
            var status = QueryJson.RunStatus(r);
            table.AddRow(r.Id.ToString(CultureInfo.InvariantCulture), r.StartedAt.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
                status == "finished" ? status : $"[yellow]{status}[/]", N(c?.Inputs), N(c?.New), N(c?.Unchanged), N(c?.ExactDuplicates),
                N(c?.NearDuplicates), N(c?.NewVersions), N(c?.Errors), Markup.Escape(r.Arguments.Length <= 80 ? r.Arguments : r.Arguments[..79] + "…"));
        }
        Consoles.Out.Write(table);
        Consoles.Out.MarkupLine($"[grey]{runs.Count} run(s)[/]");
        return ExitCodes.Ok;
    }
}
