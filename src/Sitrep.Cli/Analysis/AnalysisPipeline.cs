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

    private AnalysisPipeline()
    {
        var posPath = SitrepData.File("models", "pos", "en-ewt-pos.bin");
        var parserPath = SitrepData.File("models", "parser", "en-ewt-parser.bin");
        var pos = PosTaggerStage.Load(posPath);
        var parser = DependencyParserStage.Load(parserPath);
        Pipeline = Pipeline.Build(
        [
            .. IngestPipeline.Stages(),
            new EnglishOnlyStage(new TokenizerStage()),
            new EnglishOnlyStage(pos),
            new EnglishOnlyStage(parser),
            new EnglishOnlyStage(new TimexStage()),
        ]);
        var models = new Dictionary<string, string>(ReaderRegistry.Versions, StringComparer.Ordinal);
        foreach (var (k, v) in IngestPipeline.Versions) models[k] = v;
        models["pos"] = $"{Path.GetFileNameWithoutExtension(posPath)}@sha256:{PosModel.Sha256(posPath)}";
        models["parser"] = $"{parser.ModelName}@sha256:{parser.ModelSha256}";
        models["timex"] = TimexTagger.Version;
        Versions = models;
    }

    public static AnalysisPipeline Default => Shared.Value;

    public Pipeline Pipeline { get; }

    public IReadOnlyDictionary<string, string> Versions { get; }

    public IReadOnlyList<IRecordLayerWriter> LayerWriters { get; } = [new SentenceRecordWriter(), new TokenRecordWriter(), new TimexRecordWriter()];
}
