using Sitrep.Nlp.Ner;
using Sitrep.Nlp.Ner.FineTuned;
using Sitrep.Nlp.Tagging;

namespace Sitrep.Cli.Commands.Nlp;

/// <summary>
/// 'sitrep eval ner --variant minilm-ft': the fine-tuned MiniLM variant (<see cref="FineTunedNerModel"/>). Its weights are made
/// by tools/Sitrep.NerFineTune (libtorch), outside the CLI; see data/models/ner/MANIFEST.json for the command.
/// </summary>
public static class FineTunedNerCommands
{
    public const string DefaultModel = "data/models/ner/" + FineTunedNerStage.DefaultModelFile;

    /// <summary>The given model path, or data/models/ner/en-ner-minilm-ft.bin found from the current folder or the program's upwards.</summary>
    public static string? ResolveModel(string? path) =>
        path is not null ? (File.Exists(path) ? path : null) : EvalParserCommand.FindDefault(DefaultModel);

    /// <summary>Scores the variant on gold tokens, sentence by sentence, with UPOS predicted on the gold words.</summary>
    public static (NerScores Scores, string ModelPath) Eval(string gold, NerFormat? format, string? modelPath, string? sparseModel, float? weight, string? posModel, string? record, string? predictions = null)
    {
        var path = ResolveModel(modelPath) ?? throw new FileNotFoundException($"No fine-tuned NER model; use --model (default {DefaultModel}).");
        var sparse = EvalNerCommand.ResolveModel(sparseModel) ?? throw new FileNotFoundException($"No default NER model ({EvalNerCommand.DefaultModel}); use --sparse-model.");
        var tagger = FineTunedNerStage.LoadTagger(path, sparse, weight: weight);
        using var encoder = tagger.Encoder;
        var pos = new PosTagger(PosModel.Load(EvalPosCommand.ResolveModel(posModel)!));
        var sentences = NerCorpus.WithPredictedUpos(NerCorpus.Read(gold, format), pos);
        var scores = EvalNerCommand.ScoreSentences(sentences, s => tagger.Tag(s.Forms, s.Upos), predictions);
        if (record is not null)
            Sitrep.Nlp.Ner.Contextual.ContextualNerManifest.Record(Path.Combine(Path.GetDirectoryName(Path.GetFullPath(path))!, "MANIFEST.json"), record, scores, variant: FineTunedNerStage.Variant);
        return (scores, path);
    }
}
