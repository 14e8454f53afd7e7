using System.ComponentModel;
using System.Globalization;
using Sitrep.Cli.Output;
using Sitrep.Core;
using Sitrep.Storage;
using Sitrep.Storage.Export;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Sitrep.Cli.Commands;

public sealed class DocsCommand : Command<DocsCommand.Settings>
{
    public sealed class Settings : StoreSettings
    {
        [CommandOption("--language <CODE>")]
        [Description("Identified language (ISO 639-1), e.g. en, de.")]
        public string? Language { get; init; }

        [CommandOption("--site <SITE>")]
        [Description("Site name or host.")]
        public string? Site { get; init; }

        [CommandOption("--format <FORMAT>")]
        [Description("Source format: text, html, jsonl, rss, warc.")]
        public string? Format { get; init; }

        [CommandOption("--from <DATE>")]
        [Description("Published on or after this date (YYYY-MM-DD, the source's local day).")]
        public string? From { get; init; }

        [CommandOption("--to <DATE>")]
        [Description("Published on or before this date.")]
        public string? To { get; init; }

        [CommandOption("--contains <TEXT>")]
        [Description("Title or body contains this text.")]
        public string? Contains { get; init; }

        [CommandOption("--no-duplicates")]
        [Description("Hide documents linked as duplicates or near-duplicates.")]
        public bool NoDuplicates { get; init; }

        [CommandOption("--all-versions")]
        [Description("Include superseded versions of pages that changed.")]
        public bool AllVersions { get; init; }

        [CommandOption("--with-issues")]
        [Description("Only documents stored with warnings.")]
        public bool WithIssues { get; init; }

        [CommandOption("--limit <N>")]
        [DefaultValue(100)]
        public int Limit { get; init; } = 100;

        [CommandOption("--offset <N>")]
        [DefaultValue(0)]
        public int Offset { get; init; }
    }

    public override ValidationResult Validate(CommandContext context, Settings settings)
    {
        if (settings.From is not null && !DateOnly.TryParseExact(settings.From, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
            return ValidationResult.Error("--from must be YYYY-MM-DD.");
        if (settings.To is not null && !DateOnly.TryParseExact(settings.To, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
            return ValidationResult.Error("--to must be YYYY-MM-DD.");
        if (settings.Format is not null && settings.Format is not ("text" or "html" or "jsonl" or "rss" or "warc"))
            return ValidationResult.Error("--format must be one of text, html, jsonl, rss, warc.");
        if (settings.Limit <= 0) return ValidationResult.Error("--limit must be positive.");
        return ValidationResult.Success();
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        if (!File.Exists(settings.Db))
        {
            Console.Error.WriteLine($"sitrep: no store at {settings.Db}; run 'sitrep ingest' first or pass --db.");
            return ExitCodes.NotFound;
        }
        using var store = SitrepStore.Open(settings.Db);
        var query = new DocumentQuery
        {
            Language = settings.Language,
            Site = settings.Site,
            SourceFormat = settings.Format is null ? null : SourceFormatNames.Parse(settings.Format),
            PublishedFrom = settings.From is null ? null : DateOnly.ParseExact(settings.From, "yyyy-MM-dd", CultureInfo.InvariantCulture),
            PublishedTo = settings.To is null ? null : DateOnly.ParseExact(settings.To, "yyyy-MM-dd", CultureInfo.InvariantCulture),
            TextContains = settings.Contains,
            IncludeDuplicates = !settings.NoDuplicates,
            AllVersions = settings.AllVersions,
            WithIssuesOnly = settings.WithIssues,
            Limit = settings.Limit,
            Offset = settings.Offset,
        };
        var docs = store.ListDocuments(query);
        if (settings.Json)
        {
            JsonOutput.Write(Console.Out, w =>
            {
                w.WriteStartArray();
                foreach (var d in docs) QueryJson.WriteDocumentSummary(w, d);
                w.WriteEndArray();
            });
        }
        else
        {
            Tables.WriteDocuments(Consoles.Out, docs);
        }
        return ExitCodes.Ok;
    }
}
