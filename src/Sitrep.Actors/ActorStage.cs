using System.Security.Cryptography;
using System.Text;
using Sitrep.Actors.Kb;
using Sitrep.Actors.Linking;
using Sitrep.Actors.Petrarch;
using Sitrep.Core;
using Sitrep.Nlp;

namespace Sitrep.Actors;

/// <summary>
/// Links actor mentions (<see cref="ActorLayers.Actors"/>) from tokens, tags and the parse, at the document's published
/// date (no date: the roles current at the latest date). Uses <see cref="NlpLayers.Entities"/> when a NER stage ran
/// before it (unknown names after titles), without requiring it.
/// </summary>
public sealed class ActorStage(ActorLinker linker) : IPipelineStage
{
    public string Name => "actors";
    public IReadOnlyList<AnnotationLayer> Requires { get; } = [NlpLayers.Sentences, NlpLayers.Tokens, NlpLayers.Pos];
    public IReadOnlyList<AnnotationLayer> Provides { get; } = [ActorLayers.Actors];

    public ActorLinker Linker => linker;

    /// <summary>A stage over the KB in <paramref name="kbDirectory"/> and optional PETRARCH dictionaries.</summary>
    public static ActorStage Load(string kbDirectory, IEnumerable<PetrarchActorDictionary>? actors = null, IEnumerable<PetrarchAgentDictionary>? agents = null) =>
        new(new ActorLinker(AliasIndex.Build(KnowledgeBase.Load(kbDirectory), actors, agents)));

    public Document Process(Document document, CancellationToken cancellationToken = default)
    {
        var date = document.Metadata.Published?.Date;
        var entities = document.Has(NlpLayers.Entities) ? document.Get(NlpLayers.Entities) : null;
        var places = document.Has(ActorLayers.Places) ? document.Get(ActorLayers.Places) : null;
        var mentions = linker.Link(document.Text.Text, document.Get(NlpLayers.Tokens), document.Get(NlpLayers.Sentences), date, entities, places);
        return document.With(ActorLayers.Actors, mentions);
    }

    /// <summary>
    /// The KB version recorded in outputs: <c>kb@sha256:…</c> over every KB data file's (<c>*.yaml</c>) relative path and
    /// bytes, in ordinal order. Only the data: the format's description (FORMAT.md) is not shipped with the command, and a
    /// version that counted it differed between a run from the repository's data folder and one from the build's.
    /// </summary>
    public static string KbVersion(string kbDirectory)
    {
        var files = Directory.GetFiles(kbDirectory, "*.yaml", SearchOption.AllDirectories)
            .Select(f => (Rel: Path.GetRelativePath(kbDirectory, f).Replace('\\', '/'), Full: f))
            .OrderBy(f => f.Rel, StringComparer.Ordinal).ToList();
        using var h = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var (rel, full) in files)
        {
            h.AppendData(Encoding.UTF8.GetBytes(rel + "\n"));
            h.AppendData(File.ReadAllBytes(full));
            h.AppendData("\n"u8);
        }
        return "kb@sha256:" + Convert.ToHexStringLower(h.GetHashAndReset());
    }
}
