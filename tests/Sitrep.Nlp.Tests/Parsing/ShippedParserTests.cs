using Sitrep.Core;
using Sitrep.Nlp.Parsing;
using Sitrep.Nlp.Stages;

namespace Sitrep.Nlp.Tests.Parsing;

/// <summary>Checks the model in data/models/parser against EWT dev and through the pipeline stage.</summary>
public sealed class ShippedParserTests
{
    private static readonly Lazy<DependencyParser> s_parser = new(() =>
    {
        var path = ParsingTestData.Repo("data", "models", "parser", "en-ewt-parser.bin");
        Assert.True(File.Exists(path), $"no parser model at {path}");
        return DependencyParser.Load(path);
    });

    /// <summary>Measured on these 500 sentences with gold tags when the model was made: UAS 87.59, LAS 85.36.
    /// The margin absorbs nothing but noise: a drop below it means the model or the feature code changed.</summary>
    [Fact]
    public void Dev_slice_scores_hold()
    {
        var dev = ParsingTestData.EwtDev.Take(500).ToList();
        var score = ParserTrainer.Evaluate(s_parser.Value, dev);
        Assert.True(score.Uas >= ExpectedUas - 1.0, $"UAS {score.Uas:0.00}");
        Assert.True(score.Las >= ExpectedLas - 1.0, $"LAS {score.Las:0.00}");
    }

    private const double ExpectedUas = 87.59, ExpectedLas = 85.36;

    [Fact]
    public void Stage_fills_heads_and_relations_with_document_indices()
    {
        const string text = "Intro. The cat sat on the mat.";
        var raw = new SourceText(text);
        var doc = new Document("d1", raw, raw, OffsetMap.Identity(text.Length), new DocumentMetadata { Reader = "test", Origin = "t" });
        (string Form, string Upos, string Xpos)[] words =
        [
            ("Intro", "NOUN", "NN"), (".", "PUNCT", "."),
            ("The", "DET", "DT"), ("cat", "NOUN", "NN"), ("sat", "VERB", "VBD"), ("on", "ADP", "IN"), ("the", "DET", "DT"), ("mat", "NOUN", "NN"), (".", "PUNCT", "."),
        ];
        var tokens = new Token[words.Length];
        int pos = 0;
        for (int i = 0; i < words.Length; i++)
        {
            int start = text.IndexOf(words[i].Form, pos, StringComparison.Ordinal);
            pos = start + words[i].Form.Length;
            tokens[i] = new Token(new TextSpan(start, pos), i < 2 ? 0 : 1, words[i].Upos, words[i].Xpos);
        }
        doc = doc.With(NlpLayers.Tokens, tokens)
            .With(NlpLayers.Sentences, [new Sentence(new TextSpan(0, 6), 0, 2), new Sentence(new TextSpan(7, text.Length), 2, 7)])
            .With(NlpLayers.Pos, new PosAnnotation("test", "0"));
        var stage = new DependencyParserStage(s_parser.Value, "test", "0");
        var pipeline = Pipeline.Build([stage], [CoreLayers.CleanText, NlpLayers.Tokens, NlpLayers.Sentences, NlpLayers.Pos]);
        var parsed = pipeline.Run(doc).Get(NlpLayers.Tokens);
        Assert.Equal(-1, parsed[0].Head);
        Assert.Equal(0, parsed[1].Head);
        Assert.Equal(-1, parsed[4].Head);          // "sat": root of the second sentence
        Assert.Equal("root", parsed[4].Deprel);
        Assert.Equal(4, parsed[3].Head);           // "cat" ← "sat", a document index
        Assert.Equal("nsubj", parsed[3].Deprel);
        Assert.Equal(7, parsed[5].Head);           // "on" ← "mat"
        Assert.Equal("obl", parsed[7].Deprel);
        Assert.All(parsed, t => Assert.NotNull(t.Deprel));
        // Same input, same output.
        Assert.Equal(parsed, pipeline.Run(doc).Get(NlpLayers.Tokens));
    }
}
