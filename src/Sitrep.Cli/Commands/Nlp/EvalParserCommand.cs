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

/// <summary>Scores the dependency parser on a CoNLL-U treebank with gold tokenization: UAS and LAS as the CoNLL 2018 shared task.</summary>
public sealed class EvalParserCommand : Command<EvalParserCommand.Settings>
{
    /// <summary>The shipped model, relative to the repository (or to an install that keeps data/ beside the binary).</summary>
    public const string DefaultModel = "data/models/parser/en-ewt-parser.bin";

    public sealed class Settings : CommandSettings
    {
        [CommandOption("--gold <FILE>")]
        [Description("Gold treebank (CoNLL-U).")]
        public string Gold { get; init; } = "";

        [CommandOption("--model <PATH>")]
        [Description("Parser model (default: " + DefaultModel + ").")]
        public string? Model { get; init; }

        [CommandOption("--pos-model <PATH>")]
        [Description("Tag the words with this POS model first; without it the treebank's gold tags are used.")]
        public string? PosModel { get; init; }

        [CommandOption("--news-constructions")]
        [Description("Score only trees derived from the gold ones with a news lead's words inserted (a title before a name, a day before or after the verb, where one fits; an attribution at the end of three in ten declaratives; NewsTreeAugmenter, seed 1): how the parser does on constructions the treebanks rarely show.")]
        public bool NewsConstructions { get; init; }

        [CommandOption("--out <FILE>")]
        [Description("Also write the parsed trees as CoNLL-U (the words, the tags parsed with, the predicted heads and relations), to read the errors beside the gold file.")]
        public string? Out { get; init; }

        [CommandOption("--beam <N>")]
        [Description("Decode with a beam of N items instead of the model's own width (1: greedy).")]
        public int? Beam { get; init; }

        [CommandOption("--json")]
        public bool Json { get; init; }
    }

    public override ValidationResult Validate(CommandContext context, Settings settings)
    {
        if (!File.Exists(settings.Gold)) return ValidationResult.Error($"--gold: no file '{settings.Gold}'.");
        if (settings.Model is not null && !File.Exists(settings.Model)) return ValidationResult.Error($"--model: no file '{settings.Model}'.");
        if (settings.PosModel is not null && !File.Exists(settings.PosModel)) return ValidationResult.Error($"--pos-model: no file '{settings.PosModel}'.");
        if (settings.Beam is < 1 or > ParserModel.MaxBeamWidth) return ValidationResult.Error($"--beam: 1 to {ParserModel.MaxBeamWidth}.");
        return ValidationResult.Success();
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var modelPath = settings.Model ?? FindDefault(DefaultModel);
        if (modelPath is null)
        {
            Console.Error.WriteLine($"sitrep: no parser model at {DefaultModel}; give --model.");
            return ExitCodes.NotFound;
        }
        var parser = new DependencyParser(ParserModel.Load(modelPath), settings.Beam);
        var gold = settings.NewsConstructions
            ? NewsTreeAugmenter.Derive(ConlluReader.Read(settings.Gold).Where(s => s.Tokens.Count > 0).ToList(), 1, out _, 1.0, 1.0, 0.3).Select(ParserSentence.FromConllu).ToList()
            : ParserSentence.ReadConllu(settings.Gold);
        var input = gold;
        string tags = "gold";
        double? uposAccuracy = null;
        if (settings.PosModel is not null)
        {
            input = ParserTagging.WithPredictedTags(gold, new PosTagger(PosModel.Load(settings.PosModel)));
            uposAccuracy = ParserTagging.UposAccuracy(gold, input);
            tags = "predicted (" + Path.GetFileName(settings.PosModel) + ")";
        }
        ParserTrainer.Evaluate(parser, input.Take(200).ToList()); // warm-up, so the timing below is of warm code
        cancellationToken.ThrowIfCancellationRequested();
        var sw = Stopwatch.StartNew();
        var score = ParserTrainer.Evaluate(parser, input);
        double seconds = sw.Elapsed.TotalSeconds;
        double speed = score.Words / Math.Max(seconds, 1e-9);
        if (settings.Out is not null) WriteParsed(settings.Out, parser, input);

        if (settings.Json)
        {
            JsonOutput.Write(Console.Out, w =>
            {
                w.WriteStartObject();
                w.WriteString("gold", Path.GetFileName(settings.Gold));
                w.WriteBoolean("news_constructions", settings.NewsConstructions);
                w.WriteString("model", Path.GetFileName(modelPath));
                w.WriteString("tags", tags);
                w.WriteString("decoder", parser.Decoder);
                if (uposAccuracy is { } u) w.WriteNumber("upos", Math.Round(u, 2));
                w.WriteNumber("sentences", gold.Count);
                w.WriteNumber("words", score.Words);
                w.WriteNumber("uas", Math.Round(score.Uas, 2));
                w.WriteNumber("las", Math.Round(score.Las, 2));
                w.WriteNumber("words_per_second", Math.Round(speed));
                w.WriteEndObject();
            });
        }
        else
        {
            var table = new Table().Border(TableBorder.Simple).Title("Dependency parsing, gold tokens (CoNLL 2018 UAS/LAS, punctuation included)");
            table.AddColumn("treebank").AddColumn("tags").AddColumn("decoder").AddColumn(new TableColumn("words").RightAligned())
                .AddColumn(new TableColumn("UAS").RightAligned()).AddColumn(new TableColumn("LAS").RightAligned()).AddColumn(new TableColumn("words/s").RightAligned());
            table.AddRow(Markup.Escape(Path.GetFileName(settings.Gold) + (settings.NewsConstructions ? " (news constructions)" : "")),
                Markup.Escape(tags + (uposAccuracy is { } u ? string.Create(CultureInfo.InvariantCulture, $", UPOS {u:0.00}") : "")), Markup.Escape(parser.Decoder),
                score.Words.ToString(CultureInfo.InvariantCulture), F(score.Uas), F(score.Las), speed.ToString("0", CultureInfo.InvariantCulture));
            Consoles.Out.Write(table);
        }
        return ExitCodes.Ok;
    }

    /// <summary>Parses each sentence again and writes it: ids, forms, tags, predicted head (0 = root) and relation.</summary>
    private static void WriteParsed(string path, DependencyParser parser, IReadOnlyList<ParserSentence> sentences)
    {
        var heads = new int[16]; var rels = new string[16];
        var trees = new List<ConlluSentence>(sentences.Count);
        foreach (var s in sentences)
        {
            if (heads.Length < s.Count) { heads = new int[s.Count * 2]; rels = new string[s.Count * 2]; }
            parser.Parse(s.Forms, s.Upos, s.Xpos, heads, rels);
            var tree = new ConlluSentence();
            for (int i = 0; i < s.Count; i++)
                tree.Tokens.Add(new ConlluToken { Id = i + 1, Form = s.Forms[i], Upos = s.Upos[i] ?? "_", Xpos = s.Xpos[i] ?? "_", Head = heads[i] + 1, Deprel = rels[i] });
            trees.Add(tree);
        }
        ConlluWriter.Write(path, trees);
    }

    /// <summary>Looks for a repository-relative file above the working directory, then above the executable.</summary>
    internal static string? FindDefault(string relative)
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var path = Path.Combine(dir.FullName, relative);
                if (File.Exists(path)) return path;
            }
        return null;
    }

    private static string F(double v) => v.ToString("0.00", CultureInfo.InvariantCulture);
}
