using System.Text;
using Sitrep.Core;
using Sitrep.Ingest.Input;

namespace Sitrep.Ingest.Tests.Input;

public sealed class GzipTests
{
    [Fact]
    public void Decompress_RoundTrips()
    {
        var text = TestBytes.NoisyText(50_000);
        var output = Gzip.Decompress(TestBytes.Gzip(text), 1_000_000, "x.gz");
        Assert.Equal(text, Encoding.UTF8.GetString(output));
    }

    [Fact]
    public void Decompress_ReadsConcatenatedMembers()
    {
        var data = TestBytes.Gzip("first member, ").Concat(TestBytes.Gzip("second member")).ToArray();
        Assert.Equal("first member, second member", Encoding.UTF8.GetString(Gzip.Decompress(data, 1000, "x.gz")));
    }

    [Theory]
    [InlineData(2)]   // cut in half
    [InlineData(-4)]  // only the length field missing
    [InlineData(-1)]
    public void Decompress_DetectsTruncation(int cut)
    {
        var gz = TestBytes.Gzip(TestBytes.NoisyText(40_000));
        int keep = cut > 0 ? gz.Length / cut : gz.Length + cut;
        var e = Assert.Throws<SitrepException>(() => Gzip.Decompress(gz[..keep], 1_000_000, "cut.gz"));
        Assert.Equal(ErrorCodes.TruncatedGzip, e.Code);
        Assert.Contains("cut.gz", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Decompress_DetectsTruncatedSecondMember()
    {
        var second = TestBytes.Gzip(TestBytes.NoisyText(20_000, seed: 3));
        var data = TestBytes.Gzip("intact first member").Concat(second[..(second.Length / 2)]).ToArray();
        var e = Assert.Throws<SitrepException>(() => Gzip.Decompress(data, 1_000_000, "x.gz"));
        Assert.Equal(ErrorCodes.TruncatedGzip, e.Code);
    }

    [Fact]
    public void Decompress_CorruptData_IsTruncatedGzipError()
    {
        var gz = TestBytes.Gzip(TestBytes.NoisyText(20_000));
        for (int i = 20; i < 60; i++) gz[i] ^= 0x5A;
        var e = Assert.Throws<SitrepException>(() => Gzip.Decompress(gz, 1_000_000, "bad.gz"));
        Assert.Equal(ErrorCodes.TruncatedGzip, e.Code);
    }

    [Fact]
    public void Decompress_StopsAtSizeLimit()
    {
        var gz = TestBytes.Gzip(new string('a', 500_000));
        var e = Assert.Throws<SitrepException>(() => Gzip.Decompress(gz, 100_000, "bomb.gz"));
        Assert.Equal(ErrorCodes.TooLarge, e.Code);
        Assert.Contains("MaxBytes", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DecompressResyncing_SkipsACorruptMemberAndGoesOn()
    {
        var a = TestBytes.Gzip("AAAA record one. ");
        var b = TestBytes.Gzip(TestBytes.NoisyText(3000, seed: 11));
        var c = TestBytes.Gzip("CCCC record three.");
        for (int i = 12; i < b.Length - 12; i++) b[i] ^= 0xA5; // damage the middle member's deflate data
        var segments = Gzip.DecompressResyncing([.. a, .. b, .. c], 1_000_000, "x.gz");
        Assert.True(segments.Count >= 2);
        Assert.StartsWith("AAAA record one. ", Encoding.UTF8.GetString(segments[0].Data), StringComparison.Ordinal);
        Assert.NotNull(segments[0].Error);
        Assert.Equal("CCCC record three.", Encoding.UTF8.GetString(segments[^1].Data));
        Assert.Null(segments[^1].Error);
    }

    [Fact]
    public void DecompressResyncing_FindsASmallMemberRightAfterTheDamage()
    {
        var a = TestBytes.Gzip("AAAA");
        var b = TestBytes.Gzip(TestBytes.NoisyText(300, seed: 5));
        var c = TestBytes.Gzip("CCCC");
        b[^6] ^= 0xFF; // damage the trailer (CRC) only: the decoder fails at the very end of the member
        var segments = Gzip.DecompressResyncing([.. a, .. b, .. c], 1_000_000, "x.gz");
        Assert.Equal("CCCC", Encoding.UTF8.GetString(segments[^1].Data));
        Assert.Null(segments[^1].Error);
        Assert.StartsWith("AAAA", Encoding.UTF8.GetString(segments[0].Data), StringComparison.Ordinal);
    }

    [Fact]
    public void Peek_ReturnsTheFirstBytes()
    {
        Assert.Equal("WARC/"u8.ToArray(), Gzip.Peek(TestBytes.Gzip("WARC/1.1\r\n"), 5));
        Assert.Empty(Gzip.Peek([0x1F, 0x8B, 0x09, 0x00], 5));
    }
}
