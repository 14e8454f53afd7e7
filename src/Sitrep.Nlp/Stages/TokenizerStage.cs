using Sitrep.Core;
using Sitrep.Nlp.Tokenization;

namespace Sitrep.Nlp.Stages;

/// <summary>Tokenizes the clean text and splits it into sentences (UD English-EWT conventions).</summary>
public sealed class TokenizerStage : IPipelineStage
{
    public string Name => "tokenizer";
    public IReadOnlyList<AnnotationLayer> Requires { get; } = [CoreLayers.CleanText];
    public IReadOnlyList<AnnotationLayer> Provides { get; } = [NlpLayers.Sentences, NlpLayers.Tokens];

    public Document Process(Document document, CancellationToken cancellationToken = default)
    {
        var (sentences, tokens) = Run(document.Text.Text);
        return document.With(NlpLayers.Sentences, sentences).With(NlpLayers.Tokens, tokens);
    }

    /// <summary>Tokens and sentences of a text, without a document.</summary>
    public static (Sentence[] Sentences, Token[] Tokens) Run(string text)
    {
        var raw = Tokenizer.Tokenize(text);
        var sentences = SentenceSplitter.Sentences(text, raw);
        var tokens = new Token[raw.Count];
        for (int s = 0; s < sentences.Length; s++)
        {
            var sent = sentences[s];
            for (int i = sent.FirstToken; i < sent.FirstToken + sent.TokenCount; i++) tokens[i] = new Token(raw[i].Span, s);
        }
        return (sentences, tokens);
    }
}
