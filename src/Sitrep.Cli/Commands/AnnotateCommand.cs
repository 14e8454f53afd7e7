using System.ComponentModel;
using Sitrep.Cli.Analysis;
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
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var options = new ReaderOptions();
        var collector = new InputCollector(new InputLoader(options));
        var readers = new ReaderRegistry();
        var analysis = AnalysisPipeline.Default;
        var pipeline = analysis.Pipeline;
        int failures = 0, documents = 0;
        foreach (var input in collector.Collect([settings.Input], cancellationToken))
        {
            var outcomes = input.Source is null
                ? [new ReadOutcome(input.Origin, null, input.Error)]
                : readers.Read(input.Source, options, cancellationToken);
            foreach (var outcome in outcomes)
            {
                if (outcome.Document is null)
                {
                    failures++;
                    Console.Error.WriteLine($"sitrep: {outcome.Origin}: {outcome.Error}");
                    continue;
                }
                documents++;
                var doc = pipeline.Run(outcome.Document, cancellationToken);
                Console.Out.WriteLine(DocumentRecordWriter.ToJson(doc, analysis.Versions, indented: !settings.Compact, analysis.LayerWriters));
            }
        }
        return failures == 0 ? ExitCodes.Ok : documents > 0 ? ExitCodes.SomeInputsFailed : ExitCodes.Failure;
    }
}
