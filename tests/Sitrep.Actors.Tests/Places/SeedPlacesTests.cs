using Sitrep.Actors.Places;
using static Sitrep.Actors.Tests.Places.PlaceTestSupport;

namespace Sitrep.Actors.Tests.Places;

/// <summary>The places of the seed article (read from ../shared, never copied), with the shipped models and data.</summary>
public sealed class SeedPlacesTests
{
    [Fact]
    public void Seed_article_places()
    {
        var text = File.ReadAllText(RepoPaths.Shared("samples", "seed-article.txt"));
        var places = Recognize(text);
        string Summary(PlaceMention p) => $"{text[p.Span.Start..p.Span.End]}|{p.Country}|{p.Kind}";
        var all = places.Select(Summary).ToList();

        PlaceMention One(string written) => At(text, places, written).First();

        var pyongyang = One("Pyongyang");
        Assert.Equal(("PRK", PlaceKinds.City, "gn:1871859"), (pyongyang.Country, pyongyang.Kind, pyongyang.PlaceId));
        Assert.InRange(pyongyang.Lat!.Value, 39.0, 39.1);
        Assert.InRange(pyongyang.Lon!.Value, 125.7, 125.8);
        Assert.Equal(4, At(text, places, "Pyongyang").Length); // including "Kremlin-Pyongyang"
        Assert.Equal(("RUS", PlaceKinds.City), (One("Moscow").Country, One("Moscow").Kind));
        Assert.Equal(3, At(text, places, "Moscow").Length);
        foreach (var (name, code) in new[] { ("North Korea", "PRK"), ("Russia", "RUS"), ("Ukraine", "UKR"), ("Iran", "IRN"), ("DPRK", "PRK"), ("US", "USA") })
            Assert.Equal((code, PlaceKinds.Country), (One(name).Country, One(name).Kind));
        Assert.Equal("KOR", One("South Korea").Country);
        var peninsula = One("Korean Peninsula");
        Assert.Equal((PlaceKinds.Region, (string?)null, "sitrep:korean-peninsula"), (peninsula.Kind, peninsula.Country, peninsula.PlaceId));
        Assert.Equal(PlaceKinds.Water, One("eastern waters").Kind);

        // Precision: nothing that is not a place.
        foreach (var notPlace in new[] { "Kirby", "White House", "Kremlin", "Wagner", "March", "West", "North", "Shoigu", "Kim", "Un", "AP" })
            Assert.DoesNotContain(all, s => s.StartsWith(notPlace + "|", StringComparison.Ordinal));
        Assert.All(places, p => Assert.NotNull(p.Lat));
        Assert.All(places, p => Assert.False(text[p.Span.Start..p.Span.End].EndsWith('.'), Summary(p))); // no sentence-final full stop
    }
}
