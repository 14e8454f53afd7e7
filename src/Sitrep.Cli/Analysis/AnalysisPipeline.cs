using Sitrep.Actors;
using Sitrep.Core;
using Sitrep.Core.Records;
using Sitrep.Ingest.Readers;
using Sitrep.Ingest.Stages;
using Sitrep.Nlp;
using Sitrep.Nlp.Parsing;
using Sitrep.Nlp.Stages;
using Sitrep.Nlp.Tagging;
using Sitrep.Time;

namespace Sitrep.Cli.Analysis;

/// <summary>
/// The full analysis pipeline after reading: ingestion stages (language, fingerprints), then the English
/// analysis stages (tokens and sentences, POS and lemmas, dependencies, TIMEX3), with the versions every
/// output records and the writers of their record layers. Models load once, from the shipped data folder.
/// </summary>
public sealed class AnalysisPipeline
{
    private static readonly Lazy<AnalysisPipeline> Shared = new(() => new AnalysisPipeline(), LazyThreadSafetyMode.ExecutionAndPublication);
    private static readonly Lazy<AnalysisPipeline> WithMiniLmNer = new(() => new AnalysisPipeline(Sitrep.Nlp.Ner.Contextual.ContextualNerStage.Variant), LazyThreadSafetyMode.ExecutionAndPublication);
    private static readonly Lazy<AnalysisPipeline> WithFineTunedNer = new(() => new AnalysisPipeline(Sitrep.Nlp.Ner.FineTuned.FineTunedNerStage.Variant), LazyThreadSafetyMode.ExecutionAndPublication);

    /// <param name="nerVariant">null for the default NER model; "minilm" for the MiniLM variant (data/models/ner/en-ner-minilm.bin);
    /// "minilm-ft" for the fine-tuned MiniLM variant (data/models/ner/en-ner-minilm-ft.bin with en-ner.bin).</param>
    private AnalysisPipeline(string? nerVariant = null)
    {
        var posPath = SitrepData.File("models", "pos", "en-ewt-pos.bin");
        var parserPath = SitrepData.File("models", "parser", "en-ewt-parser.bin");
        var kbDir = Path.Combine(SitrepData.Root, "kb");
        // The models, the knowledge base, the gazetteer and the patterns are independent files: loading them at once
        // halves start-up on two cores (about 1.3 s of reading and parsing one after the other).
        var posTask = Task.Run(() => PosTaggerStage.Load(posPath));
        var parserTask = Task.Run(() => DependencyParserStage.Load(parserPath));
        var nerTask = Task.Run(() => LoadNer(nerVariant));
        var actorsTask = Task.Run(() => ActorStage.Load(kbDir));
        var placesTask = Task.Run(() => new Sitrep.Actors.Places.PlaceStage());
        var patternsTask = Task.Run(Sitrep.Events.Patterns.PatternSet.LoadDefault);
        try
        {
            Task.WaitAll(posTask, parserTask, nerTask, actorsTask, placesTask, patternsTask);
        }
        catch (AggregateException e) when (e.InnerExceptions.Count > 0)
        {
            // The caller reports a missing or broken data file as it would from one load: the first failure, unwrapped.
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e.InnerExceptions[0]).Throw();
        }
        var pos = posTask.Result;
        var parser = parserTask.Result;
        var (ner, nerVersion) = nerTask.Result;
        Actors = actorsTask.Result;
        var places = placesTask.Result;
        var claims = new Sitrep.Events.Attribution.ClaimAnalyzer();
        var events = new Sitrep.Events.EventStage(patternsTask.Result, claims, Sitrep.Events.Quotes.QuoteFinder.Find);
        Pipeline = Pipeline.Build(
        [
            .. IngestPipeline.Stages(),
            new EnglishOnlyStage(new TokenizerStage()),
            new EnglishOnlyStage(pos),
            new EnglishOnlyStage(parser),
            new EnglishOnlyStage(ner),
            new EnglishOnlyStage(new TimexStage()),
            // Places first: the linker reads "Georgia" as the US state where the place stage found it to be one.
            new EnglishOnlyStage(places),
            new EnglishOnlyStage(Actors),
            new EnglishOnlyStage(events),
        ]);
        var models = new Dictionary<string, string>(ReaderRegistry.Versions, StringComparer.Ordinal);
        foreach (var (k, v) in IngestPipeline.Versions) models[k] = v;
        models["pos"] = $"{Path.GetFileNameWithoutExtension(posPath)}@sha256:{PosModel.Sha256(posPath)}+{Apostrophes.Version}+{HeadlineVerbs.Version}";
        models["parser"] = $"{parser.ModelName}@sha256:{parser.ModelSha256}+{parser.Decoder}";
        models["ner"] = nerVersion;
        models["timex"] = TimexTagger.Version;
        models["kb"] = $"{ActorStage.KbVersion(kbDir)}+{Sitrep.Actors.Linking.ActorLinker.Version}";
        models["places"] = places.Version;
        models["events"] = $"{events.Patterns.ModelString}+{Sitrep.Events.Coding.EventCoder.Version}";
        // The cue lexicon decides modality and attribution chains: a change to it changes records as a pattern's would.
        models["attribution"] = claims.Lexicon.Version;
        Versions = models;
    }

    private static (IPipelineStage Stage, string Version) LoadNer(string? nerVariant)
    {
        if (nerVariant == Sitrep.Nlp.Ner.Contextual.ContextualNerStage.Variant)
        {
            var contextual = Sitrep.Nlp.Ner.Contextual.ContextualNerStage.Load(SitrepData.File("models", "ner", Sitrep.Nlp.Ner.Contextual.ContextualNerStage.DefaultModelFile));
            return (contextual, contextual.Version);
        }
        if (nerVariant == Sitrep.Nlp.Ner.FineTuned.FineTunedNerStage.Variant)
        {
            var fineTuned = Sitrep.Nlp.Ner.FineTuned.FineTunedNerStage.Load(
                SitrepData.File("models", "ner", Sitrep.Nlp.Ner.FineTuned.FineTunedNerStage.DefaultModelFile), SitrepData.File("models", "ner", "en-ner.bin"));
            return (fineTuned, fineTuned.Version);
        }
        var sparse = NerStage.Load(SitrepData.File("models", "ner", "en-ner.bin"));
        return (sparse, $"{sparse.ModelName}@sha256:{sparse.ModelSha256}");
    }

    public static AnalysisPipeline Default => Shared.Value;

    /// <summary>The pipeline with the named NER variant: null, "" or "sparse" for the default, "minilm" or "minilm-ft" for the MiniLM variants.</summary>
    public static AnalysisPipeline For(string? nerVariant) => nerVariant switch
    {
        null or "" or "sparse" => Default,
        Sitrep.Nlp.Ner.Contextual.ContextualNerStage.Variant => WithMiniLmNer.Value,
        Sitrep.Nlp.Ner.FineTuned.FineTunedNerStage.Variant => WithFineTunedNer.Value,
        _ => throw new ArgumentException($"Unknown NER variant '{nerVariant}' (sparse, minilm or minilm-ft).", nameof(nerVariant)),
    };

    public Pipeline Pipeline { get; }

    public IReadOnlyDictionary<string, string> Versions { get; }

    /// <summary>The actor-linking stage, for commands that link again with other dictionaries.</summary>
    public ActorStage Actors { get; }

    /// <summary>The writers of the record's analysis layers, in record order; they need no model loaded.</summary>
    public static IReadOnlyList<IRecordLayerWriter> RecordLayerWriters { get; } = [new SentenceRecordWriter(), new TokenRecordWriter(), new Sitrep.Nlp.Ner.EntityRecordWriter(), new TimexRecordWriter(), new ActorRecordWriter(), new Sitrep.Actors.Places.PlaceRecordWriter(), new Sitrep.Events.EventRecordWriter(), new Sitrep.Events.QuoteRecordWriter()];

    public IReadOnlyList<IRecordLayerWriter> LayerWriters => RecordLayerWriters;
}
