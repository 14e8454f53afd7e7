using System.ComponentModel;
using System.Globalization;
using Sitrep.Cli.Output;
using Sitrep.Nlp.Ner;
using Sitrep.Nlp.Tagging;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Sitrep.Cli.Commands.Nlp;

/// <summary>Scores the NER model on gold tokens: exact-span micro P/R/F1 and per type (CoNLL convention), with Sitrep's POS tags predicted on the gold tokens.</summary>
public sealed class EvalNerCommand : Command<EvalNerCommand.Settings>
{
    public const string DefaultModel = "data/models/ner/en-ner.bin";

    public sealed class Settings : CommandSettings
    {
        [CommandOption("--gold <FILE>")]
        [Description("Gold file: .iob2 (UNER), a CoNLL column file (form first, IOB tag last) or GUM CoNLL-U.")]
        public string Gold { get; init; } = "";

        [CommandOption("--format <FORMAT>")]
        [Description("iob2, conll or conllu (default: from the file name; .iob2, .conllu, anything else is conll).")]
        public string? Format { get; init; }

        [CommandOption("--model <PATH>")]
        [Description("NER model file (default: data/models/ner/en-ner.bin, found from the current folder upwards).")]
        public string? Model { get; init; }

        [CommandOption("--pos-model <PATH>")]
        [Description("POS model for the UPOS features (default: data/models/pos/en-ewt-pos.bin).")]
        public string? PosModel { get; init; }

        [CommandOption("--record <NAME>")]
        [Description("Record the scores under NAME in the MANIFEST.json beside the model.")]
        public string? Record { get; init; }

        [CommandOption("--predictions <FILE>")]
        [Description("Also write the predicted mentions as IOB2 (index, form, tag; GPE as LOC, NORP left out), with each document's '# newdoc id' line.")]
        public string? Predictions { get; init; }

        [CommandOption("--json")]
        public bool Json { get; init; }

        [CommandOption("--sparse-model <PATH>")]
        [Description("minilm-ft only: the default-type model whose scores the fine-tuned log-probabilities are added to (default: data/models/ner/en-ner.bin).")]
        public string? SparseModel { get; init; }

        [CommandOption("--ft-weight <X>")]
        [Description("minilm-ft only: weight of the fine-tuned log-probabilities (default: the one in the model file).")]
        public float? FtWeight { get; init; }

        [CommandOption("--variant <NAME>")]
        [Description("sparse (default), minilm (the MiniLM variant, default model data/models/ner/en-ner-minilm.bin) or minilm-ft (fine-tuned MiniLM, data/models/ner/en-ner-minilm-ft.bin; its mention rules read the default model's gazetteer).")]
        public string Variant { get; init; } = "sparse";
    }

    public override ValidationResult Validate(CommandContext context, Settings settings)
    {
        if (!File.Exists(settings.Gold)) return ValidationResult.Error($"--gold: no file '{settings.Gold}'.");
        if (settings.Format is not null and not ("iob2" or "conll" or "conllu")) return ValidationResult.Error("--format: iob2, conll or conllu.");
        if (settings.Variant is not ("sparse" or "minilm" or "minilm-ft")) return ValidationResult.Error("--variant: sparse, minilm or minilm-ft.");
        if (settings.Variant == "minilm-ft" && FineTunedNerCommands.ResolveModel(settings.Model) is null) return ValidationResult.Error($"No fine-tuned NER model found ({FineTunedNerCommands.DefaultModel}); use --model.");
        if (settings.Variant == "minilm-ft" && ResolveModel(settings.SparseModel) is null) return ValidationResult.Error(settings.SparseModel is null ? $"No {DefaultModel} found; use --sparse-model." : $"--sparse-model: no file '{settings.SparseModel}'.");
        if (settings.Variant == "minilm" && MiniLmNerCommands.ResolveModel(settings.Model) is null) return ValidationResult.Error($"No MiniLM NER model found ({MiniLmNerCommands.DefaultModel}); use --model.");
        if (settings.Variant == "sparse" && ResolveModel(settings.Model) is null) return ValidationResult.Error(settings.Model is null ? $"No model given and no {DefaultModel} found; use --model." : $"--model: no file '{settings.Model}'.");
        if (EvalPosCommand.ResolveModel(settings.PosModel) is null) return ValidationResult.Error("No POS model found; use --pos-model.");
        return ValidationResult.Success();
    }

    /// <summary>The given model path, or the default model looked up from the current folder and the executable's folder upwards.</summary>
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

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        NerFormat? format = settings.Format switch { "iob2" => NerFormat.Iob2, "conll" => NerFormat.Conll, "conllu" => NerFormat.Conllu, _ => null };
        if (settings.Variant == "minilm")
        {
            var (ms, mpath) = MiniLmNerCommands.Eval(settings.Gold, format, settings.Model, settings.PosModel, settings.Record, settings.Predictions);
            return Report(settings, ms, mpath, "MiniLM variant: features + MiniLM encoder + decoding");
        }
        if (settings.Variant == "minilm-ft")
        {
            var (fs, fpath) = FineTunedNerCommands.Eval(settings.Gold, format, settings.Model, settings.SparseModel, settings.FtWeight, settings.PosModel, settings.Record, settings.Predictions);
            return Report(settings, fs, fpath, "fine-tuned MiniLM encoder + head + decoding");
        }
        var modelPath = ResolveModel(settings.Model)!;
        var model = NerModel.Load(modelPath);
        var pos = new PosTagger(PosModel.Load(EvalPosCommand.ResolveModel(settings.PosModel)!));
        var gold = NerCorpus.WithPredictedUpos(NerCorpus.Read(settings.Gold, format), pos);
        var s = NerEvaluation.Score(new NerTagger(model), gold, out var predicted);
        if (settings.Predictions is not null) NerCorpus.WriteIob2(settings.Predictions, gold, predicted);
        if (settings.Record is not null)
            NerManifest.Record(Path.Combine(Path.GetDirectoryName(Path.GetFullPath(modelPath))!, "MANIFEST.json"), settings.Record, s);
        return Report(settings, s, modelPath, "features + gazetteer + decoding");
    }

    /// <summary>Tags every sentence on one thread, timing the tagger alone; scores, and writes the predictions when asked.</summary>
    internal static NerScores ScoreSentences(List<NerSentence> sentences, Func<NerSentence, List<NerSpan>> tag, string? predictions)
    {
        var predicted = new List<NerSpan>[sentences.Count];
        long words = 0;
        var sw = System.Diagnostics.Stopwatch.StartNew();
        for (int i = 0; i < sentences.Count; i++)
        {
            predicted[i] = tag(sentences[i]);
            words += sentences[i].Forms.Length;
        }
        var seconds = sw.Elapsed.TotalSeconds;
        var scores = NerEvaluation.Score(sentences, predicted) with { TokensPerSecond = seconds > 0 ? words / seconds : null };
        if (predictions is not null) NerCorpus.WriteIob2(predictions, sentences, predicted);
        return scores;
    }

    private static int Report(Settings settings, NerScores s, string modelPath, string timed)
    {
        if (settings.Json)
        {
            JsonOutput.Write(Console.Out, w =>
            {
                w.WriteStartObject();
                w.WriteString("gold", Path.GetFileName(settings.Gold));
                w.WriteString("model", Path.GetFileName(modelPath));
                w.WriteNumber("sentences", s.Sentences);
                w.WriteNumber("words", s.Words);
                foreach (var t in s.PerType.Prepend(s.Overall))
                {
                    w.WriteStartObject(t.Type);
                    w.WriteNumber("gold", t.Gold);
                    w.WriteNumber("predicted", t.Predicted);
                    w.WriteNumber("correct", t.Correct);
                    w.WriteNumber("precision", Math.Round(t.Precision, 2));
                    w.WriteNumber("recall", Math.Round(t.Recall, 2));
                    w.WriteNumber("f1", Math.Round(t.F1, 2));
                    w.WriteEndObject();
                }
                if (s.TokensPerSecond is { } tps) w.WriteNumber("ner_tokens_per_second", Math.Round(tps));
                w.WriteEndObject();
            });
            return ExitCodes.Ok;
        }

        var table = new Table().Border(TableBorder.Simple)
            .Title(Markup.Escape($"NER: {Path.GetFileName(settings.Gold)}, gold tokens, exact-span micro (GPE scored as LOC, NORP left out)"));
        table.AddColumn("type").AddColumn(new TableColumn("gold").RightAligned()).AddColumn(new TableColumn("predicted").RightAligned())
            .AddColumn(new TableColumn("P").RightAligned()).AddColumn(new TableColumn("R").RightAligned()).AddColumn(new TableColumn("F1").RightAligned());
        foreach (var t in s.PerType.Append(s.Overall))
            table.AddRow(t.Type, I(t.Gold), I(t.Predicted), F(t.Precision), F(t.Recall), F(t.F1));
        Consoles.Out.Write(table);
        if (s.TokensPerSecond is { } tps2)
            Consoles.Out.MarkupLine(Markup.Escape(string.Create(CultureInfo.InvariantCulture, $"NER alone: {tps2:0} tokens/s (1 thread, {timed})")));
        return ExitCodes.Ok;
    }

    private static string F(double v) => v.ToString("0.00", CultureInfo.InvariantCulture);
    private static string I(int v) => v.ToString(CultureInfo.InvariantCulture);
}
