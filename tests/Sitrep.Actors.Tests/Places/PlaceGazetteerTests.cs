using Sitrep.Actors.Places;

namespace Sitrep.Actors.Tests.Places;

/// <summary>The shipped data: what it holds and that its lint is clean; and that the lint catches broken data.</summary>
public sealed class PlaceGazetteerTests
{
    [Fact]
    public void Shipped_data_has_countries_cities_and_hand_regions()
    {
        var g = PlaceTestSupport.Gazetteer;
        Assert.InRange(g.Entries.Count(e => e.Kind == PlaceKinds.City), 20_000, 30_000);
        Assert.InRange(g.Entries.Count(e => e.Kind is PlaceKinds.Region or PlaceKinds.Water or PlaceKinds.Island), 250, 1000);
        Assert.True(g.Entries.Count(e => e.Kind == PlaceKinds.Country) >= 190);

        var prk = Assert.Single(g.Find("North Korea"));
        Assert.Equal("iso:PRK", prk.Id);
        Assert.InRange(prk.Lat!.Value, 39.0, 39.1); // the capital's point
        var pyongyang = Assert.Single(g.Find("Pyongyang"), e => e.Kind == PlaceKinds.City);
        Assert.Equal("PRK", pyongyang.Country);
        Assert.True(pyongyang.IsCapital);
        Assert.Equal("gn:703448", Assert.Single(g.Find("Kiev")).Id);
        Assert.Equal("gn:703448", Assert.Single(g.Find("Kyiv")).Id);
        var peninsula = Assert.Single(g.Find("the Korean Peninsula"));
        Assert.Equal(new[] { "PRK", "KOR" }, peninsula.Countries.ToArray());
        Assert.Null(peninsula.Country);
        Assert.Null(Assert.Single(g.Find("Black Sea")).Country);
        Assert.Contains(g.Find("Georgia"), e => e.Id == "sitrep:us-georgia" && e.Admin1 == "GA");
        Assert.Contains(g.Find("Georgia"), e => e.Id == "iso:GEO");
        Assert.True(g.IsPersonName("kirby"));
    }

    [Fact]
    public void Shipped_data_lints_without_errors()
    {
        var diags = PlaceGazetteerLinter.Lint(PlaceTestSupport.PlacesDirectory, PlaceTestSupport.Kb);
        Assert.Empty(diags.Where(d => d.Severity == PlaceSeverity.Error).Select(d => d.ToString()));
    }

    [Fact]
    public void Lint_reports_bad_rows_and_a_stale_manifest()
    {
        var dir = Directory.CreateTempSubdirectory("sitrep-places-").FullName;
        try
        {
            foreach (var f in Directory.GetFiles(PlaceTestSupport.PlacesDirectory)) File.Copy(f, Path.Combine(dir, Path.GetFileName(f)));
            File.AppendAllText(Path.Combine(dir, "regions.tsv"),
                "bad-lat\tNowhere Sea\twater\t-\t95.0\t10.0\t\t\n" +
                "bad-country\tSomewhere\tregion\tXYZ\t10.0\t10.0\t\t\n" +
                "bad-kind\tElsewhere\tcontinent\t-\t10.0\t10.0\t\t\n" +
                "bad-flag\tAnywhere\tregion\t-\t10.0\t10.0\t\tshouting\n" +
                "short-row\tNo Columns\n");
            File.AppendAllText(Path.Combine(dir, "city-aliases.tsv"), "999999999\tAtlantis\tnot a city\n");
            var diags = PlaceGazetteerLinter.Lint(dir, PlaceTestSupport.Kb);
            var codes = diags.Where(d => d.Severity == PlaceSeverity.Error).Select(d => d.Code).ToHashSet();
            Assert.Contains(PlaceCodes.BadCoordinate, codes);
            Assert.Contains(PlaceCodes.UnknownCountry, codes);
            Assert.Contains(PlaceCodes.BadKind, codes);
            Assert.Contains(PlaceCodes.BadFlag, codes);
            Assert.Contains(PlaceCodes.Syntax, codes);
            Assert.Contains(PlaceCodes.UnknownCity, codes);
            Assert.Contains(PlaceCodes.Manifest, codes); // the edited files no longer match their sha256
            Assert.Contains(diags, d => d.File == "regions.tsv" && d.Message.Contains("'XYZ'", StringComparison.Ordinal));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
