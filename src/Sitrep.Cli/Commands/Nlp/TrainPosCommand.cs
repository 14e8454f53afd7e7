using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using Sitrep.Cli.Output;
using Sitrep.Nlp.Conllu;
using Sitrep.Nlp.Evaluation;
using Sitrep.Nlp.Tagging;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Sitrep.Cli.Commands.Nlp;

/// <summary>Trains the POS tagger and lemmatizer on CoNLL-U treebanks and writes the model file (and its manifest).</summary>
public sealed class TrainPosCommand : Command<TrainPosCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandOption("--train <FILE>")]
        [Description("Training treebank (CoNLL-U); repeat the option for several.")]
        public string[] Train { get; init; } = [];

        [CommandOption("--dev <FILE>")]
        [Description("Dev treebank (CoNLL-U): accuracy is reported after each epoch and at the end.")]
        public string? Dev { get; init; }

        [CommandOption("--out <PATH>")]
        [Description("Model file to write.")]
        public string Out { get; init; } = "";

        [CommandOption("--epochs <N>")]
        [DefaultValue(7)]
        public int Epochs { get; init; } = 7;

        [CommandOption("--seed <N>")]
        [DefaultValue(1)]
        public int Seed { get; init; } = 1;

        [CommandOption("--min-count <N>")]
        [Description("Drop features seen fewer times than this in training.")]
        [DefaultValue(2)]
        public int MinCount { get; init; } = 2;

        [CommandOption("--single-pass")]
        [Description("Skip the second (stacked) pass: about twice as fast to tag, about 0.15 points lower UPOS on EWT dev.")]
        public bool SinglePass { get; init; }

        [CommandOption("--manifest <FILE>")]
        [Description("Write the model's manifest (sha256, licence, data, command, dev scores) to this file.")]
        public string? Manifest { get; init; }
    }

    public override ValidationResult Validate(CommandContext context, Settings settings)
    {
        if (settings.Train.Length == 0) return ValidationResult.Error("--train: give at least one CoNLL-U file.");
        foreach (var t in settings.Train) if (!File.Exists(t)) return ValidationResult.Error($"--train: no file '{t}'.");
        if (settings.Dev is not null && !File.Exists(settings.Dev)) return ValidationResult.Error($"--dev: no file '{settings.Dev}'.");
        if (string.IsNullOrWhiteSpace(settings.Out)) return ValidationResult.Error("--out: give the model file to write.");
        if (settings.Epochs < 1) return ValidationResult.Error("--epochs must be at least 1.");
        if (settings.MinCount < 1) return ValidationResult.Error("--min-count must be at least 1.");
        return ValidationResult.Success();
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var err = Consoles.Error;
        var train = settings.Train.SelectMany(ConlluReader.Read).ToList();
        var dev = settings.Dev is null ? null : ConlluReader.ReadAll(settings.Dev);
        var command = "sitrep train pos " + string.Join(' ', settings.Train.Select(t => "--train " + t))
            + (settings.Dev is null ? "" : " --dev " + settings.Dev) + " --out " + settings.Out
            + string.Create(CultureInfo.InvariantCulture, $" --epochs {settings.Epochs} --seed {settings.Seed} --min-count {settings.MinCount}")
            + (settings.SinglePass ? " --single-pass" : "");
        var options = new PosTrainingOptions
        {
            Epochs = settings.Epochs,
            Seed = settings.Seed,
            MinFeatureCount = settings.MinCount,
            Stacked = !settings.SinglePass,
            // Only file names: the model bytes must not depend on where the data lives.
            Description = "trained on " + string.Join(", ", settings.Train.Select(Path.GetFileName))
                + string.Create(CultureInfo.InvariantCulture, $"; epochs {settings.Epochs}, seed {settings.Seed}, min-count {settings.MinCount}")
                + (settings.SinglePass ? ", single pass" : ""),
            Log = m => err.MarkupLine(Markup.Escape(m)),
        };
        var sw = Stopwatch.StartNew();
        var model = PosTrainer.Train(train, dev, options);
        model.Save(settings.Out);
        var seconds = sw.Elapsed.TotalSeconds;
        PosScores? devScores = dev is null ? null : PosEvaluation.GoldTokens(model, dev);
        if (settings.Manifest is not null)
            PosManifest.Write(settings.Manifest, settings.Out, settings.Train, settings.Dev, command, options, devScores);

        var size = new FileInfo(settings.Out).Length;
        Consoles.Out.MarkupLine(Markup.Escape(string.Create(CultureInfo.InvariantCulture,
            $"{settings.Out}: {size / 1e6:0.00} MB, {model.FeatureCount} features, {model.ClassCount} classes, trained in {seconds:0.0}s, sha256 {PosModel.Sha256(settings.Out)}")));
        if (devScores is not null)
            Consoles.Out.MarkupLine(Markup.Escape(string.Create(CultureInfo.InvariantCulture,
                $"dev (gold tokens): UPOS {devScores.Upos:0.00}  XPOS {devScores.Xpos:0.00}  lemma {devScores.Lemma:0.00}  ({devScores.GoldWords} words)")));
        return ExitCodes.Ok;
    }
}
