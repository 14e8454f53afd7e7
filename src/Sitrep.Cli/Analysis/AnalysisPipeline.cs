using Sitrep.Core;
using Sitrep.Core.Records;
using Sitrep.Ingest.Readers;
using Sitrep.Ingest.Stages;
using Sitrep.Time;

namespace Sitrep.Cli.Analysis;

/// <summary>
/// The full analysis pipeline after reading: ingestion stages (language, fingerprints), then the English
/// analysis stages, with the versions every output records and the writers of their record layers.
/// </summary>
public static class AnalysisPipeline
{
    public static Pipeline Create() => Pipeline.Build([.. IngestPipeline.Stages(), new EnglishOnlyStage(new TimexStage())]);

    public static IReadOnlyList<IRecordLayerWriter> LayerWriters { get; } = [new TimexRecordWriter()];

    public static IReadOnlyDictionary<string, string> Versions { get; } = BuildVersions();

    private static Dictionary<string, string> BuildVersions()
    {
        var models = new Dictionary<string, string>(ReaderRegistry.Versions, StringComparer.Ordinal);
        foreach (var (k, v) in IngestPipeline.Versions) models[k] = v;
        models["timex"] = TimexTagger.Version;
        return models;
    }
}
