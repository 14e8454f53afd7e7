using Sitrep.Core;
using Sitrep.Events.Quotes;
using Sitrep.Events.Tests.Attribution;

namespace Sitrep.Events.Tests.Quotes;

public sealed class QuoteFinderTests
{
    private static (string Text, int? Speaker, string? Cue)[] Quotes(Document doc)
    {
        var text = doc.Text.Text;
        return [.. QuoteFinder.Find(doc, ParsedText.Lexicon).Select(q => (text[q.Span.Start..q.Span.End], q.Speaker, q.Cue is { } c ? text[c.Start..c.End] : null))];
    }

    [Fact]
    public void Seed_quotes_and_their_speakers()
    {
        var doc = ParsedText.Seed;
        var actors = doc.Get(Sitrep.Actors.ActorLayers.Actors);
        var quotes = Quotes(doc);
        Assert.Equal(3, quotes.Length);

        // A partial quote inside reported speech: the speaker of "said".
        Assert.Equal("more at the surface level", quotes[0].Text);
        Assert.Equal("Kirby", actors[quotes[0].Speaker!.Value].Name);
        Assert.Equal("Kirby said", quotes[0].Cue);

        // Curly open, straight close, and a tag with two sources: the quoted speaker is Kirby.
        Assert.StartsWith("Following Shoigu's visit another group", quotes[1].Text, StringComparison.Ordinal);
        Assert.EndsWith("between the DPRK and Russia", quotes[1].Text, StringComparison.Ordinal); // no trailing comma
        Assert.Equal("Kirby", actors[quotes[1].Speaker!.Value].Name);
        Assert.Equal(3, actors[quotes[1].Speaker!.Value].Chain);
        Assert.Equal("AP reported Kirby as saying", quotes[1].Cue);

        Assert.Equal("hegemonic policy", quotes[2].Text);
        Assert.Equal("PRK", actors[quotes[2].Speaker!.Value].Code);
        Assert.Equal("North Korea insisted", quotes[2].Cue);
    }

    [Fact]
    public void Quotes_split_by_a_speech_tag_share_the_speaker()
    {
        var doc = ParsedText.WithActors(ParsedText.Parse("Kirby spoke on Tuesday. \"We will respond,\" he said. \"We are ready.\""),
            [("Kirby", 1, "USAGOV", Sitrep.Actors.ActorKind.Person, 3), ("he", 1, "USAGOV", Sitrep.Actors.ActorKind.Person, 3)]);
        var q = Quotes(doc);
        Assert.Equal([("We will respond", (int?)1, "he said"), ("We are ready.", 1, "he said")], q);
    }

    [Fact]
    public void A_quoted_question_has_its_speaker_and_is_hypothetical()
    {
        var doc = ParsedText.Parse("“Why would Russia attack the port?” Kirby asked.");
        Assert.Equal(("Why would Russia attack the port?", (int?)null, "Kirby asked"), Assert.Single(Quotes(doc)));
        var c = ParsedText.Analyzer.Analyze(doc, ParsedText.Token(doc, "attack"));
        Assert.Equal(Modality.Hypothetical, c.Modality);
        Assert.Equal("Kirby asked", Assert.Single(c.Attribution).Text);
    }

    [Fact]
    public void Pronoun_without_a_mention_falls_back_to_the_last_person()
    {
        var doc = ParsedText.WithActors(ParsedText.Parse("Kirby spoke on Tuesday. \"We will respond,\" he said."),
            [("Kirby", 1, "USAGOV", Sitrep.Actors.ActorKind.Person, 3)]);
        Assert.Equal(0, QuoteFinder.Find(doc, ParsedText.Lexicon)[0].Speaker);
    }

    [Fact]
    public void Tag_before_the_quote_and_multi_sentence_quotes()
    {
        var q = Quotes(ParsedText.Parse("Kirby said: “We are ready. We will respond.”"));
        Assert.Equal(("We are ready. We will respond.", (int?)null, "Kirby said"), Assert.Single(q));
    }

    [Fact]
    public void A_quote_running_over_paragraphs_takes_the_speaker_of_its_last_part()
    {
        var q = Quotes(ParsedText.Parse("“We are ready.\n\n“We will respond,” Kirby said."));
        Assert.Equal(2, q.Length);
        Assert.Equal(("We are ready.", "Kirby said"), (q[0].Text, q[0].Cue));
        Assert.Equal(("We will respond", "Kirby said"), (q[1].Text, q[1].Cue));
    }

    [Fact]
    public void Quote_marks_pair_across_styles_and_ignore_strays()
    {
        string text = "He said \"yes\" and “no” and the 5\" gun, then \"maybe.\"";
        var pairs = QuoteFinder.Pair(text).Select(p => text[(p.Open + 1)..p.Close]).ToArray();
        Assert.Equal(["yes", "no", "maybe."], pairs);
    }

    [Fact]
    public void Quotes_inside_a_quote_make_the_trigger_reported_by_the_speaker()
    {
        var doc = ParsedText.Parse("Kirby spoke. “Russia will attack the port. We know it,” Kirby said.");
        var c = ParsedText.Analyzer.Analyze(doc, ParsedText.Token(doc, "attack"));
        Assert.Equal(Modality.Intended, c.Modality);
        Assert.Equal("Kirby said", Assert.Single(c.Attribution).Text);
    }

    [Fact]
    public void Quote_stage_adds_the_layer()
    {
        var doc = ParsedText.Parse("Kirby said: “We are ready.”");
        var staged = new QuoteStage(ParsedText.Lexicon).Process(doc);
        Assert.Single(staged.Get(EventLayers.Quotes));
    }
}
