using Sitrep.Actors.Kb;
using Sitrep.Actors.Places;
using Sitrep.Core;
using Sitrep.Nlp;
using Sitrep.Nlp.Stages;

namespace Sitrep.Actors.Tests.Places;

/// <summary>The shipped gazetteer and the shipped POS model, loaded once; a document run through tokens, POS and places.</summary>
internal static class PlaceTestSupport
{
    private static readonly Lazy<KnowledgeBase> s_kb = new(() => KnowledgeBase.Load(RepoPaths.Repo("data", "kb")));
    private static readonly Lazy<PlaceGazetteer> s_gazetteer = new(() => PlaceGazetteer.Load(PlacesDirectory, s_kb.Value));
    private static readonly Lazy<PosTaggerStage> s_pos = new(() => PosTaggerStage.Load(RepoPaths.Repo("data", "models", "pos", "en-ewt-pos.bin")));
    private static readonly Lazy<Pipeline> s_pipeline = new(() => Pipeline.Build([new TokenizerStage(), s_pos.Value, new PlaceStage(s_gazetteer.Value)]));

    public static string PlacesDirectory => RepoPaths.Repo("data", "places");
    public static KnowledgeBase Kb => s_kb.Value;
    public static PlaceGazetteer Gazetteer => s_gazetteer.Value;

    public static Document Run(string text)
    {
        var doc = new Document("d1", new SourceText(text), new SourceText(text), OffsetMap.Identity(text.Length),
            new DocumentMetadata { Reader = "test", Origin = "test" });
        return s_pipeline.Value.Run(doc);
    }

    public static PlaceMention[] Recognize(string text)
    {
        var doc = Run(text);
        Assert.Empty(doc.Errors);
        return doc.Get(ActorLayers.Places);
    }

    /// <summary>The mentions whose text is <paramref name="written"/>.</summary>
    public static PlaceMention[] At(string text, PlaceMention[] places, string written) =>
        [.. places.Where(p => text.AsSpan(p.Span.Start, p.Span.Length).SequenceEqual(written))];
}
