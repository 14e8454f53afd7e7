using Sitrep.Core;

namespace Sitrep.Core.Tests;

public sealed class PipelineTests
{
    private static readonly AnnotationLayer<string> Tokens = new("tokens");
    private static readonly AnnotationLayer<string> Entities = new("entities");

    private sealed class Stage(string name, AnnotationLayer[] requires, AnnotationLayer<string>[] provides, bool fail = false) : IPipelineStage
    {
        public string Name => name;
        public IReadOnlyList<AnnotationLayer> Requires => requires;
        public IReadOnlyList<AnnotationLayer> Provides => provides;

        public Document Process(Document document, CancellationToken cancellationToken = default)
        {
            if (fail) throw new InvalidOperationException("model file missing");
            foreach (var p in provides) document = document.With(p, name);
            return document;
        }
    }

    private static Document Doc()
    {
        var raw = new SourceText("Kirby said.");
        return new Document("d1", raw, raw, OffsetMap.Identity(raw.Length), new DocumentMetadata { Reader = "test", Origin = "t" });
    }

    [Fact]
    public void RefusesStagesInTheWrongOrder()
    {
        var ner = new Stage("ner", [Tokens], [Entities]);
        var tok = new Stage("tokenizer", [CoreLayers.CleanText], [Tokens]);
        var e = Assert.Throws<PipelineOrderException>(() => Pipeline.Build([ner, tok]));
        Assert.Contains("'ner' requires tokens", e.Message);
        Assert.Equal(2, Pipeline.Build([tok, ner]).Stages.Count);
    }

    [Fact]
    public void RunsStagesAndIsolatesAFailure()
    {
        var tok = new Stage("tokenizer", [CoreLayers.CleanText], [Tokens], fail: true);
        var ner = new Stage("ner", [Tokens], [Entities]);
        var doc = Pipeline.Build([tok, ner]).Run(Doc());
        var error = Assert.Single(doc.Errors);
        Assert.Equal(ErrorCodes.StageFailed, error.Code);
        Assert.Equal("tokenizer", error.Stage);
        Assert.False(doc.Has(Entities));
    }

    [Fact]
    public void LayersAreTypedAndImmutable()
    {
        var doc = Doc();
        var with = doc.With(Tokens, "t");
        Assert.False(doc.Has(Tokens));
        Assert.Equal("t", with.Get(Tokens));
        Assert.Throws<InvalidOperationException>(() => doc.Get(Entities));
    }

    [Fact]
    public void DocumentRejectsAMapThatDoesNotFitTheText()
    {
        var raw = new SourceText("abc");
        Assert.Throws<ArgumentException>(() => new Document("d", raw, new SourceText("ab"), OffsetMap.Identity(3), new DocumentMetadata { Reader = "t", Origin = "t" }));
    }
}
