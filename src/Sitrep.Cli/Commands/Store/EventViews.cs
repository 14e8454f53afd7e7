using System.Globalization;
using Sitrep.Cli.Output;
using Sitrep.Storage;
using Spectre.Console;

namespace Sitrep.Cli.Commands.Store;

/// <summary>Terminal tables for merged events, timelines, series and claims.</summary>
public static class EventViews
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>Merged events as a plain table (no Spectre rendering: start-up time of <c>sitrep events</c>).</summary>
    public static void WriteEvents(TextWriter output, IReadOnlyList<EventRow> events)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(events);
        var table = new TextTable().Column("id").Column("date").Column("source").Column("cameo").Column("target").Column("quad").Column("goldstein")
            .Column("modality").Column("mentions").Column("sources").Column("articles").Column("evidence");
        foreach (var e in events)
            table.Row(e.Id.ToString(Inv), e.DateValue, Actor(e.Source), e.Cameo, Actor(e.Target),
                e.QuadClass.ToString(Inv), e.Goldstein.ToString("0.0", Inv), e.Modality, e.NumMentions.ToString(Inv), e.NumSources.ToString(Inv),
                e.NumArticles.ToString(Inv), Truncate(e.Evidence, 70));
        table.Write(output, events.Count.ToString(Inv) + " event(s)");
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

    /// <summary>A series as a plain table (no Spectre rendering: start-up time of <c>sitrep series</c>).</summary>
    public static void WriteSeries(TextWriter output, string subject, IReadOnlyList<SeriesPoint> points)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(points);
        var table = new TextTable("Series: " + subject).Column("period").Column("events", true).Column("verbal coop.", true)
            .Column("material coop.", true).Column("verbal conflict", true).Column("material conflict", true).Column("Goldstein", true).Column("mentions", true);
        foreach (var p in points)
            table.Row(p.Period, p.Events.ToString(Inv), p.VerbalCooperation.ToString(Inv), p.MaterialCooperation.ToString(Inv), p.VerbalConflict.ToString(Inv),
                p.MaterialConflict.ToString(Inv), p.Goldstein.ToString("0.0", Inv), p.Mentions.ToString(Inv));
        table.Write(output);
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
