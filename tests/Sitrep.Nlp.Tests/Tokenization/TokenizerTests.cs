using Sitrep.Nlp.Tokenization;

namespace Sitrep.Nlp.Tests.Tokenization;

public sealed class TokenizerTests
{
    // Expected tokens separated by '|'. Offsets are checked separately: every token must be the exact substring at its span.
    [Theory]
    [InlineData("I don't know.", "I|do|n't|know|.")]
    [InlineData("I'm sure it's John's car.", "I|'m|sure|it|'s|John|'s|car|.")]
    [InlineData("We can't, won't and cannot go.", "We|ca|n't|,|wo|n't|and|can|not|go|.")]
    [InlineData("They've said they'll come; we'd see.", "They|'ve|said|they|'ll|come|;|we|'d|see|.")]
    [InlineData("It\u2019s the workers\u2019 union.", "It|\u2019s|the|workers|\u2019|union|.")]
    [InlineData("The U.S. Army and Gen. Smith met Mr. J.R.R. Tolkien.", "The|U.S.|Army|and|Gen.|Smith|met|Mr.|J.R.R.|Tolkien|.")]
    [InlineData("It cost $5.50, or 1,200 yen (about 3%).", "It|cost|$|5.50|,|or|1,200|yen|(|about|3|%|)|.")]
    [InlineData("At 11:10 p.m. on Jan. 5, 2023, it fell.", "At|11:10|p.m.|on|Jan.|5|,|2023|,|it|fell|.")]
    [InlineData("Call 713-853-3989 on 11/28/2000 at 3pm.", "Call|713-853-3989|on|11/28/2000|at|3|pm|.")]
    [InlineData("A 15-year term for a well-known e-mail user.", "A|15|-|year|term|for|a|well|-|known|e-mail|user|.")]
    [InlineData("\"Really?!\" he asked... 'No.'", "\"|Really|?!|\"|he|asked|...|'|No|.|'")]
    [InlineData("See https://example.com/a?b=1, or mail me@example.org.", "See|https://example.com/a?b=1|,|or|mail|me@example.org|.")]
    [InlineData("SEOUL (Reuters) \u2013 North Korea fired a missile.", "SEOUL|(|Reuters|)|\u2013|North|Korea|fired|a|missile|.")]
    [InlineData("Peace\u2014and war--now!!", "Peace|\u2014|and|war|--|now|!!")]
    [InlineData("and/or [sic] {x} \u201Cquoted\u201D", "and|/|or|[|sic|]|{|x|}|\u201C|quoted|\u201D")]
    [InlineData("We're gonna win, I wanna go.", "We|'re|gon|na|win|,|I|wan|na|go|.")]
    [InlineData("Visit reuters.com today", "Visit|reuters.com|today")]
    [InlineData("Kim Jong Un's regime", "Kim|Jong|Un|'s|regime")]
    public void Tokenizes_like_ewt(string text, string expected)
    {
        var tokens = Tokenizer.Tokenize(text);
        Assert.Equal(expected, string.Join('|', tokens.Select(t => text[t.Start..t.End])));
        for (int i = 0; i < tokens.Count; i++)
        {
            Assert.True(tokens[i].Start < tokens[i].End);
            if (i > 0) Assert.True(tokens[i - 1].End <= tokens[i].Start, "tokens must not overlap and must be in order");
        }
    }

    [Fact]
    public void Spans_index_the_text_exactly()
    {
        const string text = "  SEOUL, Aug. 30 (AP) \u2014 \"It's over,\" said U.S. officials.\n\nNext  paragraph\there. ";
        var tokens = Tokenizer.Tokenize(text);
        Assert.Equal(["SEOUL", ",", "Aug.", "30", "(", "AP", ")", "\u2014", "\"", "It", "'s", "over", ",", "\"", "said", "U.S.", "officials", ".", "Next", "paragraph", "here", "."],
            tokens.Select(t => text.Substring(t.Start, t.Length)));
        // Nothing but whitespace between tokens.
        int pos = 0;
        foreach (var t in tokens)
        {
            Assert.True(string.IsNullOrWhiteSpace(text[pos..t.Start]));
            pos = t.End;
        }
        Assert.True(string.IsNullOrWhiteSpace(text[pos..]));
    }

    [Fact]
    public void Clitics_are_marked()
    {
        const string text = "don't";
        var tokens = Tokenizer.Tokenize(text);
        Assert.False(tokens[0].Clitic);
        Assert.True(tokens[1].Clitic);
    }

    [Fact]
    public void Pathological_chunks_do_not_overflow_the_stack()
    {
        var text = string.Concat(Enumerable.Repeat("a-", 20_000)) + " " + new string('.', 5000) + " " + new string('(', 3000);
        var tokens = Tokenizer.Tokenize(text);
        Assert.Equal(text.Replace(" ", "", StringComparison.Ordinal), string.Concat(tokens.Select(t => text[t.Start..t.End])));
    }

    [Fact]
    public void Empty_and_whitespace_give_no_tokens()
    {
        Assert.Empty(Tokenizer.Tokenize(""));
        Assert.Empty(Tokenizer.Tokenize(" \n\t "));
    }
}
