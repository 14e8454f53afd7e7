using System.Text;
using Sitrep.Ingest.Input;

namespace Sitrep.Ingest.Tests.Input;

public sealed class FormatSnifferTests
{
    private static InputSource Src(string content, string? fileName = null, string? contentType = null) =>
        new() { Origin = fileName ?? "-", Bytes = Encoding.UTF8.GetBytes(content), FileName = fileName, ContentType = contentType };

    [Theory]
    [InlineData("a.html", InputFormat.Html)]
    [InlineData("a.HTM", InputFormat.Html)]
    [InlineData("a.xhtml", InputFormat.Html)]
    [InlineData("a.txt", InputFormat.Text)]
    [InlineData("a.text", InputFormat.Text)]
    [InlineData("a.jsonl", InputFormat.JsonLines)]
    [InlineData("a.ndjson", InputFormat.JsonLines)]
    [InlineData("a.json-lines", InputFormat.JsonLines)]
    [InlineData("a.rss", InputFormat.Feed)]
    [InlineData("a.atom", InputFormat.Feed)]
    [InlineData("a.xml", InputFormat.Feed)]
    [InlineData("a.warc", InputFormat.Warc)]
    [InlineData("a.warc.gz", InputFormat.Warc)]
    [InlineData("a.jsonl.gz", InputFormat.JsonLines)]
    [InlineData("a.bin", null)]
    public void FromFileName(string name, InputFormat? expected) => Assert.Equal(expected, FormatSniffer.FromFileName(name));

    [Fact]
    public void Extension_WinsForNeutralContent()
    {
        Assert.Equal(InputFormat.Html, FormatSniffer.Sniff(Src("Just words.", "x.html")));
        Assert.Equal(InputFormat.Text, FormatSniffer.Sniff(Src("{ not json, a brace in prose }", "x.txt")));
        Assert.Equal(InputFormat.JsonLines, FormatSniffer.Sniff(Src("{\"text\":\"a\"}\n", "x.jsonl")));
    }

    [Theory]
    [InlineData("WARC/1.1\r\nWARC-Type: warcinfo\r\n", InputFormat.Warc)]
    [InlineData("<rss version=\"2.0\"><channel/></rss>", InputFormat.Feed)]
    [InlineData("<feed xmlns=\"http://www.w3.org/2005/Atom\"></feed>", InputFormat.Feed)]
    [InlineData("<?xml version=\"1.0\"?>\n<!-- generated -->\n<rss version=\"2.0\"></rss>", InputFormat.Feed)]
    [InlineData("<?xml version=\"1.0\"?><rdf:RDF xmlns:rdf=\"x\"></rdf:RDF>", InputFormat.Feed)]
    [InlineData("<!DOCTYPE html>\n<html><body>x</body></html>", InputFormat.Html)]
    [InlineData("  <html lang=\"en\"><body>x</body></html>", InputFormat.Html)]
    [InlineData("{\"url\":\"https://example.org/a\",\"text\":\"x\"}\n", InputFormat.JsonLines)]
    [InlineData("Plain words about a storm.", InputFormat.Text)]
    [InlineData("<div><p>fragment</p></div>", InputFormat.Html)]
    public void Content_WithoutExtension(string content, InputFormat expected) =>
        Assert.Equal(expected, FormatSniffer.Sniff(Src(content)));

    [Fact]
    public void MisleadingExtension_IsOverruledByStrongContent()
    {
        Assert.Equal(InputFormat.Html, FormatSniffer.Sniff(Src("<!doctype html><html></html>", "saved.txt")));
        Assert.Equal(InputFormat.Feed, FormatSniffer.Sniff(Src("<?xml version=\"1.0\"?><rss></rss>", "feed.html")));
        Assert.Equal(InputFormat.Warc, FormatSniffer.Sniff(Src("WARC/1.0\r\n", "dump.jsonl")));
    }

    [Fact]
    public void JsonExtension_IsJsonLinesOnlyForObjects()
    {
        Assert.Equal(InputFormat.JsonLines, FormatSniffer.Sniff(Src("{\"text\":\"a\"}\n{\"text\":\"b\"}", "dump.json")));
        Assert.Equal(InputFormat.Unknown, FormatSniffer.Sniff(Src("[{\"text\":\"a\"}]", "array.json")));
    }

    [Fact]
    public void XmlThatIsNotAFeed_IsUnknown()
    {
        Assert.Equal(InputFormat.Unknown, FormatSniffer.Sniff(Src("<?xml version=\"1.0\"?><urlset></urlset>", "sitemap.xml")));
    }

    [Fact]
    public void ContentType_IsUsedWhenNoExtension()
    {
        Assert.Equal(InputFormat.Html, FormatSniffer.Sniff(Src("words", null, "text/html")));
        Assert.Equal(InputFormat.Feed, FormatSniffer.Sniff(Src("<?xml version=\"1.0\"?><rss/>", null, "application/xml")));
        Assert.Equal(InputFormat.JsonLines, FormatSniffer.Sniff(Src("{}", null, "application/x-ndjson")));
    }

    [Fact]
    public void BinaryAndGzipNonWarc_AreUnknown()
    {
        var png = new InputSource { Origin = "x", Bytes = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0] };
        Assert.Equal(InputFormat.Unknown, FormatSniffer.Sniff(png));
        var gzText = new InputSource { Origin = "x", Bytes = TestBytes.Gzip("hello") };
        Assert.Equal(InputFormat.Unknown, FormatSniffer.Sniff(gzText));
        var gzWarc = new InputSource { Origin = "x", Bytes = TestBytes.Gzip("WARC/1.0\r\n") };
        Assert.Equal(InputFormat.Warc, FormatSniffer.Sniff(gzWarc));
    }

    [Fact]
    public void Utf8Bom_IsSkippedWhenSniffing()
    {
        var bytes = new byte[] { 0xEF, 0xBB, 0xBF }.Concat(Encoding.UTF8.GetBytes("<rss version=\"2.0\"/>")).ToArray();
        Assert.Equal(InputFormat.Feed, FormatSniffer.Sniff(new InputSource { Origin = "-", Bytes = bytes }));
    }
}
