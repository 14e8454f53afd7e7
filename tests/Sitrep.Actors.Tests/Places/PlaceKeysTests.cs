using Sitrep.Actors.Places;

namespace Sitrep.Actors.Tests.Places;

public sealed class PlaceKeysTests
{
    [Theory]
    [InlineData("Sana'a", "sanaa")]
    [InlineData("St. Petersburg", "st petersburg")]
    [InlineData("Nagorno-Karabakh", "nagorno karabakh")]
    [InlineData("the  Korean\nPeninsula", "korean peninsula")]
    [InlineData("Khān Yūnis", "khan yunis")]
    [InlineData("Kramators’k", "kramatorsk")]
    [InlineData("Zürich", "zurich")]
    [InlineData("Washington, D.C.", "washington, dc")]
    public void Names_fold_to_one_key(string name, string key) => Assert.Equal(key, PlaceKeys.Key(name));

    [Fact]
    public void Fold_reports_a_key_that_does_not_fit()
    {
        Span<char> small = stackalloc char[4];
        Assert.Equal(-1, PlaceKeys.Fold("Pyongyang", small));
        Assert.Equal(4, PlaceKeys.Fold("Kyiv", small));
    }
}
