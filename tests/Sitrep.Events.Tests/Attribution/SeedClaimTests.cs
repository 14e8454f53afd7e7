using Sitrep.Events.Attribution;

namespace Sitrep.Events.Tests.Attribution;

/// <summary>The seed article through the shipped tokenizer, tagger and parser, with hand-built actor mentions.</summary>
public sealed class SeedClaimTests
{
    private static ClaimContext At(string word, int occurrence = 1) =>
        ParsedText.Analyzer.Analyze(ParsedText.Seed, ParsedText.Token(ParsedText.Seed, word, occurrence));

    private static string[] Codes(ClaimContext c) => [.. c.Attribution.Select(l => l.Code ?? "-")];
    private static string[] Texts(ClaimContext c) => [.. c.Attribution.Select(l => l.Text)];

    [Fact]
    public void Letters_are_an_intelligence_claim_of_the_White_House_via_AP()
    {
        var c = At("traded");
        Assert.Equal(Modality.Alleged, c.Modality); // "intelligence inputs which shows that …"
        Assert.Equal(["USAMED", "USAGOV"], Codes(c));
        Assert.Equal(["AP reported", "The White House said"], Texts(c));
        var text = ParsedText.Seed.Text.Text;
        Assert.All(c.Attribution, l => Assert.Equal(l.Text, text[l.Span.Start..l.Span.End]));
        Assert.Equal(1, c.Attribution[0].Actor); // the AP mention
    }

    [Fact]
    public void AP_reported_Kirby_as_saying_chains_AP_then_Kirby()
    {
        var c = At("traveled");
        Assert.Equal(Modality.Reported, c.Modality);
        Assert.Equal(["USAMED", "USAGOV"], Codes(c));
        Assert.Equal(["AP reported", "Kirby as saying"], Texts(c));
        var kirby = ParsedText.Seed.Get(Sitrep.Actors.ActorLayers.Actors)[c.Attribution[1].Actor!.Value];
        Assert.Equal("Kirby", kirby.Name);
        Assert.Equal(3, kirby.Chain);
    }

    [Fact]
    public void Lead_sentence_credit_makes_AP_the_outermost_link_everywhere()
    {
        // "…, AP reported on Wednesday." closes the lead: the article is AP's report, retold.
        var flew = At("flew");
        Assert.Equal(Modality.Asserted, flew.Modality); // the wire credit alone does not make it reported
        Assert.Equal(["AP reported"], Texts(flew));
        var looking = At("looking");
        Assert.Equal(Modality.Reported, looking.Modality);
        Assert.Equal(["USAMED", "USAGOV"], Codes(looking));
        Assert.EndsWith("said", looking.Attribution[1].Text, StringComparison.Ordinal);
        Assert.StartsWith("John Kirby", looking.Attribution[1].Text, StringComparison.Ordinal);
    }

    [Fact]
    public void He_added_resolves_through_the_pronoun_mention()
    {
        var c = At("exchanged");
        Assert.Equal(Modality.Reported, c.Modality);
        Assert.Equal("he added", c.Attribution[^1].Text);
        Assert.Equal("USAGOV", c.Attribution[^1].Code);
        Assert.Equal(3, ParsedText.Seed.Get(Sitrep.Actors.ActorLayers.Actors)[c.Attribution[^1].Actor!.Value].Chain);
    }

    [Fact]
    public void According_to_South_Koreas_military()
    {
        var c = At("launched");
        Assert.Equal(Modality.Reported, c.Modality);
        Assert.Equal(["USAMED", "KORMIL"], Codes(c));
        Assert.Equal("according to South Korea’s military", c.Attribution[^1].Text);
    }

    [Fact]
    public void Shoigu_called_on_North_Korea_is_the_White_House_inside_Kirbys_briefing_and_the_sale_is_requested()
    {
        var called = At("called");
        Assert.Equal(Modality.Reported, called.Modality);
        Assert.Equal("White House said", called.Attribution[^1].Text);
        Assert.Equal(Modality.Requested, At("increase").Modality);
    }

    [Fact]
    public void Denial_sentence_denies_the_allegations_and_asserts_the_denial()
    {
        var alleged = At("allegations");
        Assert.Equal(Modality.Denied, alleged.Modality);
        Assert.Equal("RUS", alleged.Attribution[^1].Code);
        Assert.EndsWith("denied", alleged.Attribution[^1].Text, StringComparison.Ordinal);
        // The denial itself is an event the text asserts (CAMEO 016), credited to AP only.
        var denial = At("denied");
        Assert.Equal(Modality.Asserted, denial.Modality);
        Assert.Equal(["AP reported"], Texts(denial));
    }

    [Fact]
    public void Plans_intentions_conditions_and_refusals()
    {
        var broker = At("broker"); // "Russia was looking to broker a food-for-arms deal"
        Assert.Equal(Modality.Intended, broker.Modality);
        Assert.Equal("the White House said", broker.Attribution[^1].Text);
        Assert.Equal(Modality.Hypothetical, At("provide").Modality); // "Moscow would provide"
        Assert.Equal(Modality.Negated, At("detail").Modality);       // "refused to detail"
    }

    [Fact]
    public void Reported_speech_by_the_US_and_North_Korea()
    {
        var taken = At("taken");
        Assert.Equal(Modality.Reported, taken.Modality);
        Assert.Equal("the US said", taken.Attribution[^1].Text);
        Assert.Equal("USA", taken.Attribution[^1].Code);
        var forced = At("forced");
        Assert.Equal("North Korea insisted", forced.Attribution[^1].Text);
        Assert.Equal("PRK", forced.Attribution[^1].Code);
    }

    [Fact]
    public void A_but_clause_the_parser_hangs_on_said_stays_in_Kirbys_claim()
    {
        var c = At("advancing"); // "Kirby said the letters were … but the talk … were advancing"
        Assert.Equal(Modality.Reported, c.Modality);
        Assert.Equal("Kirby said", c.Attribution[^1].Text);
    }

    [Fact]
    public void Reported_speech_lists_speakers_and_claims()
    {
        var doc = ParsedText.Seed;
        var text = doc.Text.Text;
        var speech = new ReportedSpeechFinder(ParsedText.Analyzer).Find(doc);
        var wh = Assert.Single(speech, s => s.Speaker.Text == "The White House said");
        Assert.EndsWith("amid the Ukraine war", text[wh.Claim.Start..wh.Claim.End], StringComparison.Ordinal); // the closing ", AP reported" is cut off
        var biden = Assert.Single(speech, s => s.Speaker.Text == "the Biden administration said");
        Assert.StartsWith("Russia has become reliant on North Korea", text[biden.Claim.Start..biden.Claim.End], StringComparison.Ordinal);
        Assert.Contains(speech, s => s.Speaker.Text == "he added" && text[s.Claim.Start..s.Claim.End].StartsWith("The leaders of the two countries", StringComparison.Ordinal));
        Assert.Equal(speech.ToArray(), new ReportedSpeechFinder(ParsedText.Analyzer).Find(doc).ToArray()); // deterministic
    }

    [Fact]
    public void Same_input_same_output()
    {
        var doc = ParsedText.Seed;
        var tokens = doc.Get(Sitrep.Nlp.NlpLayers.Tokens);
        var fresh = new ClaimAnalyzer(ParsedText.Lexicon);
        for (int t = 0; t < tokens.Length; t++)
        {
            var a = ParsedText.Analyzer.Analyze(doc, t);
            var b = fresh.Analyze(doc, t);
            Assert.Equal(a.Modality, b.Modality);
            Assert.Equal(a.Attribution.ToArray(), b.Attribution.ToArray());
        }
        Assert.Equal(Modality.Asserted, ParsedText.Analyzer.Analyze(doc, -1).Modality);
        Assert.Equal(Modality.Asserted, ParsedText.Analyzer.Analyze(doc, tokens.Length).Modality);
    }
}
