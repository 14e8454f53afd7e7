using System.Globalization;
using Sitrep.Storage;
using Spectre.Console;

namespace Sitrep.Cli.Commands.Store;

/// <summary>Terminal tables for merged events, timelines, series and claims.</summary>
public static class EventViews
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static void WriteEvents(IAnsiConsole console, IReadOnlyList<EventRow> events)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(events);
        var table = new Table().Border(TableBorder.Simple);
        table.AddColumn("id").AddColumn("date").AddColumn("source").AddColumn("cameo").AddColumn("target").AddColumn("quad").AddColumn("goldstein")
            .AddColumn("modality").AddColumn("mentions").AddColumn("sources").AddColumn("articles").AddColumn("evidence");
        foreach (var e in events)
            table.AddRow(e.Id.ToString(Inv), Markup.Escape(e.DateValue), Markup.Escape(Actor(e.Source)), e.Cameo, Markup.Escape(Actor(e.Target)),
                e.QuadClass.ToString(Inv), e.Goldstein.ToString("0.0", Inv), e.Modality, e.NumMentions.ToString(Inv), e.NumSources.ToString(Inv),
                e.NumArticles.ToString(Inv), Markup.Escape(Truncate(e.Evidence, 70)));
        console.Write(table);
        console.MarkupLine($"[grey]{events.Count} event(s)[/]");
    }

    public static void WriteTimeline(IAnsiConsole console, string subject, IReadOnlyList<EventRow> events)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(events);
        var table = new Table().Border(TableBorder.Simple).Title($"Timeline: {Markup.Escape(subject)}");
        table.AddColumn("date").AddColumn("event").AddColumn("modality").AddColumn("according to").AddColumn("articles").AddColumn("evidence");
        foreach (var e in events)
            table.AddRow(Markup.Escape(e.DateValue), Markup.Escape($"{Actor(e.Source)} → {e.Cameo} → {Actor(e.Target)}"), e.Modality,
                Markup.Escape(e.Attribution), e.NumArticles.ToString(Inv), Markup.Escape(e.Evidence));
        console.Write(table);
        console.MarkupLine($"[grey]{events.Count} dated event(s)[/]");
    }

    public static void WriteSeries(IAnsiConsole console, string subject, IReadOnlyList<SeriesPoint> points)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(points);
        var table = new Table().Border(TableBorder.Simple).Title($"Series: {Markup.Escape(subject)}");
        table.AddColumn("period").AddColumn(new TableColumn("events").RightAligned()).AddColumn(new TableColumn("verbal coop.").RightAligned())
            .AddColumn(new TableColumn("material coop.").RightAligned()).AddColumn(new TableColumn("verbal conflict").RightAligned())
            .AddColumn(new TableColumn("material conflict").RightAligned()).AddColumn(new TableColumn("Goldstein").RightAligned()).AddColumn(new TableColumn("mentions").RightAligned());
        foreach (var p in points)
            table.AddRow(p.Period, p.Events.ToString(Inv), p.VerbalCooperation.ToString(Inv), p.MaterialCooperation.ToString(Inv), p.VerbalConflict.ToString(Inv),
                p.MaterialConflict.ToString(Inv), p.Goldstein.ToString("0.0", Inv), p.Mentions.ToString(Inv));
        console.Write(table);
    }

    public static void WriteClaims(IAnsiConsole console, IReadOnlyList<ClaimRow> claims)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(claims);
        var table = new Table().Border(TableBorder.Simple);
        table.AddColumn("stance").AddColumn("who").AddColumn("event").AddColumn("date").AddColumn("through").AddColumn("outlet").AddColumn("evidence");
        foreach (var c in claims)
        {
            var who = c.ClaimantName is { } n ? $"{n} ({c.ClaimantCode})" : c.ClaimantCode ?? "";
            var ev = $"#{c.EventId} {c.SourceCode} → {c.Cameo} → {c.TargetCode}";
            if (c.About.Count > 0) ev += " (about " + string.Join(", ", c.About.Select(a => "#" + a.ToString(Inv))) + ")";
            table.AddRow(c.Stance, Markup.Escape(who), Markup.Escape(ev), Markup.Escape(c.DateValue), Markup.Escape(c.Sources), Markup.Escape(c.Outlet),
                Markup.Escape(Truncate(c.Evidence, 80)));
        }
        console.Write(table);
        console.MarkupLine($"[grey]{claims.Count} claim(s)[/]");
    }

    public static string Actor(EventActor a) => a.Code.Length == 0 ? "—" : a.Name is { } n ? $"{a.Code} ({n})" : a.Code;

    public static string Truncate(string s, int n) => s.Length <= n ? s : string.Concat(s.AsSpan(0, n - 1), "…");
}
