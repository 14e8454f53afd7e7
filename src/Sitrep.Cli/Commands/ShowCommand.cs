using System.ComponentModel;
using Sitrep.Cli.Output;
using Sitrep.Core.Records;
using Sitrep.Ingest.Readers;
using Sitrep.Ingest.Stages;
using Sitrep.Storage;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Sitrep.Cli.Commands;

public sealed class ShowCommand : Command<ShowCommand.Settings>
{
    public sealed class Settings : StoreSettings
    {
        [CommandArgument(0, "<ID>")]
        [Description("Document id, as printed by 'sitrep docs'.")]
        public string Id { get; init; } = "";

        [CommandOption("--raw")]
        [Description("Print the raw input exactly as it was read (decoded text).")]
        public bool Raw { get; init; }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        if (!File.Exists(settings.Db))
        {
            Console.Error.WriteLine($"sitrep: no store at {settings.Db}.");
            return ExitCodes.NotFound;
        }
        using var store = SitrepStore.Open(settings.Db);
        var stored = store.GetDocument(settings.Id);
        if (stored is null)
        {
            Console.Error.WriteLine($"sitrep: no document '{settings.Id}' in {settings.Db}.");
            return ExitCodes.NotFound;
        }
        if (settings.Raw)
        {
            Console.Out.Write(stored.RawText);
            return ExitCodes.Ok;
        }
        if (settings.Json)
        {
            // The record as stored: every analysis layer read back, with the versions that made it (those of reading
            // alone for a document never analysed), as `sitrep annotate` printed it when it was ingested.
            var (doc, versions) = store.LoadAnalysedDocument(settings.Id)!;
            IReadOnlyDictionary<string, string> models = versions ?? ReadingVersions();
            Console.Out.WriteLine(DocumentRecordWriter.ToJson(doc, models, indented: true, Analysis.AnalysisPipeline.RecordLayerWriters));
            return ExitCodes.Ok;
        }
        var console = Consoles.Out;
        var m = stored.Metadata;
        var grid = new Grid().AddColumn(new GridColumn().NoWrap()).AddColumn();
        void Row(string k, string? v) { if (!string.IsNullOrEmpty(v)) grid.AddRow($"[grey]{k}[/]", Markup.Escape(v)); }
        Row("id", stored.Id);
        Row("title", m.Title);
        Row("url", m.Url);
        Row("site", m.Site);
        Row("author", m.Author);
        Row("published", m.Published is { } p ? $"{p.ToIso()}  ({m.PublishedSource})" : null);
        Row("modified", m.Modified is { } md ? $"{md.ToIso()}  ({m.ModifiedSource})" : null);
        Row("language", stored.Language is { } l ? $"{l.Code} ({l.Confidence:0.00}){(l.IsEnglish ? "" : " — not English: not analysed")}" : null);
        Row("format", $"{m.SourceFormat.ToString().ToLowerInvariant()} via {m.Reader}");
        Row("origin", m.Origin);
        Row("raw", $"{stored.RawText.Length} chars, sha256 {stored.RawSha256[..16]}…, {stored.RawEncoding}");
        Row("version", stored.Version > 1 || stored.NextVersionId is not null ? $"{stored.Version}{(stored.PreviousVersionId is { } pv ? $", previous {pv}" : "")}{(stored.NextVersionId is { } nv ? $", superseded by {nv}" : "")}" : null);
        Row("duplicate of", stored.DuplicateOf is { } d ? $"{d} ({stored.DuplicateKind}{(stored.Similarity is { } s ? $", similarity {s:0.00}" : "")})" : null);
        Row("duplicates", stored.Duplicates.Count > 0 ? string.Join(", ", stored.Duplicates) : null);
        foreach (var issue in stored.Issues) Row("issue", $"{issue.Code} {issue.Message}");
        console.Write(grid);
        console.WriteLine();
        console.Write(new Panel(Markup.Escape(stored.CleanText)).Header("clean text").Border(BoxBorder.Rounded));
        return ExitCodes.Ok;
    }

    private static Dictionary<string, string> ReadingVersions()
    {
        var models = new Dictionary<string, string>(ReaderRegistry.Versions, StringComparer.Ordinal);
        foreach (var (k, v) in IngestPipeline.Versions) models[k] = v;
        return models;
    }
}
