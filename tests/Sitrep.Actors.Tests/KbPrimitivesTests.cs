using Sitrep.Actors.Kb;

namespace Sitrep.Actors.Tests;

public sealed class KbPrimitivesTests
{
    [Theory]
    [InlineData("2024", "2024-01-01", "2024-12-31")]
    [InlineData("2024-02", "2024-02-01", "2024-02-29")]
    [InlineData("2024-05-14", "2024-05-14", "2024-05-14")]
    public void Partial_dates_cover_their_period(string text, string earliest, string latest)
    {
        var d = KbDate.Parse(text);
        Assert.Equal(DateOnly.Parse(earliest, System.Globalization.CultureInfo.InvariantCulture), d.Earliest);
        Assert.Equal(DateOnly.Parse(latest, System.Globalization.CultureInfo.InvariantCulture), d.Latest);
        Assert.Equal(text, d.ToString());
    }

    [Theory]
    [InlineData("24")]
    [InlineData("2024-13")]
    [InlineData("2023-02-29")]
    [InlineData("2024/01/01")]
    [InlineData("")]
    public void Malformed_dates_are_rejected(string text) => Assert.False(KbDate.TryParse(text, out _));

    [Fact]
    public void A_role_is_held_from_its_start_to_the_day_before_a_full_end_date()
    {
        var r = new KbRole { Title = "x", Start = KbDate.Parse("2012-11-06"), End = KbDate.Parse("2024-05-12") };
        Assert.False(r.IsHeldOn(new DateOnly(2012, 11, 5)));
        Assert.True(r.IsHeldOn(new DateOnly(2012, 11, 6)));
        Assert.True(r.IsHeldOn(new DateOnly(2024, 5, 11)));
        Assert.False(r.IsHeldOn(new DateOnly(2024, 5, 12)));
        var partial = r with { End = KbDate.Parse("2024") };
        Assert.True(partial.IsHeldOn(new DateOnly(2024, 12, 31)));
        Assert.True((r with { End = null }).IsHeldOn(new DateOnly(2030, 1, 1)));
    }

    [Fact]
    public void Actor_codes_compose_and_parse()
    {
        var sectors = new HashSet<string>(["GOV", "MIL", "REF", "HLH"], StringComparer.Ordinal);
        Assert.Equal("RUSGOV", ActorCode.Country("RUS", "GOV").Code);
        Assert.Equal("KORMIL", new ActorCode("KOR", "MIL").Code);
        Assert.Equal("PRK", ActorCode.Country("PRK").Code);
        var unhcr = ActorCode.Parse("IGOUNOREFHCR", sectors);
        Assert.Equal(("IGO", "UNO", "REF", "HCR"), (unhcr.Root, unhcr.Organization, unhcr.Sector, unhcr.Secondary));
        Assert.Equal("IGOUNOREFHCR", unhcr.Code);
        var nato = ActorCode.Parse("IGOWSTNAT", sectors);
        Assert.Equal(("IGO", "WSTNAT", null), (nato.Root, nato.Organization, nato.Sector));
        Assert.Throws<FormatException>(() => ActorCode.Parse("RUSG", sectors));
    }

    [Theory]
    [InlineData("US", true)]
    [InlineData("the US", true)]
    [InlineData("U.S.", true)]
    [InlineData("DPRK", true)]
    [InlineData("Russia", false)]
    [InlineData("the North", false)]
    [InlineData("ISIS-K", true)]
    public void Acronyms_are_detected(string text, bool acronym) => Assert.Equal(acronym, AliasKeys.IsAcronym(text));

    [Fact]
    public void Folded_keys_ignore_case_diacritics_quotes_and_a_leading_the()
    {
        Assert.Equal(AliasKeys.FoldedKey("Côte d’Ivoire"), AliasKeys.FoldedKey("cote d'ivoire"));
        Assert.Equal(AliasKeys.FoldedKey("the Kremlin"), AliasKeys.FoldedKey("Kremlin"));
        Assert.Equal(AliasKeys.FoldedKey("Zelenskyy"), AliasKeys.FoldedKey("ZELENSKYY"));
        Assert.Equal("US", AliasKeys.ExactKey("the US"));
    }
}
