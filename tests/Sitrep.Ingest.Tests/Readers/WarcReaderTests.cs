using System.Text;
using Sitrep.Core;
using Sitrep.Ingest.Input;
using Sitrep.Ingest.Readers;
using Sitrep.Ingest.Tests.Input;

namespace Sitrep.Ingest.Tests.Readers;

public sealed class WarcReaderTests
{
    private const string Storm = "<!doctype html><html><head><title>Storm closes coast road</title></head><body><p>High winds closed the coast road on Sunday.</p></body></html>";
    private const string Vote = "<html><head><title>Vote</title></head><body><p>The harbour board voted to extend the quay.</p></body></html>";

    private readonly RecordingReader _html = new("html");

    private (List<ReadOutcome> Outcomes, WarcStats Stats) Read(byte[] bytes, string origin = "crawl.warc", ReaderOptions? options = null)
    {
        var stats = new WarcStats();
        var outcomes = new WarcReader(_html).Read(new InputSource { Origin = origin, Bytes = bytes }, options ?? new ReaderOptions(), stats).ToList();
        return (outcomes, stats);
    }

    private static WarcFixtureBuilder MixedCrawl() => new WarcFixtureBuilder()
        .Warcinfo()
        .Request("https://coast.example.org/news/storm")
        .Response("https://coast.example.org/news/storm", "text/html; charset=ISO-8859-1",
            TextEncodings.Get("windows-1252").GetBytes(Storm.Replace("Sunday", "Sunday \u2013 caf\u00E9s shut", StringComparison.Ordinal)))
        .Metadata("https://coast.example.org/news/storm")
        .Response("https://coast.example.org/logo.png", "image/png", [0x89, 0x50, 0x4E, 0x47])
        .Response("https://coast.example.org/missing", "text/html", "<html><body>gone</body></html>", status: 404)
        .Response("https://coast.example.org/news/vote", "application/xhtml+xml", Vote);

    [Fact]
    public void PlainWarc_HandsHtmlResponsesOn_AndCountsTheRest()
    {
        var (outcomes, stats) = Read(MixedCrawl().ToWarc());
        Assert.Equal(2, outcomes.Count);
        Assert.All(outcomes, o => Assert.NotNull(o.Document));
        Assert.Equal(2, _html.Seen.Count);

        var storm = _html.Seen[0];
        Assert.Equal("crawl.warc#record-3", storm.Origin);
        Assert.Equal("https://coast.example.org/news/storm", storm.Url);
        Assert.Equal("storm", storm.FileName);
        Assert.Equal("text/html", storm.ContentType);
        Assert.Equal("ISO-8859-1", storm.DeclaredCharset);
        Assert.Equal(new DateTimeOffset(2025, 6, 3, 10, 15, 0, TimeSpan.Zero), storm.FetchedAt);
        Assert.Equal(SourceFormat.Warc, storm.KnownMetadata!.SourceFormat);
        Assert.Null(storm.KnownMetadata.Published); // the fetch date is never the publication date
        Assert.Equal("crawl.warc#record-3", storm.KnownMetadata.Origin);
        Assert.Contains("caf\u00E9s", TextDecoder.Decode(storm.Bytes, storm.DeclaredCharset, true).Text, StringComparison.Ordinal);

        Assert.Equal("crawl.warc#record-7", _html.Seen[1].Origin);
        Assert.Equal("application/xhtml+xml", _html.Seen[1].ContentType);
        Assert.Equal(Vote, Encoding.UTF8.GetString(_html.Seen[1].Bytes));

        Assert.Equal(7, stats.Records);
        Assert.Equal(2, stats.HtmlPages);
        Assert.Equal(0, stats.Errors);
        Assert.Equal(5, stats.SkippedTotal);
        Assert.Equal(1, stats.Skipped["warcinfo"]);
        Assert.Equal(1, stats.Skipped["request"]);
        Assert.Equal(1, stats.Skipped["metadata"]);
        Assert.Equal(1, stats.Skipped["non-HTML (image/png)"]);
        Assert.Equal(1, stats.Skipped["HTTP 404"]);
    }

    [Fact]
    public void GzipPerRecord_GivesTheSameResult()
    {
        var (outcomes, stats) = Read(MixedCrawl().ToWarcGz(), "crawl.warc.gz");
        Assert.Equal(2, outcomes.Count);
        Assert.Equal(["crawl.warc.gz#record-3", "crawl.warc.gz#record-7"], _html.Seen.Select(s => s.Origin));
        Assert.Equal(7, stats.Records);
    }

    [Fact]
    public void ChunkedAndGzipEncodedPayloads_AreDecoded()
    {
        var warc = new WarcFixtureBuilder()
            .Response("https://example.org/chunked", "text/html; charset=utf-8", Encoding.UTF8.GetBytes(Storm), chunked: true)
            .Response("https://example.org/gzipped", "text/html", Encoding.UTF8.GetBytes(Vote), gzip: true)
            .Response("https://example.org/both", "text/html", Encoding.UTF8.GetBytes(Storm + Vote), chunked: true, gzip: true)
            .ToWarc();
        var (outcomes, _) = Read(warc);
        Assert.Equal(3, outcomes.Count);
        Assert.Equal(Storm, Encoding.UTF8.GetString(_html.Seen[0].Bytes));
        Assert.Equal("utf-8", _html.Seen[0].DeclaredCharset);
        Assert.Equal(Vote, Encoding.UTF8.GetString(_html.Seen[1].Bytes));
        Assert.Equal(Storm + Vote, Encoding.UTF8.GetString(_html.Seen[2].Bytes));
    }

    [Fact]
    public void CorruptRecord_IsAnErrorAndTheParserResyncs()
    {
        var b = new WarcFixtureBuilder().Response("https://example.org/one", "text/html", Storm);
        b.Raw("WARC/1.1\r\nWARC-Type: response\r\nContent-Length: lots\r\n\r\ngarbage garbage\r\n\r\n"u8.ToArray());
        b.Response("https://example.org/three", "text/html", Vote);
        var (outcomes, stats) = Read(b.ToWarc());
        Assert.Equal(3, outcomes.Count);
        Assert.NotNull(outcomes[0].Document);
        Assert.Equal(ErrorCodes.ParseFailed, outcomes[1].Error!.Code);
        Assert.Equal("crawl.warc#record-2", outcomes[1].Origin);
        Assert.Contains("Content-Length", outcomes[1].Error!.Message, StringComparison.Ordinal);
        Assert.Equal("https://example.org/three", outcomes[2].Document!.Metadata.Url);
        Assert.Equal(1, stats.Errors);
    }

    [Fact]
    public void ShortContentLength_ResyncsAtTheNextRecord()
    {
        var b = new WarcFixtureBuilder();
        b.Raw("WARC/1.0\r\nWARC-Type: resource\r\nWARC-Target-URI: https://example.org/short\r\nContent-Type: text/html\r\nContent-Length: 5\r\n\r\n<p>a longer block than declared</p>\r\n\r\n"u8.ToArray());
        b.Response("https://example.org/after", "text/html", Vote);
        var (outcomes, _) = Read(b.ToWarc());
        Assert.Contains(outcomes, o => o.Error?.Code == ErrorCodes.ParseFailed);
        Assert.Contains(_html.Seen, s => s.Url == "https://example.org/after");
    }

    [Fact]
    public void CorruptGzipMember_LosesOnlyItsRecord()
    {
        var b = new WarcFixtureBuilder()
            .Response("https://example.org/a", "text/html", Storm)
            .Response("https://example.org/b", "text/html", Vote + TestBytes.NoisyText(2000))
            .Response("https://example.org/c", "text/html", Storm);
        var members = b.Records.Select(TestBytes.Gzip).ToList();
        for (int i = 15; i < members[1].Length - 12; i++) members[1][i] ^= 0x3C;
        var (outcomes, stats) = Read([.. members.SelectMany(m => m)], "crawl.warc.gz");
        Assert.Equal(["https://example.org/a", "https://example.org/c"], _html.Seen.Select(s => s.Url));
        Assert.Contains(outcomes, o => o.Error?.Code == ErrorCodes.TruncatedGzip);
        Assert.True(stats.Errors >= 1);
    }

    [Fact]
    public void TruncatedWarcGz_ReadsWhatItCanAndReportsTheCut()
    {
        var b = new WarcFixtureBuilder()
            .Response("https://example.org/a", "text/html", Storm)
            .Response("https://example.org/b", "text/html", Vote + TestBytes.NoisyText(4000));
        var gz = b.ToWarcGz();
        int firstMember = TestBytes.Gzip(b.Records[0]).Length;
        var cut = gz[..(firstMember + (gz.Length - firstMember) / 2)];
        var (outcomes, _) = Read(cut, "cut.warc.gz");
        Assert.Equal("https://example.org/a", Assert.Single(_html.Seen).Url);
        Assert.Equal(2, outcomes.Count);
        Assert.Equal(ErrorCodes.TruncatedGzip, outcomes[1].Error!.Code);
        Assert.Equal("cut.warc.gz#record-2", outcomes[1].Origin);
    }

    [Fact]
    public void HtmlReaderFailure_IsAnErrorForThatRecordOnly()
    {
        var failing = new RecordingReader("html") { Fail = s => s.Url!.EndsWith("/a", StringComparison.Ordinal) ? new InvalidOperationException("parser bug") : null };
        var warc = new WarcFixtureBuilder().Response("https://example.org/a", "text/html", Storm).Response("https://example.org/b", "text/html", Vote).ToWarc();
        var outcomes = new WarcReader(failing).Read(new InputSource { Origin = "w.warc", Bytes = warc }, new ReaderOptions()).ToList();
        Assert.Equal(2, outcomes.Count);
        Assert.Equal(ErrorCodes.ParseFailed, outcomes[0].Error!.Code);
        Assert.Contains("parser bug", outcomes[0].Error!.Message, StringComparison.Ordinal);
        Assert.Equal("w.warc#record-1", outcomes[0].Origin);
        Assert.NotNull(outcomes[1].Document);
    }

    [Fact]
    public void HtmlResourceRecord_IsRead_AndWarc10AngleBracketUrisAreCleaned()
    {
        var warc = new WarcFixtureBuilder { Version = "WARC/1.0" }.Resource("<https://example.org/saved>", "text/html; charset=utf-8", Vote).ToWarc();
        var (outcomes, _) = Read(warc);
        Assert.NotNull(Assert.Single(outcomes).Document);
        Assert.Equal("https://example.org/saved", _html.Seen[0].Url);
    }

    [Fact]
    public void OversizedPage_IsTooLarge()
    {
        var warc = new WarcFixtureBuilder().Response("https://example.org/big", "text/html", "<p>" + new string('x', 5000) + "</p>").ToWarc();
        var (outcomes, _) = Read(warc, options: new ReaderOptions { MaxBytes = 1000 });
        Assert.Equal(ErrorCodes.TooLarge, Assert.Single(outcomes).Error!.Code);
    }

    [Fact]
    public void ResponseWithoutContentType_IsReadOnlyIfItIsClearlyHtml()
    {
        var warc = new WarcFixtureBuilder()
            .Response("https://example.org/untyped-html", "", Encoding.UTF8.GetBytes(Storm))
            .Response("https://example.org/untyped-data", "", "plain words"u8.ToArray())
            .ToWarc();
        var (_, stats) = Read(warc);
        Assert.Equal("https://example.org/untyped-html", Assert.Single(_html.Seen).Url);
        Assert.Equal(1, stats.Skipped["non-HTML (no Content-Type)"]);
    }

    [Fact]
    public void PlainWarcCutMidRecord_IsParseFailedForThatRecord()
    {
        var warc = new WarcFixtureBuilder().Response("https://example.org/a", "text/html", Storm).Response("https://example.org/b", "text/html", Vote).ToWarc();
        var (outcomes, _) = Read(warc[..(warc.Length - 40)]);
        Assert.Equal(2, outcomes.Count);
        Assert.NotNull(outcomes[0].Document);
        Assert.Equal(ErrorCodes.ParseFailed, outcomes[1].Error!.Code);
        Assert.Contains("truncated", outcomes[1].Error!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void NotAWarc_IsParseFailed()
    {
        var (outcomes, _) = Read("<html>this is not a warc</html>"u8.ToArray(), "x.warc");
        Assert.Equal(ErrorCodes.ParseFailed, Assert.Single(outcomes).Error!.Code);
    }

    [Fact]
    public void CommittedWarcGzFixture_LoadsAndReads()
    {
        var loader = new InputLoader(new ReaderOptions());
        var src = loader.LoadFile(TestBytes.Fixture("small-crawl.warc.gz"));
        Assert.Equal(InputFormat.Warc, FormatSniffer.Sniff(src));
        var (outcomes, stats) = Read(src.Bytes, "small-crawl.warc.gz");
        var item = Assert.Single(_html.Seen);
        Assert.Equal("https://river.example.com/2025/04/lock-repairs", item.Url);
        Assert.Equal("utf-8", item.DeclaredCharset);
        Assert.Contains("lock gates", Encoding.UTF8.GetString(item.Bytes), StringComparison.Ordinal);
        Assert.NotNull(Assert.Single(outcomes).Document);
        Assert.Equal(3, stats.Records);
    }

    [Fact]
    public void Dechunk_HandlesExtensionsAndTrailers()
    {
        Assert.True(WarcHttp.TryDechunk("4;name=v\r\nWiki\r\n5\r\npedia\r\n0\r\nTrailer: x\r\n\r\n"u8, 1000, out var body));
        Assert.Equal("Wikipedia", Encoding.ASCII.GetString(body));
        Assert.False(WarcHttp.TryDechunk("<html>not chunked</html>"u8, 1000, out _));
    }
}
