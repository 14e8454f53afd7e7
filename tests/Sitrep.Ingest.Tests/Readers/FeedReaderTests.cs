using System.Text;
using Sitrep.Core;
using Sitrep.Ingest.Readers;
using Sitrep.Ingest.Tests.Input;

namespace Sitrep.Ingest.Tests.Readers;

public sealed class FeedReaderTests
{
    private readonly RecordingReader _html = new("html");

    private List<ReadOutcome> Read(byte[] bytes, string origin = "feed.xml", string? charset = null) =>
        new FeedReader(_html).Read(new InputSource { Origin = origin, Bytes = bytes, DeclaredCharset = charset }, new ReaderOptions()).ToList();

    private List<ReadOutcome> Read(string xml, string origin = "feed.xml") => Read(Encoding.UTF8.GetBytes(xml), origin);

    [Fact]
    public void Rss2_ItemsBecomeHtmlInputsWithKnownMetadata()
    {
        var outcomes = Read(File.ReadAllBytes(TestBytes.Fixture("rss2-harbour.xml")));
        Assert.Equal(3, outcomes.Count);
        Assert.Equal(2, _html.Seen.Count);

        var first = _html.Seen[0];
        Assert.Equal("feed.xml#item-1", first.Origin);
        Assert.Equal("https://gazette.example.net/2025/06/barge-strike", first.Url);
        Assert.Equal("text/html", first.ContentType);
        // Full content (content:encoded) is preferred over the description.
        Assert.StartsWith("<p>A grain barge struck", Encoding.UTF8.GetString(first.Bytes), StringComparison.Ordinal);
        var m = first.KnownMetadata!;
        Assert.Equal("Barge strikes Kessel Street bridge", m.Title);
        Assert.Equal("Renée Lefèvre", m.Author);
        Assert.Equal("2025-06-03T09:39:21+02:00", m.Published!.Value.ToIso());
        Assert.Equal("en-gb", m.DeclaredLanguage);
        Assert.Equal("Harbour Gazette", m.Site);
        Assert.Equal(SourceFormat.Rss, m.SourceFormat);
        Assert.Equal("feed.xml#item-1", m.Origin);

        var second = _html.Seen[1];
        Assert.Equal("feed.xml#item-2", second.Origin);
        Assert.Equal("https://gazette.example.net/2025/06/ferry-pontoon", second.Url); // relative link resolved against the channel link
        Assert.Equal("<p>The council voted 9 to 2 to fund a floating pontoon for the night ferry.</p>", Encoding.UTF8.GetString(second.Bytes));
        Assert.Equal("Council approves & funds new ferry pontoon", second.KnownMetadata!.Title);
        Assert.Equal("Tom Berg", second.KnownMetadata.Author);
        Assert.Equal("2025-06-04T17:05Z", second.KnownMetadata.Published!.Value.ToIso());

        Assert.Equal(ErrorCodes.NoBody, outcomes[2].Error!.Code);
        Assert.Equal("feed.xml#item-3", outcomes[2].Origin);
    }

    [Fact]
    public void Atom_ContentOrSummary_DatesKeepOffsets_AuthorAndLang()
    {
        const string atom = """
            <?xml version="1.0" encoding="utf-8"?>
            <feed xmlns="http://www.w3.org/2005/Atom" xml:lang="de">
              <title>Rheinbote</title>
              <link href="https://rheinbote.example.de/"/>
              <updated>2025-03-02T12:00:00+01:00</updated>
              <id>urn:uuid:5f1c2a0e-0000-4000-8000-000000000001</id>
              <entry>
                <title>Hochwasser in Köln erwartet</title>
                <link rel="alternate" type="text/html" href="https://rheinbote.example.de/2025/03/hochwasser"/>
                <id>urn:uuid:5f1c2a0e-0000-4000-8000-000000000002</id>
                <published>2025-03-01T07:30:00+01:00</published>
                <updated>2025-03-01T18:45:00+01:00</updated>
                <author><name>Jana Schmitt</name></author>
                <summary>Kurzfassung</summary>
                <content type="html">&lt;p&gt;Der Pegel steigt weiter.&lt;/p&gt;</content>
              </entry>
              <entry>
                <title>Fähre fährt wieder</title>
                <link href="https://rheinbote.example.de/2025/03/faehre"/>
                <id>urn:uuid:5f1c2a0e-0000-4000-8000-000000000003</id>
                <updated>2025-03-02T09:00:00Z</updated>
                <summary type="text">Die Fähre nach Zons fährt ab Montag.

            Der Fahrplan bleibt gleich &amp; unverändert.</summary>
              </entry>
            </feed>
            """;
        var outcomes = Read(atom, "rhein.atom");
        Assert.Equal(2, outcomes.Count);
        var a = _html.Seen[0];
        Assert.Equal("rhein.atom#item-1", a.Origin);
        Assert.Equal("https://rheinbote.example.de/2025/03/hochwasser", a.Url);
        Assert.Contains("<p>Der Pegel steigt weiter.</p>", Encoding.UTF8.GetString(a.Bytes), StringComparison.Ordinal);
        Assert.Equal("Jana Schmitt", a.KnownMetadata!.Author);
        Assert.Equal("2025-03-01T07:30+01:00", a.KnownMetadata.Published!.Value.ToIso());
        Assert.Equal("2025-03-01T18:45+01:00", a.KnownMetadata.Modified!.Value.ToIso());
        Assert.Equal("de", a.KnownMetadata.DeclaredLanguage);

        var b = _html.Seen[1];
        // A plain-text summary is escaped into paragraphs so the HTML reader sees text, not markup.
        Assert.Equal("<p>Die Fähre nach Zons fährt ab Montag.</p>\n<p>Der Fahrplan bleibt gleich &amp; unverändert.</p>\n", Encoding.UTF8.GetString(b.Bytes));
        Assert.Equal("2025-03-02T09:00Z", b.KnownMetadata!.Modified!.Value.ToIso());
    }

    [Fact]
    public void Rss1_RdfItemsWithDublinCoreDates()
    {
        const string rdf = """
            <?xml version="1.0"?>
            <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
              <channel rdf:about="https://valley.example.com/rss">
                <title>Valley Courier</title>
                <link>https://valley.example.com/</link>
                <description>News</description>
                <dc:language>en</dc:language>
              </channel>
              <item rdf:about="https://valley.example.com/mill-fire">
                <title>Fire at the old mill</title>
                <link>https://valley.example.com/mill-fire</link>
                <description>Crews contained a fire at the disused mill overnight.</description>
                <dc:date>2024-10-12T23:40:00-04:00</dc:date>
                <dc:creator>Lee Park</dc:creator>
              </item>
            </rdf:RDF>
            """;
        var outcome = Assert.Single(Read(rdf, "valley.rdf"));
        Assert.NotNull(outcome.Document);
        var item = Assert.Single(_html.Seen);
        Assert.Equal("https://valley.example.com/mill-fire", item.Url);
        Assert.Equal("Crews contained a fire at the disused mill overnight.", Encoding.UTF8.GetString(item.Bytes));
        Assert.Equal("2024-10-12T23:40-04:00", item.KnownMetadata!.Published!.Value.ToIso());
        Assert.Equal("Lee Park", item.KnownMetadata.Author);
        Assert.Equal("en", item.KnownMetadata.DeclaredLanguage);
        Assert.Equal("Valley Courier", item.KnownMetadata.Site);
    }

    [Fact]
    public void Windows1252Feed_IsDecodedFromItsXmlDeclaration()
    {
        var xml = "<?xml version=\"1.0\" encoding=\"windows-1252\"?><rss version=\"2.0\"><channel><title>T</title><link>https://x.example/</link>" +
                  "<item><title>\u201CCaf\u00E9\u201D reopens</title><link>https://x.example/cafe</link><description>Caf\u00E9 news</description></item></channel></rss>";
        TextEncodings.EnsureRegistered();
        Read(TextEncodings.Get("windows-1252").GetBytes(xml));
        var item = Assert.Single(_html.Seen);
        Assert.Equal("\u201CCaf\u00E9\u201D reopens", item.KnownMetadata!.Title);
        Assert.Equal("Caf\u00E9 news", Encoding.UTF8.GetString(item.Bytes));
    }

    [Fact]
    public void HtmlEntitiesInXml_AreTolerated_AndGuidPermalinkIsTheUrl()
    {
        const string rss = "<rss version=\"2.0\"><channel><title>Quay&nbsp;News</title><link>https://quay.example/</link>" +
                           "<item><title>Caf&eacute; reopens&hellip;</title><guid>https://quay.example/cafe</guid><description>Open &amp; busy</description></item></channel></rss>";
        var outcome = Assert.Single(Read(rss));
        Assert.NotNull(outcome.Document);
        var item = Assert.Single(_html.Seen);
        Assert.Equal("Caf\u00E9 reopens\u2026", item.KnownMetadata!.Title);
        Assert.Equal("https://quay.example/cafe", item.Url);
        Assert.Equal("Quay\u00A0News", item.KnownMetadata.Site);
    }

    [Fact]
    public void AtomXhtmlContent_KeepsItsMarkup()
    {
        const string atom = "<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>t</title><entry><title>e</title><link href=\"https://x.example/e\"/>" +
                            "<content type=\"xhtml\"><div xmlns=\"http://www.w3.org/1999/xhtml\"><p>Hello <b>there</b></p></div></content></entry></feed>";
        Read(atom);
        var html = Encoding.UTF8.GetString(Assert.Single(_html.Seen).Bytes);
        Assert.Contains("<p>Hello <b>there</b></p>", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("<rss version=\"2.0\"><channel><title>cut off")]
    [InlineData("<html><body>not a feed</body></html>")]
    [InlineData("{\"version\":\"https://jsonfeed.org/version/1.1\",\"items\":[]}")]
    public void MalformedFeed_IsParseFailed(string content)
    {
        var outcome = Assert.Single(Read(content, "bad.xml"));
        Assert.Equal(ErrorCodes.ParseFailed, outcome.Error!.Code);
        Assert.Contains("bad.xml", outcome.Error.Message, StringComparison.Ordinal);
        Assert.Empty(_html.Seen);
    }

    [Fact]
    public void EmptyFeedFile_IsEmptyInput()
    {
        Assert.Equal(ErrorCodes.EmptyInput, Assert.Single(Read("  \n")).Error!.Code);
    }
}
