using System.Globalization;
using Sitrep.Cli.Output;
using Sitrep.Nlp.Ner;
using Sitrep.Nlp.Tagging;
using Spectre.Console;

namespace Sitrep.Cli.Commands.Nlp;

/// <summary>
/// `sitrep train ner --cv FILE`: k-fold cross-validation by document. Documents (not sentences) are split, because sentences of
/// one document share names: interleaved sentence folds leak them and overstate F1.
/// </summary>
internal static class NerCrossValidation
{
    public static int Run(TrainNerCommand.Settings settings, IReadOnlyDictionary<string, List<NerSentence>> files, PosTagger pos, List<GazetteerEntry> gazetteer, IReadOnlyList<NerSentence>? distilled = null)
    {
        var cvPath = Path.GetFullPath(settings.Cv!);
        var cvFile = settings.Train.FirstOrDefault(f => Path.GetFullPath(f) == cvPath);
        var cvSentences = cvFile is not null ? files[cvFile] : NerCorpus.WithPredictedUpos(NerCorpus.Read(settings.Cv!), pos);
        int k = settings.Folds;
        var fold = NerCorpus.DocumentFolds(cvSentences, k);
        var beams = settings.CvBeams is null ? [settings.Beam] : TrainNerCommand.ParseBeams(settings.CvBeams)!;
        var results = new NerScores[beams.Length, k];
        var predictions = new List<NerSpan>[cvSentences.Count];
        var options = TrainNerCommand.TrainingOptions(settings);
        var foldTrain = settings.CvFoldTrain is null ? null
            : Enumerable.Range(0, k).Select(f => NerCorpus.WithPredictedUpos(NerCorpus.Read(TrainNerCommand.FoldFile(settings.CvFoldTrain, f)), pos)).ToArray();
        var sw = System.Diagnostics.Stopwatch.StartNew();
        Parallel.For(0, k, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, f =>
        {
            var train = new List<NerSentence>();
            foreach (var t in settings.Train)
            {
                if (Path.GetFullPath(t) != cvPath) { train.AddRange(files[t]); continue; }
                for (int i = 0; i < cvSentences.Count; i++) if (fold[i] != f) train.Add(cvSentences[i]);
            }
            if (foldTrain is not null) train.AddRange(foldTrain[f]);
            if (distilled is not null) train.AddRange(distilled);
            var heldIndex = Enumerable.Range(0, cvSentences.Count).Where(i => fold[i] == f).ToList();
            var held = heldIndex.Select(i => cvSentences[i]).ToList();
            var model = NerTrainer.TrainBagged(train, null, gazetteer, options, settings.Bag);
            for (int b = 0; b < beams.Length; b++)
            {
                var tagger = new NerTagger(model, beam: beams[b]);
                var predicted = NerEvaluation.Tag(tagger, held).Select(s => (IReadOnlyList<NerSpan>)s).ToList();
                // The error file shows the first width's predictions.
                if (b == 0) for (int j = 0; j < heldIndex.Count; j++) predictions[heldIndex[j]] = [.. predicted[j]];
                results[b, f] = NerEvaluation.Score(held, predicted);
            }
        });
        var err = Consoles.Error;
        err.MarkupLine(Markup.Escape(string.Create(CultureInfo.InvariantCulture, $"{k} folds trained and scored in {sw.Elapsed.TotalSeconds:0.0}s")));
        if (settings.CvErrors is not null) WriteErrors(settings.CvErrors, cvSentences, predictions);
        for (int b = 0; b < beams.Length; b++) WriteTable(settings, k, beams[b], Enumerable.Range(0, k).Select(f => results[b, f]).ToArray());
        return ExitCodes.Ok;
    }

    internal static void WriteTable(TrainNerCommand.Settings settings, int k, int beam, NerScores[] results, string note = "")
    {
        var err = Consoles.Error;
        for (int f = 0; f < k; f++)
            err.MarkupLine(Markup.Escape(string.Create(CultureInfo.InvariantCulture,
                $"beam {beam}{note}, fold {f}: {results[f].Sentences} sentences, gold {results[f].Overall.Gold}, P {results[f].Overall.Precision:0.00} R {results[f].Overall.Recall:0.00} F1 {results[f].Overall.F1:0.00}")));
        var pooled = Pool(results);
        var table = new Table().Border(TableBorder.Simple)
            .Title(Markup.Escape(string.Create(CultureInfo.InvariantCulture, $"NER {k}-fold cross-validation by document on {Path.GetFileName(settings.Cv)}, pooled, beam {beam}{note}")));
        table.AddColumn("type").AddColumn(new TableColumn("gold").RightAligned()).AddColumn(new TableColumn("predicted").RightAligned())
            .AddColumn(new TableColumn("P").RightAligned()).AddColumn(new TableColumn("R").RightAligned()).AddColumn(new TableColumn("F1").RightAligned());
        foreach (var t in pooled.PerType.Append(pooled.Overall))
            table.AddRow(t.Type, t.Gold.ToString(CultureInfo.InvariantCulture), t.Predicted.ToString(CultureInfo.InvariantCulture),
                t.Precision.ToString("0.00", CultureInfo.InvariantCulture), t.Recall.ToString("0.00", CultureInfo.InvariantCulture), t.F1.ToString("0.00", CultureInfo.InvariantCulture));
        Consoles.Out.Write(table);
    }

    /// <summary>One block per sentence with an error: the words, then "-" for each missed gold mention and "+" for each spurious prediction.</summary>
    internal static void WriteErrors(string path, IReadOnlyList<NerSentence> gold, IReadOnlyList<List<NerSpan>> predicted)
    {
        using var w = new StreamWriter(path);
        for (int i = 0; i < gold.Count; i++)
        {
            var g = gold[i].Spans.ToHashSet();
            var p = predicted[i].Where(s => s.Type != NerTagger.Norp).Select(s => s with { Type = NerEvaluation.ToCoarse(s.Type) }).ToHashSet();
            if (g.SetEquals(p)) continue;
            string Text(NerSpan s) => string.Join(' ', gold[i].Forms, s.Start, s.Length);
            w.WriteLine("# " + gold[i].Document + ": " + string.Join(' ', gold[i].Forms));
            foreach (var s in gold[i].Spans.Where(s => !p.Contains(s))) w.WriteLine($"- {s.Type}\t{Text(s)}");
            foreach (var s in p.Where(s => !g.Contains(s)).OrderBy(s => s.Start)) w.WriteLine($"+ {s.Type}\t{Text(s)}");
            w.WriteLine();
        }
    }

    private static NerScores Pool(IReadOnlyList<NerScores> folds)
    {
        var per = folds.SelectMany(f => f.PerType).GroupBy(t => t.Type, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new NerTypeScore(g.Key, g.Sum(t => t.Gold), g.Sum(t => t.Predicted), g.Sum(t => t.Correct))).ToList();
        var overall = new NerTypeScore("overall", per.Sum(t => t.Gold), per.Sum(t => t.Predicted), per.Sum(t => t.Correct));
        return new NerScores(overall, per, folds.Sum(f => f.Sentences), folds.Sum(f => f.Words));
    }
}
