using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using Sitrep.Actors.Kb;
using Sitrep.Cli.Output;
using Sitrep.Nlp.Ner;
using Sitrep.Nlp.Tagging;
using Sitrep.Nlp.Tokenization;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Sitrep.Cli.Commands.Nlp;

/// <summary>Trains the NER tagger on .iob2, CoNLL column and GUM CoNLL-U files, with a gazetteer compiled from the knowledge base.</summary>
public sealed class TrainNerCommand : Command<TrainNerCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandOption("--train <FILE>")]
        [Description("Training file: .iob2 (UNER), .conllu (GUM Entity= annotations) or a CoNLL column file (form first, IOB tag last); repeat the option for several.")]
        public string[] Train { get; init; } = [];

        [CommandOption("--dev <FILE>")]
        [Description("Dev file (same formats): span F1 after each epoch and at the end.")]
        public string? Dev { get; init; }

        [CommandOption("--out <PATH>")]
        [Description("Model file to write.")]
        public string Out { get; init; } = "";

        [CommandOption("--epochs <N>")]
        [DefaultValue(8)]
        public int Epochs { get; init; } = 8;

        [CommandOption("--seed <N>")]
        [DefaultValue(1)]
        public int Seed { get; init; } = 1;

        [CommandOption("--min-count <N>")]
        [DefaultValue(2)]
        public int MinCount { get; init; } = 2;

        [CommandOption("--pos-model <PATH>")]
        [Description("POS model whose UPOS tags the features use (default: data/models/pos/en-ewt-pos.bin).")]
        public string? PosModel { get; init; }

        [CommandOption("--kb <DIR>")]
        [Description("Knowledge base the gazetteer is compiled from (default: data/kb; 'none' for no gazetteer).")]
        public string? Kb { get; init; }

        [CommandOption("--gazetteer <FILE>")]
        [Description("Extra gazetteer list (TYPE<TAB>NAME, see data/models/ner/FORMAT.md) compiled into the model beside the KB phrases; repeat the option for several.")]
        public string[] GazetteerFiles { get; init; } = [];

        [CommandOption("--manifest <FILE>")]
        [Description("Write the model's manifest (sha256, licence, data, command, dev scores) to this file.")]
        public string? Manifest { get; init; }

        [CommandOption("--bag <N>")]
        [Description("Train N models with seeds seed, seed+1, ... and average their weights into one (default 1).")]
        [DefaultValue(1)]
        public int Bag { get; init; } = 1;

        [CommandOption("--beam <N>")]
        [Description("Beam width the model decodes with, stored in the model when wider than 1 (default 1 = greedy).")]
        [DefaultValue(1)]
        public int Beam { get; init; } = 1;

        [CommandOption("--train-beam <N>")]
        [Description("0 (default): per-word perceptron with greedy history. N >= 1: structured perceptron, each sentence decoded with a beam of width N and updated where --update says.")]
        [DefaultValue(0)]
        public int TrainBeam { get; init; }

        [CommandOption("--update <KIND>")]
        [Description("With --train-beam: max-violation (default) or early.")]
        [DefaultValue("max-violation")]
        public string Update { get; init; } = "max-violation";

        [CommandOption("--cv-beams <LIST>")]
        [Description("With --cv: score each fold's model with each of these comma-separated beam widths (default: --beam).")]
        public string? CvBeams { get; init; }

        [CommandOption("--cv <FILE>")]
        [Description("Cross-validate instead of writing a model: split FILE's documents into --folds folds (document index mod folds); for each fold, train on every --train file with that fold's documents taken out of FILE's copies, score the fold, and print the pooled P/R/F1.")]
        public string? Cv { get; init; }

        [CommandOption("--distill <FILE>")]
        [Description("Unannotated text (.conllu or any format --train reads; its own tags are ignored), labelled by the --teacher model and added to the training data once: distillation of the MiniLM variant into the fast model.")]
        public string? Distill { get; init; }

        [CommandOption("--teacher <FILE>")]
        [Description("With --distill: the MiniLM-variant model that labels the text (default data/models/ner/en-ner-minilm.bin).")]
        public string? Teacher { get; init; }

        [CommandOption("--cv-fold-train <PATTERN>")]
        [Description("With --cv: an extra training file for each fold, PATTERN with {fold} replaced by the fold's index (0-based). For data that must not have seen the held-out fold, such as a teacher's labels made by a teacher trained without it (write them with `sitrep eval ner --variant minilm --model T --gold TEXT --predictions FILE`).")]
        public string? CvFoldTrain { get; init; }

        [CommandOption("--cv-errors <FILE>")]
        [Description("With --cv: write every held-out sentence with a missed or spurious mention (gold and predicted) to FILE.")]
        public string? CvErrors { get; init; }

        [CommandOption("--folds <N>")]
        [DefaultValue(5)]
        public int Folds { get; init; } = 5;

        [CommandOption("--variant <NAME>")]
        [Description("sparse (the default model) or minilm (adds MiniLM token vectors; see --scale, --context, --vector-cache).")]
        public string Variant { get; init; } = "sparse";

        [CommandOption("--scale <X>")]
        [Description("minilm: step size of the standardized MiniLM vectors against the sparse features (default 0.25).")]
        public float Scale { get; init; } = 0.25f;

        [CommandOption("--context <N>")]
        [Description("minilm: 0 = the word's own vector, 1 = also its neighbours' (default 0).")]
        public int Context { get; init; }

        [CommandOption("--vector-cache <DIR>")]
        [Description("minilm: cache the MiniLM vectors of the training and dev files in DIR between runs.")]
        public string? VectorCache { get; init; }
    }

    public override ValidationResult Validate(CommandContext context, Settings settings)
    {
        if (settings.Train.Length == 0) return ValidationResult.Error("--train: give at least one file.");
        foreach (var t in settings.Train) if (!File.Exists(t)) return ValidationResult.Error($"--train: no file '{t}'.");
        if (settings.Dev is not null && !File.Exists(settings.Dev)) return ValidationResult.Error($"--dev: no file '{settings.Dev}'.");
        foreach (var g in settings.GazetteerFiles) if (!File.Exists(g)) return ValidationResult.Error($"--gazetteer: no file '{g}'.");
        if (settings.Cv is not null && !File.Exists(settings.Cv)) return ValidationResult.Error($"--cv: no file '{settings.Cv}'.");
        if (settings.Cv is not null && settings.Folds < 2) return ValidationResult.Error("--folds must be at least 2.");
        if (settings.Cv is null && string.IsNullOrWhiteSpace(settings.Out)) return ValidationResult.Error("--out: give the model file to write.");
        if (settings.Epochs < 1) return ValidationResult.Error("--epochs must be at least 1.");
        if (settings.MinCount < 1) return ValidationResult.Error("--min-count must be at least 1.");
        if (EvalPosCommand.ResolveModel(settings.PosModel) is null) return ValidationResult.Error("No POS model found; use --pos-model.");
        if (settings.Variant == "minilm-ft")
            return ValidationResult.Error("--variant minilm-ft is fine-tuned with libtorch by tools/Sitrep.NerFineTune, outside the CLI: see its command in data/models/ner/MANIFEST.json and the README.");
        if (settings.Variant is not ("sparse" or "minilm")) return ValidationResult.Error("--variant: sparse or minilm.");
        if (settings.Context is not (0 or 1)) return ValidationResult.Error("--context: 0 or 1.");
        if (settings.Beam is < 1 or > 64) return ValidationResult.Error("--beam: 1 to 64.");
        if (settings.TrainBeam is < 0 or > 64) return ValidationResult.Error("--train-beam: 0 to 64.");
        if (settings.Update is not ("max-violation" or "early")) return ValidationResult.Error("--update: max-violation or early.");
        if (settings.Distill is not null && !File.Exists(settings.Distill)) return ValidationResult.Error($"--distill: no file '{settings.Distill}'.");
        if (settings.Distill is not null && settings.Variant != "sparse") return ValidationResult.Error("--distill: only for the sparse variant.");
        if (settings.Distill is not null && MiniLmNerCommands.ResolveModel(settings.Teacher) is null) return ValidationResult.Error("--teacher: no MiniLM NER model found.");
        if (settings.Teacher is not null && settings.Distill is null) return ValidationResult.Error("--teacher: only with --distill.");
        if (settings.CvFoldTrain is not null && (settings.Cv is null || !settings.CvFoldTrain.Contains("{fold}", StringComparison.Ordinal)))
            return ValidationResult.Error("--cv-fold-train: only with --cv, and the path must contain {fold}.");
        if (settings.CvFoldTrain is not null)
            for (int f = 0; f < settings.Folds; f++)
                if (!File.Exists(FoldFile(settings.CvFoldTrain, f))) return ValidationResult.Error($"--cv-fold-train: no file '{FoldFile(settings.CvFoldTrain, f)}'.");
        if (settings.CvBeams is not null && ParseBeams(settings.CvBeams) is null) return ValidationResult.Error("--cv-beams: comma-separated widths from 1 to 64.");
        return ValidationResult.Success();
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        if (settings.Variant == "minilm") return MiniLmNerCommands.Train(settings);
        var err = Consoles.Error;
        var pos = new PosTagger(PosModel.Load(EvalPosCommand.ResolveModel(settings.PosModel)!));
        // Each file is read and POS-tagged once, however often it is repeated (repeating a file weights it).
        var files = settings.Train.Distinct(StringComparer.Ordinal)
            .ToDictionary(f => f, f => NerCorpus.WithPredictedUpos(NerCorpus.Read(f), pos), StringComparer.Ordinal);
        var gazetteer = settings.Kb == "none" ? [] : NerGazetteerFile.Split(Gazetteer(KnowledgeBase.Load(KbPaths.Find(settings.Kb) ?? throw new DirectoryNotFoundException("No knowledge base folder found; use --kb."))));
        foreach (var g in settings.GazetteerFiles) gazetteer.AddRange(NerGazetteerFile.Read(g));
        // With --cv the teacher's labels join every fold: a clean estimate needs a teacher per fold (--cv-fold-train) instead.
        var distilled = settings.Distill is null ? null : MiniLmNerCommands.Label(settings.Distill, settings.Teacher, pos, m => err.MarkupLine(Markup.Escape(m)));
        if (settings.Cv is not null) return NerCrossValidation.Run(settings, files, pos, gazetteer, distilled);
        var train = settings.Train.SelectMany(f => files[f]).ToList();
        if (distilled is not null) train.AddRange(distilled);
        var dev = settings.Dev is null ? null : NerCorpus.WithPredictedUpos(NerCorpus.Read(settings.Dev), pos);
        var command = "sitrep train ner " + string.Join(' ', settings.Train.Select(t => "--train " + t))
            + (settings.Dev is null ? "" : " --dev " + settings.Dev) + string.Concat(settings.GazetteerFiles.Select(g => " --gazetteer " + g)) + " --out " + settings.Out
            + string.Create(CultureInfo.InvariantCulture, $" --epochs {settings.Epochs} --seed {settings.Seed} --min-count {settings.MinCount}") + (settings.Bag > 1 ? " --bag " + settings.Bag.ToString(CultureInfo.InvariantCulture) : "")
            + (settings.TrainBeam > 0 ? string.Create(CultureInfo.InvariantCulture, $" --train-beam {settings.TrainBeam} --update {settings.Update}") : "")
            + (settings.Beam > 1 ? " --beam " + settings.Beam.ToString(CultureInfo.InvariantCulture) : "")
            + (settings.Distill is null ? "" : " --distill " + settings.Distill + (settings.Teacher is null ? "" : " --teacher " + settings.Teacher));
        var options = TrainingOptions(settings) with
        {
            Description = "trained on " + string.Join(", ", settings.Train.Select(Path.GetFileName))
                + string.Create(CultureInfo.InvariantCulture, $"; epochs {settings.Epochs}, seed {settings.Seed}, min-count {settings.MinCount}, {gazetteer.Count} gazetteer phrases")
                + (settings.TrainBeam > 0 ? string.Create(CultureInfo.InvariantCulture, $", structured training with beam {settings.TrainBeam} ({settings.Update} update)") : "")
                + (settings.Beam > 1 ? string.Create(CultureInfo.InvariantCulture, $", decoded with beam {settings.Beam}") : "")
                + (distilled is null ? "" : string.Create(CultureInfo.InvariantCulture, $", plus {Path.GetFileName(settings.Distill)} labelled by the MiniLM variant ({distilled.Count} sentences, {distilled.Sum(d => d.Spans.Length)} mentions)")),
            Log = m => err.MarkupLine(Markup.Escape(m)),
        };
        var sw = Stopwatch.StartNew();
        var model = NerTrainer.TrainBagged(train, dev, gazetteer, options, settings.Bag);
        model.Save(settings.Out);
        var seconds = sw.Elapsed.TotalSeconds;
        var devScores = dev is null ? null : NerEvaluation.Score(new NerTagger(model), dev);
        if (settings.Manifest is not null)
            NerManifest.Write(settings.Manifest, settings.Out, settings.Train, settings.Dev, command, options, devScores);
        var size = new FileInfo(settings.Out).Length;
        Consoles.Out.MarkupLine(Markup.Escape(string.Create(CultureInfo.InvariantCulture,
            $"{settings.Out}: {size / 1e6:0.00} MB, {model.FeatureCount} features, trained in {seconds:0.0}s, sha256 {NerModel.Sha256(settings.Out)}")));
        if (devScores is not null)
            Consoles.Out.MarkupLine(Markup.Escape(string.Create(CultureInfo.InvariantCulture,
                $"dev: P {devScores.Overall.Precision:0.00}  R {devScores.Overall.Recall:0.00}  F1 {devScores.Overall.F1:0.00}")));
        return ExitCodes.Ok;
    }

    /// <summary>The training options the settings give (epochs, seed, min-count, beams, update).</summary>
    internal static NerTrainingOptions TrainingOptions(Settings settings) => new()
    {
        Epochs = settings.Epochs,
        Seed = settings.Seed,
        MinFeatureCount = settings.MinCount,
        DecodeBeam = settings.Beam,
        TrainBeam = settings.TrainBeam,
        Update = settings.Update == "early" ? NerBeamUpdate.Early : NerBeamUpdate.MaxViolation,
    };

    /// <summary>The --cv-fold-train file of fold <paramref name="fold"/>.</summary>
    internal static string FoldFile(string pattern, int fold) => pattern.Replace("{fold}", fold.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);

    /// <summary>"1,4,8" as widths, or null when a width is not a number from 1 to 64.</summary>
    internal static int[]? ParseBeams(string list)
    {
        var parts = list.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var result = new int[parts.Length];
        for (int i = 0; i < parts.Length; i++)
            if (!int.TryParse(parts[i], NumberStyles.None, CultureInfo.InvariantCulture, out result[i]) || result[i] is < 1 or > 64) return null;
        return result.Length == 0 ? null : result;
    }

    /// <summary>
    /// Gazetteer phrases from the KB: country and territory names, short forms, former names and capitals (GPE), demonyms
    /// (NORP), seats and organization names (ORG), people's names (PER), their surnames and first names. A leading "the" is dropped.
    /// </summary>
    public static List<GazetteerEntry> Gazetteer(KnowledgeBase kb)
    {
        var seen = new HashSet<(string, GazetteerType)>();
        var result = new List<GazetteerEntry>();
        void Add(string? text, GazetteerType type)
        {
            if (string.IsNullOrWhiteSpace(text)) return;
            var t = text.Trim();
            if (t.StartsWith("the ", StringComparison.OrdinalIgnoreCase)) t = t[4..];
            var tokens = Tokenizer.Tokenize(t).Select(r => t[r.Start..r.End]).ToArray();
            if (tokens.Length is 0 or > GazetteerEntry.MaxTokens) return;
            if (seen.Add((string.Join(' ', tokens), type))) result.Add(new GazetteerEntry(tokens, type));
        }
        foreach (var c in kb.Countries)
        {
            Add(c.Capital, GazetteerType.Gpe);
            Add(c.Name, GazetteerType.Gpe);
            foreach (var a in c.Aliases)
                switch (a.Kind)
                {
                    case AliasKind.Name or AliasKind.Short or AliasKind.Former or AliasKind.Capital: Add(a.Text, GazetteerType.Gpe); break;
                    case AliasKind.Demonym or AliasKind.DemonymPlural: Add(a.Text, GazetteerType.Norp); break;
                    case AliasKind.Seat: Add(a.Text, GazetteerType.Organization); break;
                }
        }
        foreach (var o in kb.Organizations)
        {
            Add(o.Name, GazetteerType.Organization);
            foreach (var a in o.Aliases)
                if (a.Kind is AliasKind.Name or AliasKind.Short or AliasKind.Former or AliasKind.Seat) Add(a.Text, GazetteerType.Organization);
        }
        foreach (var p in kb.People)
        {
            Add(p.Name, GazetteerType.Person);
            var parts = p.Name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length >= 2) { Add(parts[0], GazetteerType.FirstName); Add(parts[^1], GazetteerType.Surname); }
            foreach (var a in p.Aliases)
                if (a.Kind is AliasKind.Name or AliasKind.Former) Add(a.Text, GazetteerType.Person);
                else if (a.Kind == AliasKind.Surname) Add(a.Text, GazetteerType.Surname);
        }
        return result;
    }
}
