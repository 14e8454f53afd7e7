using System.ComponentModel;
using System.Text.Json;
using Sitrep.Cli.Output;
using Sitrep.Ingest;
using Sitrep.Ingest.Evaluation;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Sitrep.Cli.Commands;

/// <summary>Publication-date accuracy at day precision, scored as htmldate's evaluation (shared/tools/extraction/score_dates.py).</summary>
public sealed class EvalDatesCommand : Command<EvalDatesCommand.Settings>
{
    public sealed class Settings : EvalPagesSettings
    {
        [CommandOption("--errors <FILE>")]
        [Description("Write mismatches as TSV (url, reference, predicted).")]
        public string? Errors { get; init; }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var truth = PublicationDateScorer.LoadTruth(settings.Truth);
        var options = new ReaderOptions();
        var predictions = new SortedDictionary<string, string?>(StringComparer.Ordinal);
        foreach (var entry in truth)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var stem = PublicationDateScorer.SplitExtension(entry.File);
            var path = Path.Combine(settings.Pages, entry.File);
            if (!File.Exists(path))
            {
                Console.Error.WriteLine($"sitrep: no page '{entry.File}' in {settings.Pages}");
                predictions[stem] = null;
                continue;
            }
            var (doc, _) = EvalPages.Read(path, entry.Url, options);
            predictions[stem] = doc?.Metadata.Published?.Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        }
        var errors = new List<DateScoreError>();
        var score = PublicationDateScorer.Score(truth, predictions, errors);

        if (settings.Out is not null)
            File.WriteAllText(settings.Out, JsonSerializer.Serialize(predictions, new JsonSerializerOptions { WriteIndented = true }));
        if (settings.Errors is not null)
        {
            using var tsv = new StreamWriter(settings.Errors);
            tsv.WriteLine("url\treference\tpredicted");
            foreach (var e in errors) tsv.WriteLine($"{e.Url}\t{e.Reference}\t{e.Predicted}");
        }
        if (settings.Json)
        {
            JsonOutput.Write(Console.Out, w =>
            {
                w.WriteStartObject();
                w.WriteNumber("pages", score.Pages);
                w.WriteNumber("tp", score.TruePositives);
                w.WriteNumber("fp", score.FalsePositives);
                w.WriteNumber("fn", score.FalseNegatives);
                w.WriteNumber("precision", Math.Round(score.Precision, 4));
                w.WriteNumber("recall", Math.Round(score.Recall, 4));
                w.WriteNumber("accuracy", Math.Round(score.Accuracy, 4));
                w.WriteNumber("f", Math.Round(score.F, 4));
                w.WriteEndObject();
            });
        }
        else
        {
            Console.Out.WriteLine(score.Format("sitrep"));
        }
        return ExitCodes.Ok;
    }
}
