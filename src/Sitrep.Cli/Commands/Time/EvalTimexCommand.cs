using System.ComponentModel;
using System.Globalization;
using Sitrep.Cli.Output;
using Sitrep.Core;
using Sitrep.Nlp.Parsing;
using Sitrep.Nlp.Stages;
using Sitrep.Time;
using Sitrep.Time.TimeMl;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Sitrep.Cli.Commands.Time;

/// <summary>
/// Scores temporal expressions on TimeML gold data: each document annotated from its text and DCT alone (or its text
/// alone, with --without-dct), written as
/// TimeML (checkable with ../shared/tools/timex/score_timex.js), scored by the C# port of that scorer.
/// </summary>
public sealed class EvalTimexCommand : Command<EvalTimexCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandOption("--gold <DIR>")]
        [Description("Folder of gold TimeML (.tml) files, searched recursively.")]
        public string Gold { get; init; } = "";

        [CommandOption("--out <DIR>")]
        [Description("Where to write Sitrep's TimeML (default: a new temporary folder).")]
        public string? Out { get; init; }

        [CommandOption("--errors <FILE>")]
        [Description("Write every scoring error (missed, spurious, partial, attr) as TSV.")]
        public string? Errors { get; init; }

        [CommandOption("--tense <SOURCE>")]
        [Description("Where the tense deciding weekdays and months comes from: parse (tokenizer, POS tagger and parser, as in annotate; default) or heuristic (raw text only).")]
        public string Tense { get; init; } = "parse";

        [CommandOption("--without-dct")]
        [Description("Annotate from the text alone, as an input with no publication date: what only the DCT could fix stays unknown (XXXX). The reference rows then count those values wrong; the row 'value, where known' counts a value right when it agrees with the gold wherever it is known.")]
        public bool WithoutDct { get; init; }

        [CommandOption("--json")]
        public bool Json { get; init; }
    }

    public override ValidationResult Validate(CommandContext context, Settings settings) =>
        !Directory.Exists(settings.Gold) ? ValidationResult.Error($"--gold: no folder '{settings.Gold}'.")
        : settings.Tense is not ("parse" or "heuristic") ? ValidationResult.Error("--tense: parse or heuristic.")
        : ValidationResult.Success();

    /// <summary>
    /// The annotator: with parse tense, the same tokenizer, POS tagger and parser as <c>sitrep annotate</c> run ahead of
    /// the TIMEX3 stage, the DCT given as the published date; with heuristic tense, the tagger alone.
    /// </summary>
    internal static Func<string, DateOnly?, IReadOnlyList<Timex>> Annotator(string tense)
    {
        if (tense == "heuristic") return (text, dct) => TimexTagger.Default.Annotate(text, dct);
        var pipeline = Pipeline.Build(
        [
            new TokenizerStage(),
            PosTaggerStage.Load(SitrepData.File("models", "pos", "en-ewt-pos.bin")),
            DependencyParserStage.Load(SitrepData.File("models", "parser", "en-ewt-parser.bin")),
            new TimexStage(),
        ]);
        return (text, dct) =>
        {
            var doc = new Document("tml", new SourceText(text), new SourceText(text), OffsetMap.Identity(text.Length),
                new DocumentMetadata { Reader = "tml", Origin = "-", Published = dct is { } d ? new DocumentDate(d) : null });
            return pipeline.Run(doc).Get(TimeLayers.Timexes);
        };
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var outDir = settings.Out ?? Path.Combine(Path.GetTempPath(), "sitrep-timex-" + Guid.NewGuid().ToString("N")[..8]);
        var errors = settings.Errors is null ? null : new List<TimexError>();
        var annotate = Annotator(settings.Tense);
        var s = TimexEvaluation.Run(settings.Gold, outDir, settings.WithoutDct ? (text, _) => annotate(text, null) : annotate, errors, cancellationToken);
        if (errors is not null)
        {
            using var tsv = new StreamWriter(settings.Errors!);
            tsv.WriteLine("doc\tkind\tgold\tsystem");
            foreach (var e in errors) tsv.WriteLine($"{e.Doc}\t{e.Kind}\t{e.Gold}\t{e.System}");
        }
        var rows = new (string Name, Prf Prf, int Correct)[]
        {
            ("strict", s.StrictPrf, s.Strict), ("relaxed", s.RelaxedPrf, s.Relaxed), ("value", s.ValuePrf, s.Value), ("type", s.TypePrf, s.Type),
        };
        if (settings.Json)
        {
            JsonOutput.Write(Console.Out, w =>
            {
                w.WriteStartObject();
                w.WriteString("out", outDir);
                w.WriteNumber("docs", s.Docs);
                w.WriteNumber("gold", s.Gold);
                w.WriteNumber("system", s.Sys);
                w.WriteNumber("text_mismatch", s.TextMismatch);
                w.WriteBoolean("without_dct", settings.WithoutDct);
                foreach (var (name, prf, correct) in rows.Append(("value_notation_neutral", s.ValueNotationNeutralPrf, s.ValueNotationNeutral))
                    .Append(("value_where_known", s.ValueWhereKnownPrf, s.ValueWhereKnown)))
                {
                    w.WriteStartObject(name);
                    w.WriteNumber("p", Math.Round(prf.P, 4));
                    w.WriteNumber("r", Math.Round(prf.R, 4));
                    w.WriteNumber("f1", Math.Round(prf.F1, 4));
                    w.WriteNumber("correct", correct);
                    w.WriteEndObject();
                }
                w.WriteEndObject();
            });
        }
        else
        {
            var table = new Table().Border(TableBorder.Simple)
                .Title($"TIMEX3 (TempEval-3 Task A): {s.Docs} docs, {s.Gold} gold, {s.Sys} system; TimeML in {Markup.Escape(outDir)}");
            table.AddColumn("measure").AddColumn(new TableColumn("P").RightAligned()).AddColumn(new TableColumn("R").RightAligned())
                .AddColumn(new TableColumn("F1").RightAligned()).AddColumn(new TableColumn("correct").RightAligned());
            foreach (var (name, prf, correct) in rows)
                table.AddRow(name, P(prf.P), P(prf.R), P(prf.F1), correct.ToString(CultureInfo.InvariantCulture));
            var n = s.ValueNotationNeutralPrf;
            table.AddRow("[grey]value, notation-neutral*[/]", P(n.P), P(n.R), P(n.F1), s.ValueNotationNeutral.ToString(CultureInfo.InvariantCulture));
            if (settings.WithoutDct)
            {
                var k = s.ValueWhereKnownPrf;
                table.AddRow("[grey]value, where known**[/]", P(k.P), P(k.R), P(k.F1), s.ValueWhereKnown.ToString(CultureInfo.InvariantCulture));
            }
            Consoles.Out.Write(table);
            Consoles.Out.MarkupLine("[grey]* not a reference-scorer measure: also counts values that differ only in notation (2000-W7 = 2000-W07, 199X = 199, 1949-XX = 1949).[/]");
            if (settings.WithoutDct)
                Consoles.Out.MarkupLine("[grey]** annotated without the DCT; not a reference-scorer measure: also counts values that agree with the gold wherever they are known (XXXX-10-12 = 1989-10-12, XXXX-WXX-5 = a Friday).[/]");
        }
        return s.TextMismatch == 0 ? ExitCodes.Ok : ExitCodes.SomeInputsFailed;
    }

    private static string P(double v) => (100 * v).ToString("0.00", CultureInfo.InvariantCulture);
}
