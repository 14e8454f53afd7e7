using System.Diagnostics;
using System.Globalization;
using Sitrep.Actors.Kb;
using Sitrep.Cli.Output;
using Sitrep.Nlp.Encoders;
using Sitrep.Nlp.Ner;
using Sitrep.Nlp.Ner.Contextual;
using Sitrep.Nlp.Tagging;
using Spectre.Console;

namespace Sitrep.Cli.Commands.Nlp;

/// <summary>
/// 'sitrep train ner --variant minilm' and 'sitrep eval ner --variant minilm': the NER variant with MiniLM token vectors
/// (see <see cref="ContextualNerModel"/>). Vectors of the training files can be cached (--vector-cache) between runs.
/// </summary>
public static class MiniLmNerCommands
{
    public const string DefaultModel = "data/models/ner/" + ContextualNerStage.DefaultModelFile;

    public static int Train(TrainNerCommand.Settings settings)
    {
        var err = Consoles.Error;
        void Log(string m) => err.MarkupLine(Markup.Escape(m));
        var pos = new PosTagger(PosModel.Load(EvalPosCommand.ResolveModel(settings.PosModel)!));
        // Each file is read, POS-tagged and encoded once, however often it is repeated (repeating a file weights it).
        var distinct = settings.Train.Distinct(StringComparer.Ordinal).ToList();
        var files = distinct.ToDictionary(f => f, f => NerCorpus.WithPredictedUpos(NerCorpus.Read(f), pos), StringComparer.Ordinal);
        var dev = settings.Dev is null ? null : NerCorpus.WithPredictedUpos(NerCorpus.Read(settings.Dev), pos);
        var cvPath = settings.Cv is null ? null : Path.GetFullPath(settings.Cv);
        var cvFile = cvPath is null ? null : settings.Train.FirstOrDefault(f => Path.GetFullPath(f) == cvPath);
        var cvSentences = cvPath is null ? null : cvFile is not null ? files[cvFile] : NerCorpus.WithPredictedUpos(NerCorpus.Read(settings.Cv!), pos);
        var gazetteer = settings.Kb == "none" ? [] : TrainNerCommand.Gazetteer(KnowledgeBase.Load(KbPaths.Find(settings.Kb) ?? throw new DirectoryNotFoundException("No knowledge base folder found; use --kb.")));
        foreach (var g in settings.GazetteerFiles) gazetteer.AddRange(NerGazetteerFile.Read(g));
        using var encoder = MiniLmEncoder.Load();
        var sw = Stopwatch.StartNew();
        // One pass over the cache for every file (the cache file is read whole on each call).
        var all = distinct.SelectMany(f => files[f]).Concat(dev ?? []).Concat(cvFile is null && cvSentences is not null ? cvSentences : []).ToList();
        var allVectors = MiniLmVectorCache.Encode(encoder, [.. all.Select(s => (IReadOnlyList<string>)s.Forms)], settings.VectorCache, Log);
        var byFile = new Dictionary<string, List<float[]>>(StringComparer.Ordinal);
        int at = 0;
        foreach (var f in distinct) { byFile[f] = allVectors.GetRange(at, files[f].Count); at += files[f].Count; }
        var devVectors = dev is null ? null : allVectors.GetRange(at, dev.Count);
        at += dev?.Count ?? 0;
        var cvVectors = cvSentences is null ? null : cvFile is not null ? byFile[cvFile] : allVectors.GetRange(at, cvSentences.Count);
        Log(string.Create(CultureInfo.InvariantCulture, $"MiniLM vectors ready in {sw.Elapsed.TotalSeconds:0.0}s"));

        var options = TrainingOptions(settings, encoder.Version) with
        {
            Description = "MiniLM variant trained on " + string.Join(", ", settings.Train.Select(Path.GetFileName))
                + string.Create(CultureInfo.InvariantCulture, $"; epochs {settings.Epochs}, seed {settings.Seed}, min-count {settings.MinCount}, scale {settings.Scale}, context {settings.Context}, {gazetteer.Count} gazetteer phrases")
                + (settings.Bag > 1 ? string.Create(CultureInfo.InvariantCulture, $", {settings.Bag} seeds averaged") : "")
                + (settings.TrainBeam > 0 ? string.Create(CultureInfo.InvariantCulture, $", structured training with beam {settings.TrainBeam} ({settings.Update} update)") : "")
                + (settings.Beam > 1 ? string.Create(CultureInfo.InvariantCulture, $", decoded with beam {settings.Beam}") : ""),
            Log = Log,
        };
        if (cvSentences is not null)
            return CrossValidate(settings, files, byFile, cvPath!, cvSentences, cvVectors!, gazetteer, options with { Log = null });

        var train = settings.Train.SelectMany(f => files[f]).ToList();
        var trainVectors = settings.Train.SelectMany(f => byFile[f]).ToList();
        var command = "sitrep train ner --variant minilm " + string.Join(' ', settings.Train.Select(t => "--train " + t))
            + (settings.Dev is null ? "" : " --dev " + settings.Dev) + string.Concat(settings.GazetteerFiles.Select(g => " --gazetteer " + g)) + " --out " + settings.Out
            + string.Create(CultureInfo.InvariantCulture, $" --epochs {settings.Epochs} --seed {settings.Seed} --min-count {settings.MinCount} --scale {settings.Scale} --context {settings.Context}")
            + (settings.Bag > 1 ? " --bag " + settings.Bag.ToString(CultureInfo.InvariantCulture) : "")
            + (settings.TrainBeam > 0 ? string.Create(CultureInfo.InvariantCulture, $" --train-beam {settings.TrainBeam} --update {settings.Update}") : "")
            + (settings.Beam > 1 ? " --beam " + settings.Beam.ToString(CultureInfo.InvariantCulture) : "");
        sw.Restart();
        var model = ContextualNerTrainer.TrainBagged(train, trainVectors, dev, devVectors, gazetteer, options, settings.Bag);
        model.Save(settings.Out);
        var seconds = sw.Elapsed.TotalSeconds;
        if (settings.Manifest is not null)
            ContextualNerManifest.Write(settings.Manifest, settings.Out, settings.Train, settings.Dev is null ? null : Path.GetFileName(settings.Dev), command, options, encoder.Version);
        var size = new FileInfo(settings.Out).Length;
        Consoles.Out.MarkupLine(Markup.Escape(string.Create(CultureInfo.InvariantCulture,
            $"{settings.Out}: {size / 1e6:0.00} MB, {model.Sparse.FeatureCount} sparse features, {model.DenseWeightCount} dense weights, trained in {seconds:0.0}s, sha256 {ContextualNerModel.Sha256(settings.Out)}")));
        if (dev is not null && devVectors is not null)
        {
            var s = ContextualNerTrainer.Score(new ContextualNerTagger(model), dev, devVectors);
            Consoles.Out.MarkupLine(Markup.Escape(string.Create(CultureInfo.InvariantCulture,
                $"dev: P {s.Overall.Precision:0.00}  R {s.Overall.Recall:0.00}  F1 {s.Overall.F1:0.00}  ({string.Join(", ", s.PerType.Select(t => $"{t.Type} {t.F1:0.00}"))})")));
        }
        return ExitCodes.Ok;
    }

    /// <summary>The variant's training options the settings give (epochs, seed, min-count, scale, context, beams, update).</summary>
    internal static ContextualNerTrainingOptions TrainingOptions(TrainNerCommand.Settings settings, string encoderVersion) => new()
    {
        Epochs = settings.Epochs,
        Seed = settings.Seed,
        MinFeatureCount = settings.MinCount,
        Scale = settings.Scale,
        Context = settings.Context,
        DecodeBeam = settings.Beam,
        TrainBeam = settings.TrainBeam,
        Update = settings.Update == "early" ? NerBeamUpdate.Early : NerBeamUpdate.MaxViolation,
        EncoderVersion = encoderVersion,
    };

    /// <summary>
    /// `--variant minilm --cv FILE`: the default model's cross-validation (<see cref="NerCrossValidation"/>: FILE's documents in
    /// --folds folds by document index, each fold's model trained on every --train file with that fold's documents taken out
    /// of FILE's copies, the held-out fold scored, counts pooled), with the variant's trainer and tagger. The vectors are the
    /// training vectors (from the cache when one is given), float16-rounded when cached.
    /// </summary>
    private static int CrossValidate(TrainNerCommand.Settings settings, Dictionary<string, List<NerSentence>> files, Dictionary<string, List<float[]>> vectors,
        string cvPath, List<NerSentence> cvSentences, List<float[]> cvVectors, List<GazetteerEntry> gazetteer, ContextualNerTrainingOptions options)
    {
        int k = settings.Folds;
        var fold = NerCorpus.DocumentFolds(cvSentences, k);
        var beams = settings.CvBeams is null ? [settings.Beam] : TrainNerCommand.ParseBeams(settings.CvBeams)!;
        // Each width without and with the document pass (the same model, decoded twice).
        var results = new NerScores[2 * beams.Length, k];
        var predictions = new List<NerSpan>[cvSentences.Count];
        var sw = Stopwatch.StartNew();
        Parallel.For(0, k, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, f =>
        {
            var train = new List<NerSentence>();
            var trainVectors = new List<float[]>();
            foreach (var t in settings.Train)
            {
                if (Path.GetFullPath(t) != cvPath) { train.AddRange(files[t]); trainVectors.AddRange(vectors[t]); continue; }
                for (int i = 0; i < cvSentences.Count; i++)
                    if (fold[i] != f) { train.Add(cvSentences[i]); trainVectors.Add(cvVectors[i]); }
            }
            var heldIndex = Enumerable.Range(0, cvSentences.Count).Where(i => fold[i] == f).ToList();
            var held = heldIndex.Select(i => cvSentences[i]).ToList();
            var model = ContextualNerTrainer.TrainBagged(train, trainVectors, null, null, gazetteer, options, settings.Bag);
            var heldVectors = heldIndex.Select(i => cvVectors[i]).ToList();
            for (int b = 0; b < 2 * beams.Length; b++)
            {
                var tagger = new ContextualNerTagger(model, beam: beams[b / 2], documentPass: b % 2 == 1);
                var predicted = TagDocuments(tagger, held, heldVectors);
                // The error file shows the first width's predictions without the document pass (the shipped decoder).
                if (b == 0) for (int j = 0; j < heldIndex.Count; j++) predictions[heldIndex[j]] = [.. predicted[j]];
                results[b, f] = NerEvaluation.Score(held, predicted);
            }
        });
        Consoles.Error.MarkupLine(Markup.Escape(string.Create(CultureInfo.InvariantCulture, $"{k} folds trained and scored in {sw.Elapsed.TotalSeconds:0.0}s")));
        if (settings.CvErrors is not null) NerCrossValidation.WriteErrors(settings.CvErrors, cvSentences, predictions);
        for (int b = 0; b < 2 * beams.Length; b++)
            NerCrossValidation.WriteTable(settings, k, beams[b / 2], Enumerable.Range(0, k).Select(f => results[b, f]).ToArray(), b % 2 == 1 ? ", document pass" : ", no document pass");
        return ExitCodes.Ok;
    }

    /// <summary>The tagger's mentions for each sentence, tagged document by document (runs of sentences with the same document id), as <see cref="NerEvaluation.Tag"/>.</summary>
    internal static List<NerSpan>[] TagDocuments(ContextualNerTagger tagger, IReadOnlyList<NerSentence> sentences, IReadOnlyList<float[]> vectors)
    {
        var predicted = new List<NerSpan>[sentences.Count];
        for (int i = 0; i < sentences.Count;)
        {
            int j = i + 1;
            if (sentences[i].Document is { } id)
                while (j < sentences.Count && sentences[j].Document == id) j++;
            tagger.TagDocument(sentences.Skip(i).Take(j - i).ToList(), vectors.Skip(i).Take(j - i).ToList()).CopyTo(predicted, i);
            i = j;
        }
        return predicted;
    }

    /// <summary>The given model path, or data/models/ner/en-ner-minilm.bin found from the current folder or the program's upwards.</summary>
    public static string? ResolveModel(string? path)
    {
        if (path is not null) return File.Exists(path) ? path : null;
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, DefaultModel);
                if (File.Exists(candidate)) return candidate;
            }
        return null;
    }

    /// <summary>Scores the variant on gold tokens; the vectors come from the encoder itself (float32, as at run time), never from a cache.</summary>
    /// <summary>
    /// The sentences of <paramref name="path"/> (any format <see cref="NerCorpus.Read"/> takes; its own tags are ignored) with the
    /// mentions the MiniLM variant <paramref name="teacherPath"/> finds: PER, ORG and LOC (GPE as LOC; NORP left out), for
    /// distillation into the fast model.
    /// </summary>
    public static List<NerSentence> Label(string path, string? teacherPath, PosTagger pos, Action<string>? log = null)
    {
        var modelPath = ResolveModel(teacherPath) ?? throw new FileNotFoundException($"No MiniLM NER model; use --teacher (default {DefaultModel}).");
        var model = ContextualNerModel.Load(modelPath);
        var sentences = NerCorpus.WithPredictedUpos(NerCorpus.Read(path), pos);
        using var encoder = MiniLmEncoder.Load();
        var tagger = new ContextualNerTagger(model, encoder);
        var sw = Stopwatch.StartNew();
        var result = new List<NerSentence>(sentences.Count);
        foreach (var s in sentences)
        {
            var spans = tagger.Tag(s.Forms, s.Upos).Where(m => m.Type != NerTagger.Norp).Select(m => m with { Type = NerEvaluation.ToCoarse(m.Type) }).ToArray();
            result.Add(s with { Spans = spans });
        }
        log?.Invoke(string.Create(CultureInfo.InvariantCulture,
            $"{Path.GetFileName(path)} labelled by {Path.GetFileName(modelPath)}: {result.Count} sentences, {result.Sum(r => r.Spans.Length)} mentions in {sw.Elapsed.TotalSeconds:0.0}s"));
        return result;
    }

    public static (NerScores Scores, string ModelPath) Eval(string gold, NerFormat? format, string? modelPath, string? posModel, string? record, string? predictions = null)
    {
        var path = ResolveModel(modelPath) ?? throw new FileNotFoundException($"No MiniLM NER model; use --model (default {DefaultModel}).");
        var model = ContextualNerModel.Load(path);
        var pos = new PosTagger(PosModel.Load(EvalPosCommand.ResolveModel(posModel)!));
        var sentences = NerCorpus.WithPredictedUpos(NerCorpus.Read(gold, format), pos);
        using var encoder = MiniLmEncoder.Load();
        var tagger = new ContextualNerTagger(model, encoder);
        var scores = EvalNerCommand.ScoreSentences(sentences, s => tagger.Tag(s.Forms, s.Upos), predictions);
        if (record is not null)
            ContextualNerManifest.Record(Path.Combine(Path.GetDirectoryName(Path.GetFullPath(path))!, "MANIFEST.json"), record, scores);
        return (scores, path);
    }
}
