namespace Sitrep.Actors.Tests.Linking;

/// <summary>The seed article's actors, linked through tokenizer, tagger, parser and the actor stage at its date (2023-08-30).</summary>
[Collection("linking")]
public sealed class SeedArticleLinkingTests(LinkingFixture f)
{
    private static readonly DateOnly Published = new(2023, 8, 30);
    private readonly string _text = LinkingFixture.SeedBody();
    private ActorMention[]? _mentions;
    private ActorMention[] Mentions => _mentions ??= f.Link(_text, Published);

    private string T(ActorMention m) => _text[m.Span.Start..m.Span.End];

    private ActorMention First(string text) => Mentions.First(m => T(m) == text);

    [Theory]
    [InlineData("Russian President Vladimir Putin", "vladimir-putin", "RUSGOV")]
    [InlineData("North Korean leader Kim Jong Un", "kim-jong-un", "PRKGOV")]
    [InlineData("John Kirby", "john-kirby", "USAGOV")]
    [InlineData("Russian Defense Minister Sergei Shoigu", "sergei-shoigu", "RUSGOV")]
    [InlineData("South Korea’s military", "KOR", "KORMIL")]
    [InlineData("the Biden administration", "USA", "USAGOV")]
    [InlineData("The White House", "USA", "USAGOV")]
    [InlineData("the Kremlin", "RUS", "RUSGOV")]
    [InlineData("Moscow", "RUS", "RUSGOV")]
    [InlineData("AP", "associated-press", "USAMED")]
    [InlineData("North Korea", "PRK", "PRK")]
    public void NamedActorsGetTheirCodes(string text, string id, string code)
    {
        var m = First(text);
        Assert.Equal(id, m.ActorId);
        Assert.Equal(code, m.Code);
    }

    [Fact]
    public void KirbyHeAndTheTitleAreOneChain()
    {
        var kirby = First("John Kirby");
        var surname = Mentions.First(m => T(m) == "Kirby");
        var he = Mentions.Single(m => T(m) == "he");
        var title = First("The National Security Council spokesperson");
        Assert.All(new[] { surname, he, title }, m =>
        {
            Assert.Equal("john-kirby", m.ActorId);
            Assert.Equal(kirby.Chain, m.Chain);
            Assert.Equal("USA", m.Country);
            Assert.Equal("GOV", m.Sector);
        });
    }

    [Fact]
    public void ShoiguIsTheRussianDefenceMinister()
    {
        var m = Mentions.First(m => T(m) == "Shoigu");
        Assert.Equal("RUSGOV", m.Code);
        Assert.Contains("Defence", m.Role, StringComparison.Ordinal);
    }

    [Fact]
    public void PyongyangIsNorthKoreaAndTheNorthToo()
    {
        Assert.All(Mentions.Where(m => T(m) == "Pyongyang"), m => Assert.Equal("PRK", m.Country));
        var north = Mentions.Where(m => T(m) == "the North").ToList();
        Assert.Equal(2, north.Count);
        Assert.All(north, m => Assert.Equal("PRK", m.Code));
    }

    [Fact]
    public void TheWagnerGroupIsARussianNonStateArmedGroup()
    {
        var m = Mentions.First(m => T(m).Contains("Wagner Group", StringComparison.Ordinal));
        Assert.Equal("wagner", m.ActorId);
        Assert.Equal(ActorKind.Group, m.Kind);
        Assert.Equal("RUS", m.Country);
        Assert.Equal("RUSUAF", m.Code);
    }

    [Fact]
    public void APIsMediaAndTheTwoCountriesAreRussiaAndNorthKorea()
    {
        Assert.All(Mentions.Where(m => T(m) == "AP"), m => Assert.Equal(ActorKind.Media, m.Kind));
        var pair = Mentions.Where(m => T(m) == "the two countries").Select(m => m.Code).Distinct().Order(StringComparer.Ordinal).ToList();
        Assert.Equal(["PRK", "RUS"], pair);
    }

    [Fact]
    public void ChainsAreNumberedInOrderOfFirstMention()
    {
        var firsts = Mentions.GroupBy(m => m.Chain).Select(g => g.Min(m => m.Span.Start)).ToList();
        Assert.Equal(firsts.Order().ToList(), Mentions.Select(m => m.Chain).Distinct().OrderBy(c => c).Select(c => Mentions.Where(m => m.Chain == c).Min(m => m.Span.Start)).ToList());
        Assert.Equal(0, Mentions[0].Chain);
    }

    [Fact]
    public void PronounsFollowTheirAntecedents()
    {
        // "The White House said it has …": it → the White House.
        var it = Mentions.First(m => T(m) == "it");
        Assert.Equal("USAGOV", it.Code);
        Assert.Equal("pronoun", it.Resolution);
    }
}
