using System.Collections.Immutable;
using System.ComponentModel;
using System.Globalization;
using Sitrep.Actors;
using Sitrep.Actors.Petrarch;
using Sitrep.Cli.Analysis;
using Sitrep.Cli.Output;
using Sitrep.Core;
using Sitrep.Events;
using Sitrep.Events.Evaluation;
using Sitrep.Events.Patterns;
using Sitrep.Events.Petrarch;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Sitrep.Cli.Commands.Events;

/// <summary>
/// Scores event coding on gold sentences, each run from its raw text through the whole pipeline (tokens, tags,
/// parse, TIMEX3, actors, events): PLOVER event type, CAMEO root and code, (source, event, target) triples, and for
/// PETRARCH records the pass rate (the predicted set equals the expected set).
/// </summary>
public sealed class EvalEventsCommand : Command<EvalEventsCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandOption("--gold <FILE>")]
        [Description("Gold records: PLOVER gold-standard JSON (plover_gsr_dev.json) or PETRARCH validation XML (PETR.UnitTest.records.xml).")]
        public string Gold { get; init; } = "";

        [CommandOption("--patterns <DIR>")]
        [Description("Event lexicon folder (default: the shipped data/lexicons/events).")]
        public string? Patterns { get; init; }

        [CommandOption("--petrarch-dicts <DIR>")]
        [Description("Folder with PETRARCH dictionaries. Events are coded with its verb dictionary (the gold file's <Verbfile>, else CAMEO.2.0.txt or *.verbs.txt) and its actor, agent and discard files (the gold's <Actorfile>, <Agentfile>, <Discardfile>, else every *.actors.txt and *.agents.txt).")]
        public string? PetrarchDicts { get; init; }

        [CommandOption("--sitrep-coder")]
        [Description("With --petrarch-dicts: code events with Sitrep's own patterns, using the PETRARCH dictionaries only to link actors.")]
        public bool SitrepCoder { get; init; }

        [CommandOption("--errors <FILE>")]
        [Description("Write every record that is not fully right as TSV (id, error kind, gold, predicted, text).")]
        public string? Errors { get; init; }

        [CommandOption("--json")]
        public bool Json { get; init; }
    }

    public override ValidationResult Validate(CommandContext context, Settings settings)
    {
        if (!File.Exists(settings.Gold)) return ValidationResult.Error($"--gold: no file '{settings.Gold}'.");
        if (settings.PetrarchDicts is { } d && !Directory.Exists(d)) return ValidationResult.Error($"--petrarch-dicts: no folder '{d}'.");
        if (settings.Patterns is { } p && !Directory.Exists(p)) return ValidationResult.Error($"--patterns: no folder '{p}'.");
        return ValidationResult.Success();
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var gold = EventGold.Load(settings.Gold);
        string? coderNote = null;
        var petrarch = settings.PetrarchDicts is { } pd && !settings.SitrepCoder ? LoadPetrarchCoder(pd, settings.Gold, out coderNote) : null;
        var pipeline = BuildPipeline(settings, petrarch is not null, out var actorsNote);
        if (coderNote is not null) actorsNote = coderNote;
        var scores = new List<RecordScore>();
        foreach (var record in gold)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var doc = Run(pipeline, record);
            scores.Add(EventScorer.Score(record, petrarch is null ? Predicted(doc) : PredictedPetrarch(petrarch, doc)));
        }
        var scoreable = scores.Where(s => s.Gold.Scoreable).ToList();
        var withType = scoreable.Where(s => s.Gold.Events.Any(e => e.Type is not null)).ToList();
        var withCode = scoreable.Where(s => s.Gold.Events.Any(e => e.Cameo is not null)).ToList();
        var triples = scoreable.Aggregate(new Prf(), (a, s) => a + s.Triples);
        var passes = scoreable.Count(s => s.Pass);
        var kinds = scoreable.Where(s => s.Error.Length > 0).GroupBy(s => s.Error, StringComparer.Ordinal)
            .Select(g => (Kind: g.Key, Count: g.Count())).OrderByDescending(x => x.Count).ThenBy(x => x.Kind, StringComparer.Ordinal).ToList();

        if (settings.Errors is { } errorsPath)
        {
            using var tsv = new StreamWriter(errorsPath);
            tsv.WriteLine("id\terror\tgold\tpredicted\ttext");
            foreach (var s in scores.Where(s => s.Error.Length > 0 || !s.Pass))
            {
                var g = string.Join("; ", s.Gold.Events.Select(e =>
                    $"{string.Join("+", e.Sources.Select(a => a.Code ?? a.Text))} {e.Type ?? e.Cameo} {string.Join("+", e.Targets.Select(a => a.Code ?? a.Text))}"));
                var p = string.Join("; ", s.Predicted.Select(e => $"{e.SourceCode} {e.Type}/{e.Cameo} {e.TargetCode} [{e.Rule}]"));
                tsv.WriteLine($"{s.Gold.Id}\t{(s.Error.Length > 0 ? s.Error : "not exact")}\t{g}\t{p}\t{s.Gold.Text}");
            }
        }

        double Pct(int a, int b) => b == 0 ? 0 : 100.0 * a / b;
        if (settings.Json)
        {
            JsonOutput.Write(Console.Out, w =>
            {
                w.WriteStartObject();
                w.WriteString("gold", settings.Gold);
                w.WriteString("actors", actorsNote);
                w.WriteNumber("records", scores.Count);
                w.WriteNumber("scoreable", scoreable.Count);
                if (withType.Count > 0)
                {
                    w.WriteNumber("type_accuracy", Math.Round(Pct(withType.Count(s => s.TypeCorrect), withType.Count), 2));
                    w.WriteNumber("type_found", Math.Round(Pct(withType.Count(s => s.TypeFound), withType.Count), 2));
                }
                if (withCode.Count > 0)
                {
                    w.WriteNumber("root_accuracy", Math.Round(Pct(withCode.Count(s => s.RootCorrect), withCode.Count), 2));
                    w.WriteNumber("code_accuracy", Math.Round(Pct(withCode.Count(s => s.CodeCorrect), withCode.Count), 2));
                }
                w.WriteStartObject("triples");
                w.WriteNumber("precision", Math.Round(triples.Precision, 4));
                w.WriteNumber("recall", Math.Round(triples.Recall, 4));
                w.WriteNumber("f1", Math.Round(triples.F1, 4));
                w.WriteEndObject();
                w.WriteNumber("passed", passes);
                w.WriteStartObject("errors");
                foreach (var (kind, count) in kinds) w.WriteNumber(kind, count);
                w.WriteEndObject();
                w.WriteEndObject();
            });
            return ExitCodes.Ok;
        }
        var o = Console.Out;
        o.WriteLine($"events: {settings.Gold} ({scores.Count} records, {scoreable.Count} scoreable) — a development set: " + (settings.Gold.EndsWith(".xml", StringComparison.OrdinalIgnoreCase)
            ? petrarch is null ? "mechanics tests for a dictionary coder; Sitrep's own patterns are not PETRARCH's verb dictionary." : "mechanics tests for a dictionary coder, coded with PETRARCH's own verb dictionary over Sitrep's dependency parse."
            : "the patterns were written with it in view."));
        o.WriteLine($"actors: {actorsNote}");
        if (withType.Count > 0)
        {
            o.WriteLine(string.Create(CultureInfo.InvariantCulture, $"PLOVER event type: accuracy {Pct(withType.Count(s => s.TypeCorrect), withType.Count):F1}% (top event), found among events {Pct(withType.Count(s => s.TypeFound), withType.Count):F1}%"));
        }
        if (withCode.Count > 0)
        {
            o.WriteLine(string.Create(CultureInfo.InvariantCulture, $"CAMEO root: accuracy {Pct(withCode.Count(s => s.RootCorrect), withCode.Count):F1}%; full code {Pct(withCode.Count(s => s.CodeCorrect), withCode.Count):F1}% (top event, records with events)"));
            o.WriteLine(string.Create(CultureInfo.InvariantCulture, $"PETRARCH pass rate: {passes} of {scoreable.Count} ({Pct(passes, scoreable.Count):F1}%); PETRARCH2's own: 85 of 277 (30.7%)"));
        }
        o.WriteLine(string.Create(CultureInfo.InvariantCulture, $"(source, event, target): P {triples.Precision:F3} R {triples.Recall:F3} F1 {triples.F1:F3} ({triples.TruePositives} of {triples.Gold} gold, {triples.Predicted} predicted)"));
        o.WriteLine("errors by kind: " + (kinds.Count == 0 ? "none" : string.Join(", ", kinds.Select(k => $"{k.Kind} {k.Count}"))));
        return ExitCodes.Ok;
    }

    /// <summary>The analysis stages after ingestion; actors relinked with PETRARCH dictionaries and events with another lexicon when asked.</summary>
    private static Pipeline BuildPipeline(Settings settings, bool petrarchCoder, out string actorsNote)
    {
        if (petrarchCoder)
        {
            // The PETRARCH coder reads only the tokens, tags and parse, so only those stages run (the same models as the full pipeline).
            actorsNote = "PETRARCH dictionaries";
            return Pipeline.Build(
            [
                new Sitrep.Nlp.Stages.TokenizerStage(),
                Sitrep.Nlp.Stages.PosTaggerStage.Load(SitrepData.File("models", "pos", "en-ewt-pos.bin")),
                Sitrep.Nlp.Parsing.DependencyParserStage.Load(SitrepData.File("models", "parser", "en-ewt-parser.bin")),
            ], [CoreLayers.CleanText, CoreLayers.Language]);
        }
        var analysis = AnalysisPipeline.Default;
        var stages = analysis.Pipeline.Stages
            .Where(s => !s.Provides.Contains(CoreLayers.Language) && !s.Provides.Contains(CoreLayers.Hashes))
            .ToList();
        actorsNote = stages.Any(s => s.Provides.Contains(ActorLayers.Actors)) ? "knowledge base" : "none (no actor stage)";
        if (settings.PetrarchDicts is { } dir)
        {
            var env = PetrarchEnvironment(settings.Gold);
            var actors = DictionaryFiles(dir, env.GetValueOrDefault("Actorfile"), "*.actors.txt").Select(PetrarchActorDictionary.Load).ToList();
            var agents = DictionaryFiles(dir, env.GetValueOrDefault("Agentfile"), "*.agents.txt").Select(PetrarchAgentDictionary.Load).ToList();
            var linker = ActorStage.Load(Path.Combine(SitrepData.Root, "kb"), actors, agents);
            var i = stages.FindIndex(s => s.Name == "actors");
            if (i >= 0) stages[i] = new EnglishOnlyStage(linker);
            actorsNote = $"knowledge base + PETRARCH dictionaries in {dir} ({actors.Count} actor, {agents.Count} agent files)";
        }
        var events = stages.FindIndex(s => s.Name == "events");
        if (settings.Patterns is not null || events < 0)
        {
            var patterns = settings.Patterns is { } p ? PatternSet.LoadChecked(p) : PatternSet.LoadDefault();
            var requireActors = stages.Any(s => s.Provides.Contains(ActorLayers.Actors));
            var stage = new EnglishOnlyStage(new EventStage(patterns, new Sitrep.Events.Attribution.ClaimAnalyzer(), null, requireActors));
            if (events >= 0) stages[events] = stage; else stages.Add(stage);
        }
        return Pipeline.Build(stages, [CoreLayers.CleanText, CoreLayers.Language]);
    }

    /// <summary>
    /// The files a PETRARCH validation file names in its &lt;Environment&gt; (Verbfile, Actorfile, Agentfile,
    /// Discardfile); empty for other gold files.
    /// </summary>
    private static Dictionary<string, string> PetrarchEnvironment(string gold)
    {
        var env = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!gold.EndsWith(".xml", StringComparison.OrdinalIgnoreCase)) return env;
        var xml = System.Xml.Linq.XDocument.Load(gold);
        foreach (var e in xml.Descendants("Environment").SelectMany(x => x.Elements()))
            if (e.Value.Trim() is { Length: > 0 } v) env[e.Name.LocalName] = v;
        return env;
    }

    /// <summary>The named file when it is in the folder, else every file of the pattern, in ordinal order.</summary>
    private static List<string> DictionaryFiles(string dir, string? named, string pattern)
    {
        if (named is not null && File.Exists(Path.Combine(dir, named))) return [Path.Combine(dir, named)];
        return [.. Directory.GetFiles(dir, pattern).Order(StringComparer.Ordinal)];
    }

    private static PetrarchCoder? LoadPetrarchCoder(string dir, string gold, out string? note)
    {
        var env = PetrarchEnvironment(gold);
        var verbsFile = env.GetValueOrDefault("Verbfile") is { } vf && File.Exists(Path.Combine(dir, vf)) ? Path.Combine(dir, vf)
            : File.Exists(Path.Combine(dir, "CAMEO.2.0.txt")) ? Path.Combine(dir, "CAMEO.2.0.txt")
            : Directory.GetFiles(dir, "*.verbs.txt").Order(StringComparer.Ordinal).FirstOrDefault();
        note = null;
        if (verbsFile is null) return null;
        var actorFiles = DictionaryFiles(dir, env.GetValueOrDefault("Actorfile"), "*.actors.txt");
        var agentFiles = DictionaryFiles(dir, env.GetValueOrDefault("Agentfile"), "*.agents.txt");
        var discardFile = env.GetValueOrDefault("Discardfile") is { } df && File.Exists(Path.Combine(dir, df)) ? Path.Combine(dir, df)
            : Directory.GetFiles(dir, "*.discards.txt").Order(StringComparer.Ordinal).FirstOrDefault();
        var verbs = PetrarchVerbDictionary.Load(verbsFile);
        var coder = new PetrarchCoder(verbs, actorFiles.Select(PetrarchActorDictionary.Load), agentFiles.Select(PetrarchAgentDictionary.Load),
            discardFile is null ? null : PetrarchDiscards.Load(discardFile));
        note = $"PETRARCH coder: verbs {Path.GetFileName(verbsFile)} ({verbs.Blocks.Length} blocks, {verbs.PatternCount} patterns, {verbs.Synsets.Count} synsets), "
            + $"actors {string.Join(", ", actorFiles.Select(Path.GetFileName))}, agents {string.Join(", ", agentFiles.Select(Path.GetFileName))}"
            + (discardFile is null ? "" : $", discards {Path.GetFileName(discardFile)}");
        return coder;
    }

    private static ImmutableArray<PredictedEvent> PredictedPetrarch(PetrarchCoder coder, Document doc) =>
        [.. coder.Code(doc).Select(e => new PredictedEvent(null, e.Code, e.Source, null, null, e.Target, null, null, e.Rule))];

    private static Document Run(Pipeline pipeline, GoldRecord record)
    {
        var text = record.Text;
        var doc = new Document("eval-" + record.Id, new SourceText(text), new SourceText(text), OffsetMap.Identity(text.Length),
            new DocumentMetadata { Reader = "eval", Origin = record.Id, Published = record.Date is { } d ? new DocumentDate(d) : null });
        doc = doc.With(CoreLayers.Language, new LanguageIdentification("en", 1.0, true));
        return pipeline.Run(doc);
    }

    private static ImmutableArray<PredictedEvent> Predicted(Document doc)
    {
        if (!doc.Has(EventLayers.Events)) return [];
        var actors = doc.GetOrDefault(ActorLayers.Actors) ?? [];
        TextSpan? Span(EventParticipant? p) => p?.Actor is { } a && a < actors.Length ? actors[a].Span : null;
        return [.. doc.Get(EventLayers.Events).Select(e => new PredictedEvent(
            EventGold.TypeInGoldVersion(e.Cameo, e.Plover.Type.Length == 0 ? null : e.Plover.Type), e.Cameo,
            e.Source?.Code, e.Source?.Country, Span(e.Source),
            e.Target?.Code, e.Target?.Country, Span(e.Target), e.Rule))];
    }
}
