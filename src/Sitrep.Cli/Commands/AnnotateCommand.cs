using System.ComponentModel;
using Sitrep.Cli.Analysis;
using Sitrep.Cli.Output;
using Sitrep.Core;
using Sitrep.Core.Records;
using Sitrep.Ingest;
using Sitrep.Ingest.Input;
using Sitrep.Ingest.Readers;
using Spectre.Console.Cli;

namespace Sitrep.Cli.Commands;

/// <summary>Runs the pipeline on one input without a store and prints one JSON record per document.</summary>
public sealed class AnnotateCommand : Command<AnnotateCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandArgument(0, "<INPUT>")]
        [Description("A file (text, HTML, JSON Lines, RSS/Atom, WARC; .gz allowed), an http(s) URL, or '-' for stdin.")]
        public string Input { get; init; } = "";

        [CommandOption("--compact")]
        [Description("One JSON object per line (JSON Lines) instead of indented JSON.")]
        public bool Compact { get; init; }

        [CommandOption("--ner <VARIANT>")]
        [Description("NER variant: sparse (default), minilm (MiniLM token vectors) or minilm-ft (fine-tuned MiniLM added to the default model; most accurate); both MiniLM variants are much slower.")]
        public string? Ner { get; init; }

        [CommandOption("--petrarch-dicts <DIR>")]
        [Description("Code events with PETRARCH dictionaries in this folder (CAMEO.2.0.txt or *.verbs.txt, *.actors.txt, *.agents.txt, *.discards.txt) instead of Sitrep's patterns.")]
        public string? PetrarchDicts { get; init; }

        [CommandOption("--jobs <N>")]
        [Description("Analyse on this many threads; records are printed in input order, the same for any number. Default: one per core")]
        public int? Jobs { get; init; }
    }

    public override Spectre.Console.ValidationResult Validate(CommandContext context, Settings settings) =>
        settings.PetrarchDicts is { } d && !Directory.Exists(d) ? Spectre.Console.ValidationResult.Error($"--petrarch-dicts: no folder '{d}'.")
        : settings.Jobs is < 1 or > 256 ? Spectre.Console.ValidationResult.Error("--jobs must be between 1 and 256.")
        : settings.Ner is not (null or "sparse" or Sitrep.Nlp.Ner.Contextual.ContextualNerStage.Variant or Sitrep.Nlp.Ner.FineTuned.FineTunedNerStage.Variant)
            ? Spectre.Console.ValidationResult.Error($"--ner: unknown variant '{settings.Ner}' (sparse, minilm or minilm-ft).")
        : Spectre.Console.ValidationResult.Success();

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var options = new ReaderOptions();
        var collector = new InputCollector(new InputLoader(options));
        var readers = new ReaderRegistry();
        var analysis = AnalysisPipeline.For(settings.Ner);
        var pipeline = analysis.Pipeline;
        var versions = analysis.Versions;
        if (settings.PetrarchDicts is { } petrarchDir)
        {
            // The events stage is swapped for the PETRARCH coder; the record names its verb dictionary.
            var stage = Sitrep.Events.Petrarch.PetrarchEventStage.Load(petrarchDir, Sitrep.Events.Patterns.PatternSet.LoadDefault().Codebook);
            if (stage is null) { Console.Error.WriteLine($"sitrep: --petrarch-dicts: no verb dictionary in '{petrarchDir}'."); return ExitCodes.Failure; }
            pipeline = Pipeline.Build(pipeline.Stages.Select(s => s.Name == "events" ? new EnglishOnlyStage(stage) : s));
            versions = new Dictionary<string, string>(versions, StringComparer.Ordinal) { ["events"] = stage.Version };
        }
        int failures = 0, documents = 0;
        var outcomes = collector.Collect([settings.Input], cancellationToken).SelectMany(input => input.Source is null
            ? [new ReadOutcome(input.Origin, null, input.Error)]
            : readers.Read(input.Source, options, cancellationToken));
        // Each record is analysed and serialized on a job's thread; this thread prints them in input order.
        var records = OrderedParallel.Map(outcomes, outcome =>
        {
            if (outcome.Document is null) return (outcome, Record: (byte[]?)null);
            var doc = pipeline.Run(outcome.Document, cancellationToken);
            using var buffer = new MemoryStream();
            DocumentRecordWriter.WriteTo(buffer, doc, versions, indented: !settings.Compact, analysis.LayerWriters);
            return (outcome, Record: buffer.ToArray());
        }, settings.Jobs ?? OrderedParallel.DefaultJobs, cancellationToken);
        var stdout = new TextWriterStream(Console.Out);
        foreach (var (outcome, record) in records)
        {
            if (record is null)
            {
                failures++;
                Console.Error.WriteLine($"sitrep: {outcome.Origin}: {outcome.Error}");
                continue;
            }
            documents++;
            stdout.Write(record);
            stdout.Flush();
            Console.Out.WriteLine();
            Console.Out.Flush();
        }
        return failures == 0 ? ExitCodes.Ok : documents > 0 ? ExitCodes.SomeInputsFailed : ExitCodes.Failure;
    }
}
