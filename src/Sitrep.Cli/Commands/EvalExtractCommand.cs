using System.ComponentModel;
using System.Globalization;
using System.Text.Json;
using Sitrep.Cli.Output;
using Sitrep.Ingest;
using Sitrep.Ingest.Evaluation;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Sitrep.Cli.Commands;

/// <summary>Scores body extraction with the article-extraction-benchmark metric, optionally beside peers' outputs.</summary>
public sealed class EvalExtractCommand : Command<EvalExtractCommand.Settings>
{
    public sealed class Settings : EvalPagesSettings
    {
        [CommandOption("--peers <DIR>")]
        [Description("Folder of other extractors' outputs (JSON in the same format) to score side by side.")]
        public string? Peers { get; init; }

        [CommandOption("--per-doc <FILE>")]
        [Description("Write per-document scores as TSV.")]
        public string? PerDoc { get; init; }
    }

    public override ValidationResult Validate(CommandContext context, Settings settings)
    {
        if (settings.Peers is not null && !Directory.Exists(settings.Peers)) return ValidationResult.Error($"--peers: no folder '{settings.Peers}'.");
        return ValidationResult.Success();
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var truth = ArticleBodyScorer.LoadTexts(settings.Truth);
        var options = new ReaderOptions();
        var predictions = new SortedDictionary<string, string>(StringComparer.Ordinal);
        int failed = 0;
        foreach (var id in truth.Keys.Order(StringComparer.Ordinal))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var path = EvalPages.Find(settings.Pages, id);
            if (path is null) { failed++; Console.Error.WriteLine($"sitrep: no page for '{id}' in {settings.Pages}"); continue; }
            var (doc, error) = EvalPages.Read(path, null, options);
            if (doc is null) { failed++; Console.Error.WriteLine($"sitrep: {id}: {error}"); predictions[id] = ""; continue; }
            predictions[id] = doc.Text.Text;
        }
        var results = new List<(string Name, BodyScore Score)> { ("sitrep", ArticleBodyScorer.Score(truth, predictions)) };
        if (settings.Peers is not null)
            foreach (var peer in Directory.GetFiles(settings.Peers, "*.json").Order(StringComparer.Ordinal))
                results.Add((Path.GetFileNameWithoutExtension(peer), ArticleBodyScorer.Score(truth, ArticleBodyScorer.LoadTexts(peer))));

        if (settings.Out is not null)
            File.WriteAllText(settings.Out, JsonSerializer.Serialize(predictions, new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
        if (settings.PerDoc is not null)
        {
            using var tsv = new StreamWriter(settings.PerDoc);
            tsv.WriteLine("id\tprecision\trecall\tf1\texact\ttrue_tokens\tpred_tokens");
            foreach (var r in results[0].Score.Rows.OrderBy(r => r.F1).ThenBy(r => r.Id, StringComparer.Ordinal))
                tsv.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{r.Id}\t{r.Precision:0.0000}\t{r.Recall:0.0000}\t{r.F1:0.0000}\t{(r.Exact ? 1 : 0)}\t{r.TrueTokens}\t{r.PredictedTokens}"));
        }

        if (settings.Json)
        {
            JsonOutput.Write(Console.Out, w =>
            {
                w.WriteStartArray();
                foreach (var (name, s) in results)
                {
                    w.WriteStartObject();
                    w.WriteString("name", name);
                    w.WriteNumber("f1", Math.Round(s.F1, 4));
                    w.WriteNumber("precision", Math.Round(s.Precision, 4));
                    w.WriteNumber("recall", Math.Round(s.Recall, 4));
                    w.WriteNumber("accuracy", Math.Round(s.Accuracy, 4));
                    w.WriteNumber("documents", s.Documents);
                    w.WriteNumber("empty_predictions", s.EmptyPredictions);
                    w.WriteEndObject();
                }
                w.WriteEndArray();
            });
        }
        else
        {
            var table = new Table().Border(TableBorder.Simple).Title("Article-body extraction (4-gram shingle F1, macro P/R)");
            table.AddColumn("extractor").AddColumn(new TableColumn("F1").RightAligned()).AddColumn(new TableColumn("precision").RightAligned())
                .AddColumn(new TableColumn("recall").RightAligned()).AddColumn(new TableColumn("accuracy").RightAligned()).AddColumn(new TableColumn("docs").RightAligned());
            foreach (var (name, s) in results.OrderByDescending(r => r.Score.F1))
                table.AddRow(name == "sitrep" ? "[bold]sitrep[/]" : Markup.Escape(name), F(s.F1), F(s.Precision), F(s.Recall), F(s.Accuracy), s.Documents.ToString(CultureInfo.InvariantCulture));
            Consoles.Out.Write(table);
        }
        return failed == 0 ? ExitCodes.Ok : ExitCodes.SomeInputsFailed;
    }

    private static string F(double v) => v.ToString("0.000", CultureInfo.InvariantCulture);
}
