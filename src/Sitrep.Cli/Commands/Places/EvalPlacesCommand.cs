using System.ComponentModel;
using System.Globalization;
using System.Text;
using Sitrep.Actors;
using Sitrep.Actors.Kb;
using Sitrep.Actors.Places;
using Sitrep.Cli.Output;
using Sitrep.Core;
using Sitrep.Nlp.Stages;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Sitrep.Cli.Commands.Places;

/// <summary>
/// Scores the places layer against the location entities (LOC, Location, GPE) of NER gold sets, from the raw
/// text through Sitrep's tokenizer and tagger: precision (how many place mentions are gold locations), recall,
/// exact and overlapping spans. Gold locations include streets, buildings and vague places the gazetteer
/// never holds, so recall is a floor; precision is the figure that matters.
/// </summary>
public sealed class EvalPlacesCommand : Command<EvalPlacesCommand.Settings>
{
    public sealed class Settings : PlacesSettings
    {
        [CommandOption("--gold <PATH>")]
        [Description("Gold file or folder: UNER .iob2, or CoNLL column files (.conll, .txt; re3d, wikigold).")]
        public string[] Gold { get; init; } = [];

        [CommandOption("--errors <FILE>")]
        [Description("Write every false and missed mention with its context to FILE.")]
        public string? Errors { get; init; }
    }

    public override ValidationResult Validate(CommandContext context, Settings settings)
    {
        if (settings.Gold.Length == 0) return ValidationResult.Error("--gold is required.");
        foreach (var g in settings.Gold)
            if (!File.Exists(g) && !Directory.Exists(g)) return ValidationResult.Error($"--gold: no file or folder '{g}'.");
        return ValidationResult.Success();
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        if (settings.ResolveOrReport() is not var (placesDir, kbDir)) return ExitCodes.NotFound;
        var loadWatch = System.Diagnostics.Stopwatch.StartNew();
        var kb = KnowledgeBase.Load(kbDir);
        var kbMs = loadWatch.Elapsed.TotalMilliseconds;
        var gazetteer = PlaceGazetteer.Load(placesDir, kb);
        var loadMs = loadWatch.Elapsed.TotalMilliseconds - kbMs;
        var pos = PosTaggerStage.Load(SitrepData.File("models", "pos", "en-ewt-pos.bin"));
        var pipeline = Pipeline.Build([new TokenizerStage(), pos]);
        var places = new PlaceStage(gazetteer);
        var placeWatch = new System.Diagnostics.Stopwatch();
        long tokenCount = 0;
        var total = PlaceScore.Zero;
        var errors = new StringBuilder();
        int docs = 0;
        var sw = System.Diagnostics.Stopwatch.StartNew();
        foreach (var gold in settings.Gold.SelectMany(PlaceGoldReader.Read))
        {
            cancellationToken.ThrowIfCancellationRequested();
            docs++;
            var doc = new Document("g" + docs.ToString(CultureInfo.InvariantCulture), new SourceText(gold.Text), new SourceText(gold.Text),
                OffsetMap.Identity(gold.Text.Length), new DocumentMetadata { Reader = "gold", Origin = gold.Name });
            doc = pipeline.Run(doc, cancellationToken);
            tokenCount += doc.Get(Sitrep.Nlp.NlpLayers.Tokens).Length;
            placeWatch.Start();
            doc = places.Process(doc, cancellationToken);
            placeWatch.Stop();
            var predicted = doc.Has(ActorLayers.Places) ? doc.Get(ActorLayers.Places) : [];
            var spans = predicted.Select(p => p.Span).ToList();
            total += PlaceScore.Of(gold.Text, gold.Locations, spans, gold.Entities);
            if (settings.Errors is null) continue;
            foreach (var p in predicted.Where(p => !gold.Locations.Any(g => g.Overlaps(p.Span))))
                errors.Append(gold.Entities.Any(g => g.Overlaps(p.Span)) ? "FP-other-entity\t" : "FP\t").Append(gold.Name).Append('\t').Append(gold.Text, p.Span.Start, p.Span.Length).Append('\t')
                    .Append(p.Kind).Append('\t').Append(p.Country ?? "-").Append('\t').Append(Context(gold.Text, p.Span)).Append('\n');
            foreach (var g in gold.Locations.Where(g => !spans.Any(p => g.Overlaps(p))))
                errors.Append("FN\t").Append(gold.Name).Append('\t').Append(gold.Text, g.Start, g.Length).Append("\t-\t-\t").Append(Context(gold.Text, g)).Append('\n');
        }
        if (settings.Errors is not null) File.WriteAllText(settings.Errors, errors.ToString());
        string F(double x) => (100 * x).ToString("0.0", CultureInfo.InvariantCulture);
        if (settings.Json)
        {
            JsonOutput.Write(Console.Out, w =>
            {
                w.WriteStartObject();
                w.WriteNumber("documents", docs);
                w.WriteNumber("predicted", total.Predicted);
                w.WriteNumber("gold", total.Gold);
                w.WriteNumber("exact_precision", Math.Round(total.ExactPrecision, 4));
                w.WriteNumber("exact_recall", Math.Round(total.ExactRecall, 4));
                w.WriteNumber("overlap_precision", Math.Round(total.OverlapPrecision, 4));
                w.WriteNumber("overlap_recall", Math.Round(total.OverlapRecall, 4));
                w.WriteNumber("unannotated", total.Unannotated);
                w.WriteNumber("unannotated_rate", Math.Round(total.UnannotatedRate, 4));
                w.WriteEndObject();
            });
        }
        else
        {
            Console.Out.WriteLine($"documents {docs}, place mentions {total.Predicted}, gold locations {total.Gold} ({sw.ElapsedMilliseconds} ms)");
            Console.Out.WriteLine($"exact:   P {F(total.ExactPrecision)}  R {F(total.ExactRecall)}  F1 {F(PlaceScore.F1(total.ExactPrecision, total.ExactRecall))}");
            Console.Out.WriteLine($"overlap: P {F(total.OverlapPrecision)}  R {F(total.OverlapRecall)}  F1 {F(PlaceScore.F1(total.OverlapPrecision, total.OverlapRecall))}");
            Console.Out.WriteLine($"place mentions on no gold entity of any type: {total.Unannotated} ({F(total.UnannotatedRate)}%)");
            var perDoc = docs == 0 ? 0 : placeWatch.Elapsed.TotalMilliseconds * 1000 / docs;
            Console.Out.WriteLine(FormattableString.Invariant(
                $"time: KB load {kbMs:0} ms, gazetteer load {loadMs:0} ms ({gazetteer.Entries.Length} entries, {gazetteer.KeyCount} keys); places stage {placeWatch.Elapsed.TotalMilliseconds:0} ms for {docs} documents, {tokenCount} tokens ({perDoc:0} µs/document, {tokenCount / Math.Max(placeWatch.Elapsed.TotalSeconds, 1e-9):0} tokens/s)"));
        }
        return ExitCodes.Ok;
    }

    private static string Context(string text, TextSpan s)
    {
        int a = Math.Max(0, s.Start - 50), b = Math.Min(text.Length, s.End + 50);
        return text[a..s.Start].Replace('\n', ' ') + "[[" + text[s.Start..s.End] + "]]" + text[s.End..b].Replace('\n', ' ');
    }
}
