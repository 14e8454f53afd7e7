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
        var pos = PosTaggerStage.Load(posPath);
        var parser = DependencyParserStage.Load(parserPath);
        IPipelineStage ner;
        string nerVersion;
        if (nerVariant == Sitrep.Nlp.Ner.Contextual.ContextualNerStage.Variant)
        {
            var contextual = Sitrep.Nlp.Ner.Contextual.ContextualNerStage.Load(SitrepData.File("models", "ner", Sitrep.Nlp.Ner.Contextual.ContextualNerStage.DefaultModelFile));
            ner = contextual; nerVersion = contextual.Version;
        }
        else if (nerVariant == Sitrep.Nlp.Ner.FineTuned.FineTunedNerStage.Variant)
        {
            var fineTuned = Sitrep.Nlp.Ner.FineTuned.FineTunedNerStage.Load(
                SitrepData.File("models", "ner", Sitrep.Nlp.Ner.FineTuned.FineTunedNerStage.DefaultModelFile), SitrepData.File("models", "ner", "en-ner.bin"));
            ner = fineTuned; nerVersion = fineTuned.Version;
        }
        else
        {
            var sparse = NerStage.Load(SitrepData.File("models", "ner", "en-ner.bin"));
            ner = sparse; nerVersion = $"{sparse.ModelName}@sha256:{sparse.ModelSha256}";
        }
        var kbDir = Path.Combine(SitrepData.Root, "kb");
        Actors = ActorStage.Load(kbDir);
        var places = new Sitrep.Actors.Places.PlaceStage();
        var events = new Sitrep.Events.EventStage(Sitrep.Events.Patterns.PatternSet.LoadDefault(), new Sitrep.Events.Attribution.ClaimAnalyzer(), Sitrep.Events.Quotes.QuoteFinder.Find);
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
        models["pos"] = $"{Path.GetFileNameWithoutExtension(posPath)}@sha256:{PosModel.Sha256(posPath)}";
        models["parser"] = $"{parser.ModelName}@sha256:{parser.ModelSha256}+{DependencyParser.DecoderVersion}";
        models["ner"] = nerVersion;
        models["timex"] = TimexTagger.Version;
        models["kb"] = ActorStage.KbVersion(kbDir);
        models["places"] = places.Version;
        models["events"] = events.Patterns.ModelString;
        Versions = models;
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

    public IReadOnlyList<IRecordLayerWriter> LayerWriters { get; } = [new SentenceRecordWriter(), new TokenRecordWriter(), new Sitrep.Nlp.Ner.EntityRecordWriter(), new TimexRecordWriter(), new ActorRecordWriter(), new Sitrep.Actors.Places.PlaceRecordWriter(), new Sitrep.Events.EventRecordWriter(), new Sitrep.Events.QuoteRecordWriter()];
}
