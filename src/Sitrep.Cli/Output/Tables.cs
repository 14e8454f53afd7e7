using Sitrep.Cli.Ingestion;
using Sitrep.Core;
using Sitrep.Storage;
using Spectre.Console;

namespace Sitrep.Cli.Output;

/// <summary>Human-readable tables for the terminal.</summary>
public static class Tables
{
    public static void WriteIngestSummary(IAnsiConsole console, IngestSummary s, string db)
    {
        var c = s.Counts;
        var table = new Table().Border(TableBorder.Rounded).Title($"Ingest run {s.RunId} → {Markup.Escape(db)}");
        table.AddColumn("inputs").AddColumn("new").AddColumn("unchanged").AddColumn("duplicate").AddColumn("near-duplicate").AddColumn("new version").AddColumn("failed").AddColumn("warnings");
        table.AddRow(c.Inputs.ToString(Inv), c.New.ToString(Inv), c.Unchanged.ToString(Inv), c.ExactDuplicates.ToString(Inv), c.NearDuplicates.ToString(Inv),
            c.NewVersions.ToString(Inv), c.Errors > 0 ? $"[red]{c.Errors}[/]" : "0", c.Warnings.ToString(Inv));
        console.Write(table);
        foreach (var k in s.Skipped)
            console.MarkupLine($"[grey]skipped {Markup.Escape(k.Origin)}: {Markup.Escape(k.SkipReason ?? "")}[/]");
        var failures = s.Failures.ToList();
        if (failures.Count == 0) return;
        var ft = new Table().Border(TableBorder.Simple).Title("Failed inputs");
        ft.AddColumn("code").AddColumn("input").AddColumn("reason");
        foreach (var f in failures)
            ft.AddRow(f.Error!.Code, Markup.Escape(f.Origin), Markup.Escape(f.Error.Message));
        console.Write(ft);
    }

    public static void WriteDocuments(IAnsiConsole console, IReadOnlyList<StoredDocumentSummary> docs)
    {
        var table = new Table().Border(TableBorder.Simple);
        table.AddColumn("id").AddColumn("published").AddColumn("lang").AddColumn("site").AddColumn("title").AddColumn("status");
        foreach (var d in docs)
        {
            var status = d.DuplicateOf is { } dup ? $"{d.DuplicateKind} of {dup}" : d.Version > 1 ? $"version {d.Version}" : "";
            if (!d.IsLatest) status = (status + " superseded").Trim();
            if (d.IssueCount > 0) status = (status + $" {d.IssueCount} issue(s)").Trim();
            table.AddRow(d.Id, d.Published is { Length: >= 10 } p ? p[..10] : "", d.Language ?? "", Markup.Escape(Truncate(d.Site ?? "", 24)), Markup.Escape(Truncate(d.Title ?? Path.GetFileName(d.Origin), 70)), Markup.Escape(status));
        }
        console.Write(table);
        console.MarkupLine($"[grey]{docs.Count} document(s)[/]");
    }

    public static void WriteErrors(IAnsiConsole console, IReadOnlyList<StoredError> errors)
    {
        var table = new Table().Border(TableBorder.Simple);
        table.AddColumn("code").AddColumn("severity").AddColumn("input").AddColumn("message");
        foreach (var e in errors)
            table.AddRow(e.Code, e.Severity == ErrorSeverity.Error ? "error" : "warning", Markup.Escape(e.Origin), Markup.Escape(e.Message));
        console.Write(table);
        console.MarkupLine($"[grey]{errors.Count} error(s)[/]");
    }

    private static string Truncate(string s, int n) => s.Length <= n ? s : string.Concat(s.AsSpan(0, n - 1), "…");

    private static readonly IFormatProvider Inv = System.Globalization.CultureInfo.InvariantCulture;
}
