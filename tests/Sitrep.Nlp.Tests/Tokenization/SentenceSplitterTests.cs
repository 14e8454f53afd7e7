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
    // web text starts sentences in lower case
    [InlineData("is the tank too cold? i bought a heater last week.", "is the tank too cold?|i bought a heater last week.")]
    [InlineData("we loved the food. the staff were slow though!", "we loved the food.|the staff were slow though!")]
    [InlineData("great service! would go again.", "great service!|would go again.")]
    // but not after a quoted question, a capitalized abbreviation or a spaced ellipsis
    [InlineData("\"Why now?\" he asked.", "\"Why now?\" he asked.")]
    [InlineData("Critics say Harvey and Co. are making it worse.", "Critics say Harvey and Co. are making it worse.")]
    [InlineData("It was by us and for us . . . was lost.", "It was by us and for us . . . was lost.")]
    [InlineData("No period at the end", "No period at the end")]
    public void Splits_news_sentences(string text, string expected) => Assert.Equal(expected, string.Join('|', Split(text)));

    [Fact]
    public void Paragraph_break_always_ends_a_sentence()
    {
        Assert.Equal(["said the", "minister."], Split("said the\n\nminister."));
    }

    [Fact]
    public void A_run_without_punctuation_is_cut_into_bounded_sentences_that_cover_every_token()
    {
        var text = "Breaking " + string.Concat(Enumerable.Range(0, 1000).Select(i => "tag" + i.ToString(System.Globalization.CultureInfo.InvariantCulture) + " ")) + "end. Next sentence.";
        var (sentences, tokens) = TokenizerStage.Run(text);
        Assert.All(sentences, s => Assert.InRange(s.TokenCount, 1, Sitrep.Nlp.Tokenization.SentenceSplitter.MaxTokens));
        Assert.Equal(tokens.Length, sentences.Sum(s => s.TokenCount));
        for (var k = 1; k < sentences.Length; k++) Assert.Equal(sentences[k - 1].FirstToken + sentences[k - 1].TokenCount, sentences[k].FirstToken);
        Assert.Equal("Next sentence.", text[sentences[^1].Span.Start..sentences[^1].Span.End]);
        Assert.Equal(6, sentences.Length); // the run's 1,003 tokens: four pieces of 250 and one of 3; then the next sentence
    }

    [Fact]
    public void A_long_run_is_cut_after_its_last_comma_in_the_window()
    {
        var words = Enumerable.Range(0, 300).Select(i => "w" + i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        words[199] += ",";
        var sentences = Split(string.Join(' ', words) + ".");
        Assert.Equal(2, sentences.Length);
        Assert.EndsWith("w199,", sentences[0], StringComparison.Ordinal);
        Assert.StartsWith("w200 ", sentences[1], StringComparison.Ordinal);
    }
}
