using Sitrep.Actors.Kb;
using Sitrep.Actors.Linking;
using Sitrep.Actors.Places;
using Sitrep.Core;
using Sitrep.Nlp.Parsing;
using Sitrep.Nlp.Stages;

namespace Sitrep.Actors.Tests.Linking;

/// <summary>The shipped KB and models: tokenizer, tagger, parser and the actor stage, as the pipeline runs them.</summary>
public sealed class LinkingFixture
{
    public KnowledgeBase Kb { get; }
    public ActorStage Stage { get; }
    private readonly TokenizerStage _tokenizer = new();
    private readonly PosTaggerStage _pos;
    private readonly DependencyParserStage _parser;

    public LinkingFixture()
    {
        var root = KbFixture.RepoRoot();
        Kb = KnowledgeBase.Load(Path.Combine(root, "data", "kb"));
        Stage = new ActorStage(new ActorLinker(AliasIndex.Build(Kb), PlaceGazetteer.Load(Path.Combine(root, "data", "places"), Kb)));
        _pos = PosTaggerStage.Load(Path.Combine(root, "data", "models", "pos", "en-ewt-pos.bin"));
        _parser = DependencyParserStage.Load(Path.Combine(root, "data", "models", "parser", "en-ewt-parser.bin"));
    }

    public static Document NewDocument(string text, DateOnly? published) =>
        new("test", new SourceText(text), new SourceText(text), OffsetMap.Identity(text.Length),
            new DocumentMetadata { Reader = "test", Origin = "test", Published = published is { } d ? new DocumentDate(d) : null });

    public Document Parse(string text, DateOnly? published) =>
        _parser.Process(_pos.Process(_tokenizer.Process(NewDocument(text, published))));

    public ActorMention[] Link(string text, DateOnly? published, ActorStage? stage = null)
    {
        var doc = (stage ?? Stage).Process(Parse(text, published));
        return doc.Get(ActorLayers.Actors);
    }

    /// <summary>The seed article's body: the lines between the header line and the "Updated:" footer.</summary>
    public static string SeedBody()
    {
        var lines = File.ReadAllLines(RepoPaths.Shared("samples", "seed-article.txt"));
        return string.Join("\n\n", lines.Skip(1).Where(l => l.Trim().Length > 0 && !l.StartsWith("Updated:", StringComparison.Ordinal)).Select(l => l.Trim()));
    }
}

[CollectionDefinition("linking")]
public sealed class LinkingCollection : ICollectionFixture<LinkingFixture>;
