using Sitrep.Core;
using Sitrep.Nlp;

namespace Sitrep.Actors.Tests.Linking;

/// <summary>
/// Countries from the sentence around a mention: ethnic groups by where they live, role-only mentions by the one
/// country their sentence names, unknown names described by an appositive title, unknown organizations named as such,
/// and cities that share a KB surname.
/// </summary>
[Collection("linking")]
public sealed class ContextLinkingTests(LinkingFixture f)
{
    private static bool Overlaps(ActorMention m, string text, string words)
    {
        var i = text.IndexOf(words, StringComparison.Ordinal);
        Assert.True(i >= 0, words);
        return m.Span.Start < i + words.Length && m.Span.End > i;
    }

    private ActorMention At(string text, string words, DateOnly? date = null) => f.Link(text, date).First(m => Overlaps(m, text, words));

    [Fact]
    public void ADefinitePluralRoleIsTheGroupLastNamedSo()
    {
        // The ASEAN ministers "called for a ceasefire in Gaza": they were PSEGOV, from the place of what they called for.
        const string text = "VIENTIANE — Foreign ministers of the Association of Southeast Asian Nations on Saturday called for restraint. "
            + "The ministers also discussed the situation in the Middle East and called for a ceasefire in Gaza.";
        var ministers = At(text, "The ministers");
        Assert.Equal(("IGOSEAASNGOV", "asean"), (ministers.Code, ministers.ActorId));
        // With no such group named, a place that only locates what they spoke of is not theirs.
        Assert.Null(At("The ministers also called for a ceasefire in Syria.", "The ministers").Country);
        // A place that locates them or their act still is.
        Assert.Equal("SYR", At("In Syria, the ministers called for a ceasefire.", "the ministers").Country);
        Assert.Equal("SYR", At("The ministers met in Syria to call for a ceasefire.", "The ministers").Country);
        // Two groups over the same words are no one antecedent.
        const string two = "The foreign ministers of Armenia and Azerbaijan met in Berlin. The ministers exchanged views on the text.";
        Assert.Null(At(two, "The ministers exchanged").Country);
    }

    [Fact]
    public void ADefiniteRoleTakesTheCountryItsAntecedentGotFromContext()
    {
        // "a spokesperson for China's foreign ministry" is CHNGOV only once its sentence's country is filled in;
        // "The spokesperson urged Tokyo and Manila" was GOV, and its appeals had no source country.
        const string text = "On Wednesday, a spokesperson for China's foreign ministry told a news briefing that cooperation should not target third parties. "
            + "The spokesperson urged Tokyo and Manila to respect its sovereignty.";
        Assert.Equal("CHNGOV", At(text, "a spokesperson").Code);
        Assert.Equal("CHNGOV", At(text, "The spokesperson").Code);
    }

    [Fact]
    public void AGroupOfSeveralCountriesHasNoneOfItsOwn()
    {
        // The speaker's country was theirs: FINGOV and KAZGOV.
        Assert.Null(At("HELSINKI — Foreign ministers from the Nordic and Baltic states agreed on Thursday to step up monitoring, Finland's foreign ministry said.",
            "Foreign ministers").Country);
        Assert.Null(At("The leaders of five Central Asian countries pledged on Friday to share water, Kazakhstan's foreign ministry said.", "The leaders").Country);
        // One country's ministers still take the one country the sentence names.
        Assert.Equal("FIN", At("Foreign ministers met on Thursday, Finland's foreign ministry said.", "Foreign ministers").Country);
    }

    [Fact]
    public void ThePressAStoryCreditsDoesNotSetItsCountry()
    {
        // An AP story about the EU: "the biggest party in parliament" was USAPTY (and FRAPTY from the dateline).
        const string text = "The European Union approved the plan on Tuesday, the Associated Press reported. "
            + "The plan was diluted after opposition from the biggest party in parliament. The AP said the vote was close.";
        Assert.Equal(2, f.Link(text, null).Count(m => m.Code == "USAMED"));
        Assert.Null(At(text, "the biggest party").Country);
    }

    [Fact]
    public void AFrontedTopicIsNotTheCountryOfTheSpeakers()
    {
        // The ASEAN ministers spoke about Myanmar; they were MMRGOV.
        const string text = "On Myanmar, the ministers said they remained deeply concerned about the conflict.";
        Assert.Null(At(text, "the ministers").Country);
        // A locative still places them: "In Myanmar, the ministers said" is Myanmar's ministers.
        const string inside = "In Myanmar, the ministers said they remained deeply concerned about the conflict.";
        Assert.Equal("MMR", At(inside, "the ministers").Country);
    }

    [Fact]
    public void AnEthnicGroupTakesTheCountryItLivesIn()
    {
        const string text = "Ethnic Hungarians staged a protest in Slovakia on Sunday.";
        Assert.Equal("SVK", At(text, "Hungarians").Country);
        // With no other country in the sentence the demonym's own country stands.
        const string alone = "Ethnic Hungarians staged a protest on Sunday.";
        Assert.Equal("HUN", At(alone, "Hungarians").Country);
    }

    [Fact]
    public void APopulationTakesTheCountryItLivesIn()
    {
        const string text = "Police in Georgia detained members of the Armenian minority on Friday.";
        var m = At(text, "Armenian minority");
        Assert.Equal("GEO", m.Country);
    }

    [Fact]
    public void ARoleOnlyMentionTakesTheOneCountryOfItsSentence()
    {
        const string text = "Islamist militants attacked a market on Sunday, Chadian officials said.";
        var m = At(text, "militants");
        Assert.Equal("TCD", m.Country);
        Assert.Equal("TCDREB", m.Code);
        Assert.Equal("agent+context", m.Resolution);
    }

    [Fact]
    public void ARoleOnlyMentionStaysWithoutACountryWhenTheSentenceNamesTwo()
    {
        const string text = "Militants attacked a convoy between Chad and Sudan on Sunday.";
        var m = f.Link(text, null).FirstOrDefault(m => Overlaps(m, text, "Militants"));
        Assert.True(m == default || m.Country is null, m.Code);
    }

    [Fact]
    public void APlaceDoesNotDecideAmongOtherCountries()
    {
        // "its forces" belong to one of the countries named, not to the country they fight in.
        const string text = "The US said Belarus had sent rifles from Iran to help its forces fighting in Syria.";
        var m = f.Link(text, null).FirstOrDefault(m => Overlaps(m, text, "forces"));
        Assert.NotEqual("SYR", m.Country);
    }

    [Fact]
    public void AnUnknownNameTakesTheCountryOfItsAppositiveTitle()
    {
        const string text = "Ibrahima Sangare, a Malian opposition leader, was arrested on Friday.";
        var m = At(text, "Ibrahima Sangare");
        Assert.Equal("MLI", m.Country);
        Assert.Equal(ActorKind.Person, m.Kind);
        Assert.Equal("appositive-name", m.Resolution);
    }

    [Fact]
    public void ASurnameAfterALocativePrepositionThatNamesACityIsNoPerson()
    {
        // Lagos is also the surname of Chile's president Ricardo Lagos.
        const string text = "Thousands of people rallied in Lagos on Saturday.";
        Assert.DoesNotContain(f.Link(text, null), m => m.Country == "CHL");
    }

    [Fact]
    public void ARegionWithAGenericNounAfterItIsItsCountry()
    {
        const string text = "Food aid for the Darfur region has been cut.";
        Assert.Equal("SDN", At(text, "Darfur").Country);
    }

    [Fact]
    public void AnUnknownOrganizationNamedAsOneIsAnNgo()
    {
        const string text = "The Kestrel Water Forum condemned the arrests on Monday.";
        var doc = f.Parse(text, null);
        var tokens = doc.Get(NlpLayers.Tokens);
        int first = tokens.ToList().FindIndex(t => text[t.Span.Start..t.Span.End] == "Kestrel"), last = tokens.ToList().FindIndex(t => text[t.Span.Start..t.Span.End] == "Forum");
        Assert.True(first >= 0 && last > first);
        doc = doc.With(NlpLayers.Entities, [new EntityMention(new TextSpan(tokens[first].Span.Start, tokens[last].Span.End), "ORG", first, last - first + 1)]);
        var m = f.Stage.Process(doc).Get(ActorLayers.Actors).First(a => Overlaps(a, text, "Water Forum"));
        Assert.Equal("NGO", m.Code);
        Assert.Equal(ActorKind.Organization, m.Kind);
    }
}
