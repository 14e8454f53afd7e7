using BenchmarkDotNet.Attributes;
using Sitrep.Actors;
using Sitrep.Actors.Kb;
using Sitrep.Actors.Linking;
using Sitrep.Core;
using Sitrep.Nlp;
using Sitrep.Nlp.Parsing;
using Sitrep.Nlp.Stages;

namespace Sitrep.Bench;

/// <summary>
/// Actor linking and coreference against the linguistic core (tokenize + tag + parse) on the same text: the raw text
/// of UD EWT test rebuilt from its <c># text =</c> lines, one document per <c># newdoc</c>. The acceptance figure is
/// <c>LinkAndCoref / Core</c> ≤ 0.20. Run: <c>dotnet run -c Release --project bench/Sitrep.Bench -- --filter '*ActorLinking*'</c>.
/// </summary>
[MemoryDiagnoser]
public class ActorLinkingBenchmarks
{
    private Document[] _raw = [];
    private Document[] _parsed = [];
    private TokenizerStage _tokenizer = null!;
    private PosTaggerStage _pos = null!;
    private DependencyParserStage _parser = null!;
    private ActorStage _actors = null!;

    [GlobalSetup]
    public void Setup()
    {
        _tokenizer = new TokenizerStage();
        _pos = PosTaggerStage.Load(RepoPaths.Repo("data", "models", "pos", "en-ewt-pos.bin"));
        _parser = DependencyParserStage.Load(RepoPaths.Repo("data", "models", "parser", "en-ewt-parser.bin"));
        _actors = new ActorStage(new ActorLinker(AliasIndex.Build(KnowledgeBase.Load(RepoPaths.Repo("data", "kb")))));
        _raw = NlpThroughput.RawDocuments(Corpora.SharedPath("data", "ud", "en_ewt-ud-test.conllu")).Docs
            .Select((t, i) => new Document($"ewt-{i}", new SourceText(t), new SourceText(t), OffsetMap.Identity(t.Length),
                new DocumentMetadata { Reader = "bench", Origin = "bench" })).ToArray();
        _parsed = _raw.Select(d => _parser.Process(_pos.Process(_tokenizer.Process(d)))).ToArray();
    }

    [Benchmark(Baseline = true)]
    public int Core()
    {
        var n = 0;
        foreach (var d in _raw) n += _parser.Process(_pos.Process(_tokenizer.Process(d))).Get(NlpLayers.Tokens).Length;
        return n;
    }

    [Benchmark]
    public int LinkAndCoref()
    {
        var n = 0;
        foreach (var d in _parsed) n += _actors.Process(d).Get(ActorLayers.Actors).Length;
        return n;
    }
}
