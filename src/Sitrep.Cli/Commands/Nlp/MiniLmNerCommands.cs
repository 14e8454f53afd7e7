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
        var train = NerCorpus.WithPredictedUpos(settings.Train.SelectMany(f => NerCorpus.Read(f)), pos);
        var dev = settings.Dev is null ? null : NerCorpus.WithPredictedUpos(NerCorpus.Read(settings.Dev), pos);
        var gazetteer = settings.Kb == "none" ? [] : TrainNerCommand.Gazetteer(KnowledgeBase.Load(KbPaths.Find(settings.Kb) ?? throw new DirectoryNotFoundException("No knowledge base folder found; use --kb.")));
        foreach (var g in settings.GazetteerFiles) gazetteer.AddRange(NerGazetteerFile.Read(g));
        using var encoder = MiniLmEncoder.Load();
        var sw = Stopwatch.StartNew();
        // Vectors per file (a file given several times is encoded once).
        var byFile = new Dictionary<string, List<float[]>>(StringComparer.Ordinal);
        var trainVectors = new List<float[]>();
        foreach (var f in settings.Train)
        {
            if (!byFile.TryGetValue(f, out var v))
                byFile[f] = v = MiniLmVectorCache.Encode(encoder, [.. NerCorpus.Read(f).Select(s => (IReadOnlyList<string>)s.Forms)], settings.VectorCache, Log);
            trainVectors.AddRange(v);
        }
        var devVectors = dev is null ? null : MiniLmVectorCache.Encode(encoder, [.. dev.Select(s => (IReadOnlyList<string>)s.Forms)], settings.VectorCache, Log);
        Log(string.Create(CultureInfo.InvariantCulture, $"MiniLM vectors ready in {sw.Elapsed.TotalSeconds:0.0}s"));
        if (trainVectors.Count != train.Count) throw new InvalidOperationException("Vectors and sentences disagree.");

        var command = "sitrep train ner --variant minilm " + string.Join(' ', settings.Train.Select(t => "--train " + t))
            + (settings.Dev is null ? "" : " --dev " + settings.Dev) + string.Concat(settings.GazetteerFiles.Select(g => " --gazetteer " + g)) + " --out " + settings.Out
            + string.Create(CultureInfo.InvariantCulture, $" --epochs {settings.Epochs} --seed {settings.Seed} --min-count {settings.MinCount} --scale {settings.Scale} --context {settings.Context}");
        var options = new ContextualNerTrainingOptions
        {
            Epochs = settings.Epochs,
            Seed = settings.Seed,
            MinFeatureCount = settings.MinCount,
            Scale = settings.Scale,
            Context = settings.Context,
            EncoderVersion = encoder.Version,
            Description = "MiniLM variant trained on " + string.Join(", ", settings.Train.Select(Path.GetFileName))
                + string.Create(CultureInfo.InvariantCulture, $"; epochs {settings.Epochs}, seed {settings.Seed}, min-count {settings.MinCount}, scale {settings.Scale}, context {settings.Context}, {gazetteer.Count} gazetteer phrases"),
            Log = Log,
        };
        sw.Restart();
        var model = ContextualNerTrainer.Train(train, trainVectors, dev, devVectors, gazetteer, options);
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
    public static (NerScores Scores, string ModelPath) Eval(string gold, NerFormat? format, string? modelPath, string? posModel, string? record)
    {
        var path = ResolveModel(modelPath) ?? throw new FileNotFoundException($"No MiniLM NER model; use --model (default {DefaultModel}).");
        var model = ContextualNerModel.Load(path);
        var pos = new PosTagger(PosModel.Load(EvalPosCommand.ResolveModel(posModel)!));
        var sentences = NerCorpus.WithPredictedUpos(NerCorpus.Read(gold, format), pos);
        using var encoder = MiniLmEncoder.Load();
        var tagger = new ContextualNerTagger(model, encoder);
        var predicted = new List<NerSpan>[sentences.Count];
        long words = 0;
        var sw = Stopwatch.StartNew();
        for (int i = 0; i < sentences.Count; i++)
        {
            predicted[i] = tagger.Tag(sentences[i].Forms, sentences[i].Upos);
            words += sentences[i].Forms.Length;
        }
        var seconds = sw.Elapsed.TotalSeconds;
        var scores = NerEvaluation.Score(sentences, predicted) with { TokensPerSecond = seconds > 0 ? words / seconds : null };
        if (record is not null)
            ContextualNerManifest.Record(Path.Combine(Path.GetDirectoryName(Path.GetFullPath(path))!, "MANIFEST.json"), record, scores);
        return (scores, path);
    }
}
