using Sitrep.Actors.Places;
using static Sitrep.Actors.Tests.Places.PlaceTestSupport;

namespace Sitrep.Actors.Tests.Places;

/// <summary>Disambiguation and precision cases, through tokens, the shipped POS model and the shipped gazetteer.</summary>
public sealed class PlaceRecognizerTests
{
    private static PlaceMention Only(string text, string written)
    {
        var places = Recognize(text);
        return Assert.Single(At(text, places, written));
    }

    private static void None(string text, string written) => Assert.Empty(At(text, Recognize(text), written));

    [Fact]
    public void Paris_is_the_French_capital_by_default()
    {
        var p = Only("Talks between the two sides resumed in Paris on Monday.", "Paris");
        Assert.Equal(("FRA", PlaceKinds.City), (p.Country, p.Kind));
        Assert.InRange(p.Lat!.Value, 48.8, 48.9);
    }

    [Fact]
    public void Paris_Texas_by_its_qualifier()
    {
        const string text = "The storm flattened homes in Paris, Texas, late on Tuesday.";
        var places = Recognize(text);
        var paris = Assert.Single(At(text, places, "Paris"));
        Assert.Equal("USA", paris.Country);
        Assert.InRange(paris.Lat!.Value, 33.6, 33.7);
        Assert.Equal("sitrep:us-texas", Assert.Single(At(text, places, "Texas")).PlaceId);
    }

    [Fact]
    public void Georgia_is_the_country_unless_the_story_is_in_the_US_state()
    {
        var country = Only("Russian troops remain in two breakaway regions of Georgia, officials in Tbilisi said.", "Georgia");
        Assert.Equal(("GEO", PlaceKinds.Country), (country.Country, country.Kind));

        const string us = "Voters in Atlanta lined up for hours. Georgia certified the results on Friday.";
        var state = Assert.Single(At(us, Recognize(us), "Georgia"));
        Assert.Equal(("USA", "sitrep:us-georgia"), (state.Country, state.PlaceId));

        const string pair = "The rally in Atlanta, Georgia, drew thousands.";
        var places = Recognize(pair);
        Assert.Equal("sitrep:us-georgia", Assert.Single(At(pair, places, "Georgia")).PlaceId);
        Assert.Equal("USA", Assert.Single(At(pair, places, "Atlanta")).Country);
    }

    [Fact]
    public void Kiev_and_Kyiv_are_one_city()
    {
        var a = Only("Missiles struck Kiev overnight.", "Kiev");
        var b = Only("Missiles struck Kyiv overnight.", "Kyiv");
        Assert.Equal("gn:703448", a.PlaceId);
        Assert.Equal(a.PlaceId, b.PlaceId);
        Assert.Equal(("UKR", "Kyiv"), (a.Country, a.Name));
    }

    [Fact]
    public void Lowercase_and_common_words_are_not_towns()
    {
        None("Soldiers used a mobile launcher near the border.", "mobile");
        None("Mobile phones were banned in the chamber.", "Mobile");
        None("In March, the ministry said the talks had failed.", "March");
        None("Nice work was done by the negotiators, one said.", "Nice");
        // from a UD post: "GOD" in capitals had been Göd, a town in Hungary
        None("The band played in Budapest last year. GOD provided cancer to the wife, he wrote.", "GOD");
        var mobile = Only("A hurricane made landfall near Mobile, Alabama, on Sunday.", "Mobile");
        Assert.Equal("USA", mobile.Country);
    }

    [Fact]
    public void A_person_named_like_a_town_is_not_a_place()
    {
        None("Victoria said the agreement would hold.", "Victoria");
        None("John Kirby told reporters the letters were real. Kirby added that talks were advancing.", "Kirby");
        None("Paris Hilton arrived at the gala.", "Paris");
        // After a preposition it is a place: the Australian state, which outranks the towns of that name (Seychelles' capital
        // among them), as "in Florida" is the US state.
        var victoria = Only("Protesters gathered in Victoria on Saturday.", "Victoria");
        Assert.Equal((PlaceKinds.Region, "AUS"), (victoria.Kind, victoria.Country));
    }

    [Fact]
    public void Acronyms_match_only_as_written()
    {
        const string text = "The US said it would help us, and the U.S. Navy sailed on.";
        var places = Recognize(text);
        Assert.Equal("USA", Assert.Single(At(text, places, "US")).Country);
        Assert.Equal("USA", Assert.Single(At(text, places, "U.S.")).Country);
        Assert.Empty(At(text, places, "us"));
    }

    [Fact]
    public void Context_bound_waters_need_their_countries()
    {
        None("The ship sailed toward its eastern waters.", "eastern waters");
        var w = Only("North Korea fired a missile toward its eastern waters.", "eastern waters");
        Assert.Equal(PlaceKinds.Water, w.Kind);
    }

    [Fact]
    public void Regions_and_waters_with_a_leading_the()
    {
        const string text = "Warships crossed the Black Sea while shelling went on in Donbas and the Gaza Strip.";
        var places = Recognize(text);
        var sea = Assert.Single(At(text, places, "Black Sea"));
        Assert.Equal((PlaceKinds.Water, (string?)null), (sea.Kind, sea.Country));
        Assert.Equal("UKR", Assert.Single(At(text, places, "Donbas")).Country);
        Assert.Equal("PSE", Assert.Single(At(text, places, "Gaza Strip")).Country);
    }

    [Fact]
    public void Output_is_deterministic_and_in_text_order()
    {
        const string text = "Delegations from Japan, South Korea and the Philippines met in Manila near the South China Sea.";
        var a = Recognize(text);
        var b = Recognize(text);
        Assert.Equal(a, b);
        Assert.True(a.Length >= 5);
        for (int i = 1; i < a.Length; i++) Assert.True(a[i - 1].Span.End <= a[i].Span.Start);
    }
}
