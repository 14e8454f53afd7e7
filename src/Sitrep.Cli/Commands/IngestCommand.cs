using System.ComponentModel;
using Sitrep.Cli.Ingestion;
using Sitrep.Cli.Output;
using Sitrep.Core;
using Sitrep.Ingest;
using Sitrep.Ingest.Input;
using Sitrep.Storage;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Sitrep.Cli.Commands;

public sealed class IngestCommand : Command<IngestCommand.Settings>
{
    public sealed class Settings : StoreSettings
    {
        [CommandArgument(0, "<INPUTS>")]
        [Description("Files, folders (recursive), http(s) URLs of pages or feeds, or '-' for stdin.")]
        public string[] Inputs { get; init; } = [];

        [CommandOption("--max-mb <MB>")]
        [Description("Refuse inputs larger than this many megabytes (after decompression). Default: 20")]
        [DefaultValue(20.0)]
        public double MaxMegabytes { get; init; } = 20;

        [CommandOption("--max-container-mb <MB>")]
        [Description("Refuse WARC, JSON Lines and feed files larger than this many megabytes; each document inside is still held to --max-mb. Default: 1024")]
        [DefaultValue(1024.0)]
        public double MaxContainerMegabytes { get; init; } = 1024;

        [CommandOption("--max-depth <N>")]
        [Description("Refuse HTML nested deeper than this. Default: 1024")]
        [DefaultValue(1024)]
        public int MaxDepth { get; init; } = 1024;

        [CommandOption("--timeout <SECONDS>")]
        [Description("Time-out for fetching a URL or feed. Default: 30")]
        [DefaultValue(30.0)]
        public double TimeoutSeconds { get; init; } = 30;

        [CommandOption("--text-field <NAMES>")]
        [Description("JSON Lines: comma-separated field names holding the article text, tried in order.")]
        public string? TextField { get; init; }

        [CommandOption("--html-field <NAMES>")]
        [Description("JSON Lines: field names holding the article HTML.")]
        public string? HtmlField { get; init; }

        [CommandOption("--url-field <NAMES>")]
        [Description("JSON Lines: field names holding the URL.")]
        public string? UrlField { get; init; }

        [CommandOption("--title-field <NAMES>")]
        [Description("JSON Lines: field names holding the title.")]
        public string? TitleField { get; init; }

        [CommandOption("--date-field <NAMES>")]
        [Description("JSON Lines: field names holding the publication date.")]
        public string? DateField { get; init; }

        [CommandOption("--ner <VARIANT>")]
        [Description("NER variant: sparse (default), minilm (MiniLM token vectors) or minilm-ft (fine-tuned MiniLM added to the default model; most accurate); both MiniLM variants are much slower. Stored layers record the variant.")]
        public string? Ner { get; init; }

        [CommandOption("--jobs <N>")]
        [Description("Analyse on this many threads (reading and the store write stay on one each; the store ends the same for any number). Default: one per core")]
        public int? Jobs { get; init; }

        [CommandOption("--fetches <N>")]
        [Description("http(s) inputs fetched at once, ahead of the one being read. Default: 8; 1 fetches one at a time")]
        [DefaultValue(InputCollector.DefaultConcurrentFetches)]
        public int Fetches { get; init; } = InputCollector.DefaultConcurrentFetches;

        [CommandOption("--shard <K/N>")]
        [Description("Ingest part K of N (the same inputs on N machines, then 'sitrep merge'): every N-th input from the K-th on, the others not even loaded; a dump, feed or WARC file is split every N-th document.")]
        public string? Shard { get; init; }

        [CommandOption("--no-progress")]
        [Description("Do not show a progress display.")]
        public bool NoProgress { get; init; }

        public ReaderOptions ToReaderOptions()
        {
            var fields = new JsonLinesFields();
            static IReadOnlyList<string>? Split(string? s) => s?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            fields = fields with
            {
                Text = Split(TextField) ?? fields.Text,
                Html = Split(HtmlField) ?? fields.Html,
                Url = Split(UrlField) ?? fields.Url,
                Title = Split(TitleField) ?? fields.Title,
                Published = Split(DateField) ?? fields.Published,
            };
            return new ReaderOptions
            {
                MaxBytes = (long)(MaxMegabytes * 1024 * 1024),
                MaxHtmlDepth = MaxDepth,
                FetchTimeout = TimeSpan.FromSeconds(TimeoutSeconds),
                JsonFields = fields,
            };
        }
    }

    public override ValidationResult Validate(CommandContext context, Settings settings)
    {
        if (settings.Inputs.Length == 0) return ValidationResult.Error("Give at least one input: a file, folder, URL or '-'.");
        if (settings.MaxMegabytes <= 0) return ValidationResult.Error("--max-mb must be positive.");
        if (settings.TimeoutSeconds <= 0) return ValidationResult.Error("--timeout must be positive.");
        if (settings.Jobs is < 1 or > 256) return ValidationResult.Error("--jobs must be between 1 and 256.");
        if (settings.Fetches is < 1 or > 64) return ValidationResult.Error("--fetches must be between 1 and 64.");
        if (settings.Shard is not null && !IngestShard.TryParse(settings.Shard, out _)) return ValidationResult.Error("--shard must be K/N with 1 ≤ K ≤ N ≤ 4096, such as 2/3.");
        if (settings.Ner is not (null or "sparse" or Sitrep.Nlp.Ner.Contextual.ContextualNerStage.Variant or Sitrep.Nlp.Ner.FineTuned.FineTunedNerStage.Variant))
            return ValidationResult.Error($"--ner: unknown variant '{settings.Ner}' (sparse, minilm or minilm-ft).");
        return ValidationResult.Success();
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        using var interruption = new Interruption(cancellationToken);
        cancellationToken = interruption.Token;
        StartupTrace.Mark("ingest: execute");
        using var store = SitrepStore.Open(settings.Db);
        StartupTrace.Mark("ingest: store open");
        var options = settings.ToReaderOptions();
        var loader = new InputLoader(options, maxContainerBytes: (long)(settings.MaxContainerMegabytes * 1024 * 1024));
        var runner = new IngestRunner(store, options, loader, analysis: settings.Ner is null or "" or "sparse" ? null : Analysis.AnalysisPipeline.For(settings.Ner),
            jobs: settings.Jobs ?? OrderedParallel.DefaultJobs,
            fetches: settings.Fetches,
            shard: settings.Shard is not null && IngestShard.TryParse(settings.Shard, out var shard) ? shard : null);
        StartupTrace.Mark("ingest: models loaded");
        var arguments = string.Join(' ', settings.Inputs.Select(i => i == InputCollector.StandardInputArgument ? InputCollector.StandardInput : i))
            + (settings.Shard is { } part ? " --shard " + part : "");
        IngestSummary summary;
        var err = Consoles.Error;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        if (!settings.NoProgress && !settings.Json && !Console.IsErrorRedirected)
        {
            summary = err.Progress()
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
                .Start(ctx =>
                {
                    var task = ctx.AddTask("Ingesting", maxValue: 1);
                    return runner.Run(settings.Inputs, arguments, (IngestProgress p) =>
                    {
                        task.MaxValue = Math.Max(1, p.InputsPlanned);
                        task.Value = p.Inputs;
                        // A dump or feed is one input of many articles: the count of articles moves while the bar waits.
                        task.Description = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"Ingesting {p.Inputs}/{p.InputsPlanned}, {p.Documents:N0} articles");
                    }, cancellationToken);
                });
        }
        else
        {
            summary = runner.Run(settings.Inputs, arguments, (Action<IngestProgress>?)null, cancellationToken);
        }

        clock.Stop();
        StartupTrace.Mark("ingest: inputs done");
        if (settings.Json) JsonOutput.WriteIngestSummary(Console.Out, summary, settings.Db);
        else
        {
            Tables.WriteIngestSummary(Consoles.Out, summary, settings.Db);
            // Throughput and peak memory go to stderr: they vary run to run, the table above does not.
            var seconds = Math.Max(clock.Elapsed.TotalSeconds, 1e-6);
            using var self = System.Diagnostics.Process.GetCurrentProcess();
            // A JSON Lines dump, feed or WARC is one input of many articles: the rate counts the articles read.
            var c = summary.Counts;
            var articles = c.New + c.Unchanged + c.ExactDuplicates + c.NearDuplicates + c.NewVersions;
            var read = articles == c.Inputs ? "" : string.Create(System.Globalization.CultureInfo.InvariantCulture, $" ({articles} articles)");
            // Articles already stored from the same raw input are not analysed again.
            if (summary.Analysed < articles) read += string.Create(System.Globalization.CultureInfo.InvariantCulture, $", {summary.Analysed} analysed");
            err.MarkupLine(string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"[grey]{c.Inputs} inputs{read} in {seconds:F1} s: {articles / seconds:F1} articles/s; peak memory {self.PeakWorkingSet64 / (1024 * 1024)} MB[/]"));
        }
        if (summary.Interrupted)
        {
            Consoles.Error.MarkupLine($"[yellow]Interrupted: run {summary.RunId} keeps the {summary.Items.Count(i => i.Error is null)} document(s) stored; ingest the same inputs again to finish (what is stored is unchanged).[/]");
            return ExitCodes.Interrupted;
        }
        return summary.Counts.Errors > 0 ? ExitCodes.SomeInputsFailed : ExitCodes.Ok;
    }
}
