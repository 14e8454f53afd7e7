namespace Sitrep.Actors.Tests.Linking;

/// <summary>Countries from gazetteer places beside an agent noun, misspelt country names, and pre-2000 office holders.</summary>
[Collection("linking")]
public sealed class PlaceAndSpellingLinkingTests(LinkingFixture f)
{
    private ActorMention At(string text, string words, DateOnly? date = null) =>
        f.Link(text, date).First(m => m.Span.Start < text.IndexOf(words, StringComparison.Ordinal) + words.Length
            && m.Span.End > text.IndexOf(words, StringComparison.Ordinal));

    [Fact]
    public void AnAgentTakesTheCountryOfAPlaceBesideIt()
    {
        const string text = "Rebels in Kandahar attacked a convoy on Tuesday.";
        var m = At(text, "Rebels");
        Assert.Equal("AFG", m.Country);
        Assert.StartsWith("AFG", m.Code, StringComparison.Ordinal);
    }

    [Fact]
    public void AMisspeltCountryNameStillLinks()
    {
        const string text = "Indonessia recalled its ambassador on Monday.";
        var m = At(text, "Indonessia");
        Assert.Equal("IDN", m.Country);
    }

    [Fact]
    public void AFirstNameNearACountryNameIsNoCountry()
    {
        const string text = "Frances Smith said the talks would resume.";
        Assert.DoesNotContain(f.Link(text, null), m => m.Country == "FRA");
    }

    [Fact]
    public void AHistoricalPresidentLinksOnADateInOffice()
    {
        const string text = "Ronald Reagan met the delegation in Washington.";
        var m = At(text, "Reagan", new DateOnly(1985, 6, 1));
        Assert.Equal("ronald-reagan", m.ActorId);
        Assert.Equal("USAGOV", m.Code);
    }
}
