using Sitrep.Nlp.Stages;

namespace Sitrep.Nlp.Tests.Tokenization;

public sealed class SentenceSplitterTests
{
    private static string[] Split(string text)
    {
        var (sentences, tokens) = TokenizerStage.Run(text);
        foreach (var s in sentences)
        {
            Assert.Equal(tokens[s.FirstToken].Span.Start, s.Span.Start);
            Assert.Equal(tokens[s.FirstToken + s.TokenCount - 1].Span.End, s.Span.End);
        }
        return [.. sentences.Select(s => text[s.Span.Start..s.Span.End])];
    }

    [Theory]
    [InlineData("He left. She stayed.", "He left.|She stayed.")]
    [InlineData("Mr. Smith met Gen. Jones in the U.S. capital. They talked.", "Mr. Smith met Gen. Jones in the U.S. capital.|They talked.")]
    [InlineData("\"We will win,\" he said. \"Never.\" Then he left.", "\"We will win,\" he said.|\"Never.\"|Then he left.")]
    [InlineData("Is it over? Yes! It is...", "Is it over?|Yes!|It is...")]
    [InlineData("It rose 3.5 percent to $1.2 billion. Shares fell.", "It rose 3.5 percent to $1.2 billion.|Shares fell.")]
    [InlineData("He works for Acme Inc. The company grew.", "He works for Acme Inc.|The company grew.")]
    [InlineData("He met J. R. Smith at 3 p.m. on Friday.", "He met J. R. Smith at 3 p.m. on Friday.")]
    [InlineData("North Korea fires missile\n\nSEOUL (Reuters) \u2013 North Korea fired a missile on Tuesday, officials said.",
        "North Korea fires missile|SEOUL (Reuters) \u2013 North Korea fired a missile on Tuesday, officials said.")]
    [InlineData("Putin warns West\nMoscow said on Monday it would respond.", "Putin warns West|Moscow said on Monday it would respond.")]
    [InlineData("the talks, which began\nin May, ended.", "the talks, which began\nin May, ended.")]
    [InlineData("(The vote was close.) Lawmakers left.", "(The vote was close.)|Lawmakers left.")]
    [InlineData("No period at the end", "No period at the end")]
    public void Splits_news_sentences(string text, string expected) => Assert.Equal(expected, string.Join('|', Split(text)));

    [Fact]
    public void Paragraph_break_always_ends_a_sentence()
    {
        Assert.Equal(["said the", "minister."], Split("said the\n\nminister."));
    }
}
