using BenchmarkDotNet.Attributes;
using Sitrep.Core;
using Sitrep.Nlp;
using Sitrep.Nlp.Parsing;
using Sitrep.Nlp.Stages;

namespace Sitrep.Bench;

/// <summary>
/// Each stage of the linguistic core over the raw text of UD English-EWT test (316 documents, about 25,000 tokens).
/// One operation = the whole text, so tokens/s = tokens / mean time. NER runs when the NER stage exists (see <see cref="NerHook"/>).
/// </summary>
[MemoryDiagnoser]
[Config(typeof(InProcessShortRun))]
public class NlpBenchmarks
{
    private Document[] _raw = [], _tokenized = [], _tagged = [], _parsed = [];
    private readonly TokenizerStage _tokenizer = new();
    private PosTaggerStage? _pos;
    private DependencyParserStage? _parser;
    private IPipelineStage? _ner;

    [GlobalSetup]
    public void Setup()
    {
        var (docs, _) = NlpThroughput.RawDocuments(Corpora.SharedPath("data", "ud", "en_ewt-ud-test.conllu"));
        _raw = [.. docs.Select((t, i) => new Document($"ewt-{i}", new SourceText(t), new SourceText(t), OffsetMap.Identity(t.Length),
            new DocumentMetadata { Reader = "bench", Origin = "bench" }))];
        _pos = PosTaggerStage.Load(RepoPaths.Repo("data", "models", "pos", "en-ewt-pos.bin"));
        _parser = DependencyParserStage.Load(RepoPaths.Repo("data", "models", "parser", "en-ewt-parser.bin"));
        _ner = NerHook.TryLoad();
        _tokenized = [.. _raw.Select(d => _tokenizer.Process(d))];
        _tagged = [.. _tokenized.Select(d => _pos.Process(d))];
        _parsed = [.. _tagged.Select(d => _parser.Process(d))];
    }

    [Benchmark(Description = "tokenize + split sentences")]
    public int Tokenize() => Run(_tokenizer, _raw);

    [Benchmark(Description = "POS + lemmas")]
    public int Tag() => Run(_pos!, _tokenized);

    [Benchmark(Description = "dependency parse")]
    public int Parse() => Run(_parser!, _tagged);

    [Benchmark(Description = "NER (0 when the stage is absent)")]
    public int Ner() => _ner is null ? 0 : Run(_ner, _parsed);

    [Benchmark(Description = "whole chain")]
    public int Chain()
    {
        int n = 0;
        foreach (var d in _raw)
        {
            var x = _parser!.Process(_pos!.Process(_tokenizer.Process(d)));
            if (_ner is not null) x = _ner.Process(x);
            n += x.Get(NlpLayers.Tokens).Length;
        }
        return n;
    }

    private static int Run(IPipelineStage stage, Document[] input)
    {
        int n = 0;
        foreach (var d in input) n += stage.Process(d).Get(NlpLayers.Tokens).Length;
        return n;
    }
}
