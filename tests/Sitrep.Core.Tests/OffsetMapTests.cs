using Sitrep.Core;

namespace Sitrep.Core.Tests;

public sealed class OffsetMapTests
{
    private const string Raw = "<p>Russia &amp; North   Korea</p>\n<p>denied it.</p>";

    private static (string Clean, OffsetMap Map) Build()
    {
        var b = new CleanTextBuilder(Raw);
        b.Copy(new TextSpan(3, 10));                 // "Russia "
        b.Append("&", new TextSpan(10, 15));         // "&amp;"
        b.Copy(new TextSpan(15, 21));                // " North"
        b.Append(" ", new TextSpan(21, 24));         // three spaces folded
        b.Copy(new TextSpan(24, 29));                // "Korea"
        b.Append("\n\n", new TextSpan(29, 37));      // "</p>\n<p>"
        b.Copy(new TextSpan(37, 47));                // "denied it."
        return b.Build();
    }

    [Fact]
    public void EveryCleanCharacterMapsToItsRawSource()
    {
        var (clean, map) = Build();
        Assert.Equal("Russia & North Korea\n\ndenied it.", clean);
        for (int i = 0; i < clean.Length; i++)
        {
            var raw = map.MapChar(i);
            Assert.True(raw.End <= Raw.Length);
            if (raw.Length == 1 && !char.IsWhiteSpace(clean[i])) Assert.Equal(clean[i], Raw[raw.Start]);
        }
        Assert.Equal(new TextSpan(10, 15), map.MapChar(7));
        Assert.Equal("North   Korea", Raw[map.MapToRaw(new TextSpan(9, 20)).Start..map.MapToRaw(new TextSpan(9, 20)).End]);
    }

    [Fact]
    public void MergesContiguousCopiesAndRoundTripsThroughText()
    {
        var (_, map) = Build();
        var back = OffsetMap.Deserialize(map.Serialize());
        Assert.Equal(map.Serialize(), back.Serialize());
        Assert.Equal(map.SegmentCount, back.SegmentCount);
        for (int i = 0; i < map.CleanLength; i++) Assert.Equal(map.MapChar(i), back.MapChar(i));
    }

    [Fact]
    public void MapsRawPositionsBack()
    {
        var (clean, map) = Build();
        int k = map.MapFromRaw(Raw.IndexOf("denied", StringComparison.Ordinal));
        Assert.Equal(clean.IndexOf("denied", StringComparison.Ordinal), k);
    }

    [Fact]
    public void ComposesMaps()
    {
        var (clean, map) = Build();
        // An outer cleaning step that drops the first word.
        var outer = new CleanTextBuilder(clean);
        outer.Copy(new TextSpan(7, clean.Length));
        var (text2, map2) = outer.Build();
        var chained = map2.Then(map);
        Assert.Equal(clean[7..], text2);
        Assert.Equal(new TextSpan(10, 15), chained.MapChar(0));
        Assert.Equal(map.MapChar(clean.Length - 1), chained.MapChar(text2.Length - 1));
    }

    [Fact]
    public void RejectsMapsThatLeaveTheRawText()
    {
        Assert.Throws<ArgumentException>(() => new OffsetMap([0], [3], [5], [3], 3, 6));
        Assert.Throws<ArgumentException>(() => new OffsetMap([0, 4], [3, 1], [0, 3], [3, 1], 4, 6));
    }

    [Fact]
    public void IdentityMapsEachCharacterToItself()
    {
        var map = OffsetMap.Identity(10);
        Assert.Equal(new TextSpan(4, 5), map.MapChar(4));
        Assert.Throws<ArgumentOutOfRangeException>(() => map.MapChar(10));
    }
}
