using Sitrep.Core;

namespace Sitrep.Core.Tests;

public sealed class TextSpanTests
{
    [Fact]
    public void RejectsNegativeStartAndInvertedSpans()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new TextSpan(-1, 3));
        Assert.Throws<ArgumentOutOfRangeException>(() => new TextSpan(5, 4));
    }

    [Fact]
    public void IsHalfOpen()
    {
        var s = new TextSpan(2, 5);
        Assert.Equal(3, s.Length);
        Assert.True(s.Contains(2));
        Assert.False(s.Contains(5));
        Assert.False(s.Overlaps(new TextSpan(5, 7)));
        Assert.True(s.Overlaps(new TextSpan(4, 7)));
        Assert.True(new TextSpan(3, 3).IsEmpty);
    }

    [Fact]
    public void SourceTextSliceChecksBounds()
    {
        var t = new SourceText("Pyongyang");
        Assert.Equal("yong", t.Slice(new TextSpan(1, 5)));
        Assert.Throws<ArgumentOutOfRangeException>(() => t.Slice(new TextSpan(3, 10)));
    }

    [Fact]
    public void ByteSpansFollowTheEncoding()
    {
        var text = "Kyiv – “Seoul”";
        var utf8 = System.Text.Encoding.UTF8.GetBytes(text);
        var t = new SourceText(text, utf8, "utf-8");
        // "–" is 3 bytes in UTF-8, so "“Seoul”" starts at char 7, byte 9.
        Assert.Equal(new TextSpan(9, 9 + 11), t.ToByteSpan(new TextSpan(7, 14)));
        var cp1252 = TextEncodings.Get("windows-1252").GetBytes(text);
        var w = new SourceText(text, cp1252, "windows-1252");
        Assert.Equal(new TextSpan(7, 14), w.ToByteSpan(new TextSpan(7, 14)));
    }
}
