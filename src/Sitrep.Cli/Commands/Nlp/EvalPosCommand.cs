using System.ComponentModel;
using System.Globalization;
using Sitrep.Cli.Output;
using Sitrep.Nlp.Conllu;
using Sitrep.Nlp.Evaluation;
using Sitrep.Nlp.Tagging;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Sitrep.Cli.Commands.Nlp;

/// <summary>Scores the POS tagger and lemmatizer on a CoNLL-U file: with gold tokens, or from raw text through the tokenizer (--raw).</summary>
public sealed class EvalPosCommand : Command<EvalPosCommand.Settings>
{
    public const string DefaultModel = "data/models/pos/en-ewt-pos.bin";

    public sealed class Settings : CommandSettings
    {
        [CommandOption("--gold <FILE>")]
        [Description("Gold treebank (CoNLL-U).")]
        public string Gold { get; init; } = "";

        [CommandOption("--model <PATH>")]
        [Description("POS model file (default: data/models/pos/en-ewt-pos.bin, found from the current folder upwards).")]
        public string? Model { get; init; }

        [CommandOption("--raw")]
        [Description("Start from the raw text of the '# text' lines: tokenize, split and tag, then score with character-span matching (CoNLL 2018).")]
        public bool Raw { get; init; }

        [CommandOption("--record <NAME>")]
        [Description("Record the scores under NAME in the MANIFEST.json beside the model.")]
        public string? Record { get; init; }

        [CommandOption("--json")]
        public bool Json { get; init; }
    }

    public override ValidationResult Validate(CommandContext context, Settings settings)
    {
        if (!File.Exists(settings.Gold)) return ValidationResult.Error($"--gold: no file '{settings.Gold}'.");
        var model = ResolveModel(settings.Model);
        if (model is null) return ValidationResult.Error(settings.Model is null ? $"No model given and no {DefaultModel} found; use --model." : $"--model: no file '{settings.Model}'.");
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
        var modelPath = ResolveModel(settings.Model)!;
        var model = PosModel.Load(modelPath);
        var gold = ConlluReader.ReadAll(settings.Gold);
        var s = settings.Raw ? PosEvaluation.Raw(model, gold) : PosEvaluation.GoldTokens(model, gold);
        if (settings.Record is not null)
            PosManifest.Record(Path.Combine(Path.GetDirectoryName(Path.GetFullPath(modelPath))!, "MANIFEST.json"), settings.Record, s);

        if (settings.Json)
        {
            JsonOutput.Write(Console.Out, w =>
            {
                w.WriteStartObject();
                w.WriteString("gold", Path.GetFileName(settings.Gold));
                w.WriteString("model", Path.GetFileName(modelPath));
                w.WriteString("mode", settings.Raw ? "raw" : "gold_tokens");
                w.WriteNumber("words", s.GoldWords);
                w.WriteNumber("upos", Math.Round(s.Upos, 2));
                w.WriteNumber("xpos", Math.Round(s.Xpos, 2));
                w.WriteNumber("lemma", Math.Round(s.Lemma, 2));
                if (s.TokenF1 is { } t) w.WriteNumber("token_f1", Math.Round(t, 2));
                if (s.SentenceF1 is { } se) w.WriteNumber("sentence_f1", Math.Round(se, 2));
                if (s.WordF1 is { } wf) w.WriteNumber("word_f1", Math.Round(wf, 2));
                if (s.TokensPerSecond is { } tps) w.WriteNumber("tokens_per_second", Math.Round(tps));
                w.WriteEndObject();
            });
            return ExitCodes.Ok;
        }

        var table = new Table().Border(TableBorder.Simple)
            .Title(Markup.Escape($"POS tagging: {Path.GetFileName(settings.Gold)}, {(settings.Raw ? "raw text (F1, span-matched)" : "gold tokens (accuracy)")}"));
        table.AddColumn("metric").AddColumn(new TableColumn("score").RightAligned());
        if (s.TokenF1 is { } tf) table.AddRow("tokens F1", F(tf));
        if (s.SentenceF1 is { } sf) table.AddRow("sentences F1", F(sf));
        if (s.WordF1 is { } wf2) table.AddRow("words F1", F(wf2));
        table.AddRow("UPOS", F(s.Upos)).AddRow("XPOS", F(s.Xpos)).AddRow("lemma", F(s.Lemma));
        table.AddRow("gold words", s.GoldWords.ToString(CultureInfo.InvariantCulture));
        if (s.TokensPerSecond is { } tps2) table.AddRow("tokenize+tag tokens/s (1 thread)", tps2.ToString("0", CultureInfo.InvariantCulture));
        Consoles.Out.Write(table);
        return ExitCodes.Ok;
    }

    private static string F(double v) => v.ToString("0.00", CultureInfo.InvariantCulture);
}
