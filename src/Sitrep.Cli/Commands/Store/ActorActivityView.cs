using System.Globalization;
using Sitrep.Cli.Output;
using Sitrep.Storage;
using Sitrep.Storage.Export;
using Spectre.Console;

namespace Sitrep.Cli.Commands.Store;

/// <summary>
/// Store activity of actors (events as source and target, mentions, mean Goldstein, top dyads), for the
/// <c>sitrep actors</c> command: <see cref="Query"/> reads it, the Write methods render it as a table, JSON or CSV.
/// </summary>
public static class ActorActivityView
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static IReadOnlyList<ActorActivity> Query(SitrepStore store, EventQuery? filter = null, int limit = 50, int topDyads = 3)
    {
        ArgumentNullException.ThrowIfNull(store);
        return store.ListActorActivity(filter, limit, topDyads);
    }

    public static void WriteTable(IAnsiConsole console, IReadOnlyList<ActorActivity> actors)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(actors);
        var table = new Table().Border(TableBorder.Simple).Title("Actors by activity");
        table.AddColumn("actor").AddColumn("name").AddColumn(new TableColumn("as source").RightAligned()).AddColumn(new TableColumn("as target").RightAligned())
            .AddColumn(new TableColumn("mentions").RightAligned()).AddColumn(new TableColumn("mean Goldstein").RightAligned()).AddColumn("top dyads");
        foreach (var a in actors)
            table.AddRow(Markup.Escape(a.Code), Markup.Escape(a.Name ?? ""), a.AsSource.ToString(Inv), a.AsTarget.ToString(Inv), a.Mentions.ToString(Inv),
                a.MeanGoldstein.ToString("0.0", Inv), Markup.Escape(Dyads(a)));
        console.Write(table);
        console.MarkupLine($"[grey]{actors.Count} actor(s)[/]");
    }

    public static void WriteJson(TextWriter output, IReadOnlyList<ActorActivity> actors) => JsonOutput.Write(output, w =>
    {
        w.WriteStartArray();
        foreach (var a in actors) QueryJson.WriteActorActivity(w, a);
        w.WriteEndArray();
    });

    public static void WriteCsv(TextWriter output, IReadOnlyList<ActorActivity> actors) =>
        CsvTables.Write(output, ["code", "name", "as_source", "as_target", "mentions", "mean_goldstein", "top_dyads"],
            actors.Select(a => (IReadOnlyList<string?>)[a.Code, a.Name, a.AsSource.ToString(Inv), a.AsTarget.ToString(Inv), a.Mentions.ToString(Inv),
                a.MeanGoldstein.ToString("0.0###", Inv), Dyads(a)]));

    private static string Dyads(ActorActivity a) => string.Join(", ", a.TopDyads.Select(d => $"{d.Source}-{d.Target} ({d.Events})"));
}
