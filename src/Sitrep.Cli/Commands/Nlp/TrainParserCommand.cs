using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using Sitrep.Cli.Output;
using Sitrep.Nlp.Conllu;
using Sitrep.Nlp.Parsing;
using Sitrep.Nlp.Tagging;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Sitrep.Cli.Commands.Nlp;

/// <summary>Trains the dependency parser on CoNLL-U treebanks and writes the model file.</summary>
public sealed class TrainParserCommand : Command<TrainParserCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandOption("--train <FILE>")]
        [Description("Training treebank (CoNLL-U); repeat the option for several.")]
        public string[] Train { get; init; } = [];

        [CommandOption("--dev <FILE>")]
        [Description("Dev treebank (CoNLL-U): the epoch with the best dev LAS is kept.")]
        public string? Dev { get; init; }

        [CommandOption("--out <PATH>")]
        [Description("Model file to write.")]
        public string Out { get; init; } = "";

        [CommandOption("--epochs <N>")]
        [DefaultValue(15)]
        public int Epochs { get; init; } = 15;

        [CommandOption("--seed <N>")]
        [DefaultValue(1)]
        public int Seed { get; init; } = 1;

        [CommandOption("--pos-model <PATH>")]
        [Description("Tag the dev set with this POS model (model selection on the tags the parser will see); without --jackknife the training set too.")]
        public string? PosModel { get; init; }

        [CommandOption("--jackknife <K>")]
        [Description("Tag the training set with K-fold jackknifed POS taggers (trained here on the other folds); 0: gold tags, or --pos-model's.")]
        [DefaultValue(0)]
        public int Jackknife { get; init; }

        [CommandOption("--jackknife-epochs <N>")]
        [Description("Training epochs of each jackknife tagger (and of the tagger that tags dev).")]
        [DefaultValue(4)]
        public int JackknifeEpochs { get; init; } = 4;

        [CommandOption("--action-bits <N>")]
        [Description("log2 of the transition weight table's rows.")]
        [DefaultValue(21)]
        public int ActionBits { get; init; } = 21;

        [CommandOption("--label-bits <N>")]
        [Description("log2 of the label weight table's rows.")]
        [DefaultValue(19)]
        public int LabelBits { get; init; } = 19;

        [CommandOption("--news-titles <CHANCE>")]
        [Description("Add copies of training trees with a title inserted before a person's name (\"Russian President Vladimir Putin\"), with this chance where one fits (0: none). See NewsTreeAugmenter.")]
        [DefaultValue(0.0)]
        public double NewsTitles { get; init; }

        [CommandOption("--news-days <CHANCE>")]
        [Description("Add copies of training trees with a day inserted between a past-tense verb and its subject (\"Putin on Tuesday signed\") or after a reporting verb (\"said Tuesday that\"), with this chance where one fits (0: none).")]
        [DefaultValue(0.0)]
        public double NewsDays { get; init; }

        [CommandOption("--news-attributions <CHANCE>")]
        [Description("Add copies of declarative training trees turned into reports with the attribution at the end (\"…, the ministry said.\"), with this chance (0: none).")]
        [DefaultValue(0.0)]
        public double NewsAttributions { get; init; }

        [CommandOption("--ensemble <N>")]
        [Description("Train N parsers on the same tagged data with seeds seed, seed+1, … and write their average (one model's size; it scores as the members' mean).")]
        [DefaultValue(1)]
        public int Ensemble { get; init; } = 1;

        [CommandOption("--average-with <MODEL>")]
        [Description("Average the trained model (or ensemble) with this existing model, weighted one to one: keeps much of a shipped parser's behaviour while adding what the new one learned.")]
        public string? AverageWith { get; init; }

        [CommandOption("--beam <N>")]
        [Description("Train globally for beam search of N items (structured perceptron, max-violation updates) and decode with it; 1: greedy training with the dynamic oracle.")]
        [DefaultValue(1)]
        public int Beam { get; init; } = 1;

        [CommandOption("--limit <N>")]
        [Description("Use only the first N training sentences (quick experiments).")]
        public int? Limit { get; init; }
    }

    public override ValidationResult Validate(CommandContext context, Settings settings)
    {
        if (settings.Train.Length == 0) return ValidationResult.Error("--train: give at least one CoNLL-U file.");
        foreach (var t in settings.Train) if (!File.Exists(t)) return ValidationResult.Error($"--train: no file '{t}'.");
        if (settings.Dev is not null && !File.Exists(settings.Dev)) return ValidationResult.Error($"--dev: no file '{settings.Dev}'.");
        if (settings.PosModel is not null && !File.Exists(settings.PosModel)) return ValidationResult.Error($"--pos-model: no file '{settings.PosModel}'.");
        if (string.IsNullOrWhiteSpace(settings.Out)) return ValidationResult.Error("--out: give the model file to write.");
        if (settings.AverageWith is not null && !File.Exists(settings.AverageWith)) return ValidationResult.Error($"--average-with: no file '{settings.AverageWith}'.");
        if (settings.Ensemble is < 1 or > 16) return ValidationResult.Error("--ensemble: 1 to 16 models.");
        if (settings.Beam is < 1 or > ParserModel.MaxBeamWidth) return ValidationResult.Error($"--beam: 1 to {ParserModel.MaxBeamWidth}.");
        if (settings.Epochs < 1) return ValidationResult.Error("--epochs must be at least 1.");
        if (settings.Jackknife is 1 or < 0) return ValidationResult.Error("--jackknife: 0 (off) or at least 2 folds.");
        if (settings.NewsTitles is < 0 or > 1 || settings.NewsDays is < 0 or > 1 || settings.NewsAttributions is < 0 or > 1) return ValidationResult.Error("--news-titles/--news-days/--news-attributions: a chance from 0 to 1.");
        if (settings.ActionBits is < 12 or > 24 || settings.LabelBits is < 12 or > 24) return ValidationResult.Error("--action-bits/--label-bits: 12 to 24.");
        return ValidationResult.Success();
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var err = Consoles.Error;
        // Checked before training, not after it: the model to average with must have this run's table sizes.
        var existing = settings.AverageWith is null ? null : ParserModel.Load(settings.AverageWith);
        if (existing is not null && (existing.ActionBits != settings.ActionBits || existing.LabelBits != settings.LabelBits))
        {
            err.MarkupLine(Markup.Escape($"sitrep: --average-with: {settings.AverageWith} has tables of {existing.ActionBits}/{existing.LabelBits} bits; give --action-bits {existing.ActionBits} --label-bits {existing.LabelBits}."));
            return ExitCodes.Usage;
        }
        var conllu = settings.Train.SelectMany(ConlluReader.Read).Where(s => s.Tokens.Count > 0).ToList();
        if (settings.Limit is { } limit) conllu = [.. conllu.Take(limit)];
        string derived = "";
        if (settings.NewsTitles > 0 || settings.NewsDays > 0 || settings.NewsAttributions > 0)
        {
            var news = NewsTreeAugmenter.Derive(conllu, settings.Seed, out var summary, settings.NewsTitles, settings.NewsDays, settings.NewsAttributions);
            conllu.AddRange(news);
            derived = string.Create(CultureInfo.InvariantCulture,
                $", plus {summary.Sentences} derived news-construction trees ({summary.Titles} titles, {summary.Attributions} attributions; days {summary.DaysBeforeVerb} before the verb, {summary.DaysAfterVerb} after a reporting verb, {summary.DaysBeforeAttribution} before and {summary.DaysAfterAttribution} after an attribution; {summary.PlacesAfterSubject} places after the subject; chances {settings.NewsTitles}, {settings.NewsDays} and {settings.NewsAttributions})");
            err.MarkupLine(Markup.Escape("parser: " + derived[2..]));
        }
        var train = conllu.Select(ParserSentence.FromConllu).ToList();
        var dev = settings.Dev is null ? null : ParserSentence.ReadConllu(settings.Dev);
        string tags = "gold tags";
        var tagger = settings.PosModel is null ? null : new PosTagger(PosModel.Load(settings.PosModel));
        if (settings.Jackknife > 1)
        {
            var sw0 = Stopwatch.StartNew();
            train = ParserTagging.Jackknife(conllu, settings.Jackknife, new PosTrainingOptions { Seed = settings.Seed, Epochs = settings.JackknifeEpochs },
                m => err.MarkupLine(Markup.Escape(string.Create(CultureInfo.InvariantCulture, $"{sw0.Elapsed.TotalSeconds,4:0}s {m}"))));
            tags = string.Create(CultureInfo.InvariantCulture, $"{settings.Jackknife}-fold jackknifed tags");
            if (dev is not null && tagger is null)
            {
                // Dev is tagged as text will be in use: by a tagger trained on all the training data.
                tagger = new PosTagger(PosTrainer.Train(conllu, null, new PosTrainingOptions { Seed = settings.Seed, Epochs = settings.JackknifeEpochs }));
                dev = ParserTagging.WithPredictedTags(dev, tagger);
                tags += ", dev tagged by a tagger trained on the training files";
                tagger = null;
            }
        }
        else if (tagger is not null)
        {
            train = ParserTagging.WithPredictedTags(train, tagger);
            tags = "predicted tags (" + Path.GetFileName(settings.PosModel) + ")";
        }
        if (dev is not null && tagger is not null)
        {
            dev = ParserTagging.WithPredictedTags(dev, tagger);
            tags += ", dev tagged by " + Path.GetFileName(settings.PosModel);
        }
        err.MarkupLine(Markup.Escape(string.Create(CultureInfo.InvariantCulture,
            $"parser: {train.Count} training sentences ({train.Sum(s => s.Count)} words), {dev?.Count ?? 0} dev sentences, {tags}")));
        var options = new ParserTrainingOptions
        {
            Epochs = settings.Epochs,
            Seed = settings.Seed,
            ActionBits = settings.ActionBits,
            LabelBits = settings.LabelBits,
            BeamWidth = settings.Beam,
            Description = "trained on " + string.Join(", ", settings.Train.Select(Path.GetFileName)) + derived + " with " + tags,
        };
        var sw = Stopwatch.StartNew();
        var members = new List<ParserModel>();
        for (int k = 0; k < settings.Ensemble; k++)
        {
            var memberOptions = options with { Seed = settings.Seed + k };
            if (settings.Ensemble > 1) err.MarkupLine(Markup.Escape(string.Create(CultureInfo.InvariantCulture, $"parser: ensemble member {k + 1} of {settings.Ensemble}, seed {memberOptions.Seed}")));
            members.Add(ParserTrainer.Train(train, dev, memberOptions, r => err.MarkupLine(Markup.Escape(string.Create(CultureInfo.InvariantCulture,
                $"epoch {r.Epoch,2}: {r.TrainSeconds,5:0.0}s, train transitions {100 * r.TrainActionAccuracy:0.00}%, dev UAS {r.DevUas:0.00} LAS {r.DevLas:0.00}{(r.Best ? " *" : "")}"))),
                cancellationToken));
        }
        var model = members.Count == 1 ? members[0]
            : ParserModel.Average(members, string.Create(CultureInfo.InvariantCulture,
                $"average of {members.Count} parsers (seeds {settings.Seed}–{settings.Seed + members.Count - 1}): ") + string.Join(" | ", members.Select(m => m.Description)));
        if (existing is not null)
        {
            if (!existing.LabelNames.SequenceEqual(model.LabelNames, StringComparer.Ordinal))
            {
                err.MarkupLine(Markup.Escape($"sitrep: --average-with: {settings.AverageWith} was trained with other relation labels than these training files; it cannot be averaged with this model."));
                return ExitCodes.Usage;
            }
            model = ParserModel.Average([model, existing], string.Create(CultureInfo.InvariantCulture,
                $"average of the model trained here and {Path.GetFileName(settings.AverageWith)} (sha256 {ParserModel.Sha256(existing.ToBytes())[..8]}…): ") + model.Description + " | " + existing.Description);
        }
        if ((members.Count > 1 || existing is not null) && dev is not null)
        {
            var score = ParserTrainer.Evaluate(new DependencyParser(model), dev);
            err.MarkupLine(Markup.Escape(string.Create(CultureInfo.InvariantCulture, $"averaged model: dev UAS {score.Uas:0.00} LAS {score.Las:0.00}")));
        }
        var dir = Path.GetDirectoryName(Path.GetFullPath(settings.Out));
        if (dir is not null) Directory.CreateDirectory(dir);
        var bytes = model.ToBytes();
        File.WriteAllBytes(settings.Out, bytes);
        Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{settings.Out}: {bytes.Length / 1048576.0:0.0} MiB, sha256 {ParserModel.Sha256(bytes)}, {sw.Elapsed.TotalSeconds:0}s ({model.Description})"));
        return ExitCodes.Ok;
    }
}
