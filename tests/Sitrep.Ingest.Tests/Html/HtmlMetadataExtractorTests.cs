using Sitrep.Ingest.Html;

namespace Sitrep.Ingest.Tests.Html;

public sealed class HtmlMetadataExtractorTests
{
    private static HtmlMetadata Extract(string html, string? url = "https://news.example.com/story") =>
        new HtmlMetadataExtractor().Extract(html, url);

    [Fact]
    public void Json_ld_in_a_graph_gives_published_and_modified_with_the_page_offset()
    {
        var md = Extract("""
            <html lang="en-US"><head>
            <script type="application/ld+json">
            {"@context":"https://schema.org","@graph":[
              {"@type":"WebSite","name":"Example News","datePublished":"2001-01-01"},
              {"@type":["NewsArticle"],"headline":"Big story","datePublished":"2023-08-30T23:10:00+05:30",
               "dateModified":"2023-08-31T08:00:00+05:30","author":[{"@type":"Person","name":"Ann Lee"},{"name":"Bo Chen"}],
               "publisher":{"@type":"Organization","name":"Example News"}}]}
            </script></head><body><p>text</p></body></html>
            """);
        Assert.Equal("2023-08-30T23:10+05:30", md.Published?.ToIso());
        Assert.Equal("json-ld", md.PublishedSource?.Method);
        Assert.Equal("2023-08-31T08:00+05:30", md.Modified?.ToIso());
        Assert.Equal("Big story", md.Title);
        Assert.Equal("Ann Lee, Bo Chen", md.Author);
        Assert.Equal("Example News", md.Site);
        Assert.Equal("en-US", md.DeclaredLanguage);
    }

    [Fact]
    public void Json_ld_in_an_untyped_script_with_a_raw_line_break_is_read()
    {
        var md = Extract("<html><head><script>{\"@context\":\"http://schema.org\",\"@type\":\"BlogPosting\",\"headline\":\"Line\nbreak\",\"datePublished\":\"2019-03-05\"}</script></head><body></body></html>");
        Assert.Equal("2019-03-05", md.Published?.ToIso());
    }

    [Fact]
    public void Opengraph_meta_published_time_and_modified_time()
    {
        var md = Extract("""
            <html><head>
            <meta property="og:title" content="Headline here">
            <meta property="og:site_name" content="Daily">
            <meta property="article:published_time" content="2021-11-02T10:00:00+01:00">
            <meta property="article:modified_time" content="2021-11-03T09:00:00+01:00">
            <meta property="og:locale" content="de_DE">
            <meta name="author" content="Von Max Muster">
            <link rel="canonical" href="/artikel/1">
            </head><body></body></html>
            """, "https://www.daily.example/artikel/1?utm=x");
        Assert.Equal("2021-11-02T10:00+01:00", md.Published?.ToIso());
        Assert.Equal("meta:article:published_time", md.PublishedSource?.Method);
        Assert.Equal("2021-11-03T09:00+01:00", md.Modified?.ToIso());
        Assert.Equal("meta:article:modified_time", md.ModifiedSource?.Method);
        Assert.Equal("Headline here", md.Title);
        Assert.Equal("Daily", md.Site);
        Assert.Equal("de-DE", md.DeclaredLanguage);
        Assert.Equal("Max Muster", md.Author);
        Assert.Equal("https://www.daily.example/artikel/1", md.CanonicalUrl);
    }

    [Theory]
    [InlineData("<meta name=\"dc.date.issued\" content=\"2020-05-19\">", "2020-05-19")]
    [InlineData("<meta name=\"sailthru.date\" content=\"2020-05-19 14:03:00\">", "2020-05-19T14:03")]
    [InlineData("<meta name=\"parsely-pub-date\" content=\"2020-05-19T14:03:00Z\">", "2020-05-19T14:03Z")]
    [InlineData("<meta name=\"citation_publication_date\" content=\"2020/05/19\">", "2020-05-19")]
    [InlineData("<meta itemprop=\"datePublished\" content=\"2020-05-19\">", "2020-05-19")]
    [InlineData("<meta name=\"pubdate\" content=\"20200519\">", "2020-05-19")]
    public void Meta_date_names(string meta, string expected)
    {
        var md = Extract($"<html><head>{meta}</head><body><p>Nothing dated here.</p></body></html>");
        Assert.Equal(expected, md.Published?.ToIso());
    }

    [Fact]
    public void Time_element_in_the_article_beats_comment_dates()
    {
        var md = Extract("""
            <html><body><article><h1>T</h1><time datetime="2022-01-14T08:00:00+01:00">14. Januar 2022</time><p>Body</p></article>
            <div id="comments"><time datetime="2022-01-10">10.01.2022</time></div></body></html>
            """);
        Assert.Equal("2022-01-14T08:00+01:00", md.Published?.ToIso());
        Assert.Equal("time-element", md.PublishedSource?.Method);
    }

    [Fact]
    public void Abbr_published_title_is_read()
    {
        var md = Extract("<html><body><div class='post-footer'><abbr class='published' title='2016-12-23T05:11:00-05:00'>5:11 AM</abbr></div></body></html>");
        Assert.Equal("2016-12-23T05:11-05:00", md.Published?.ToIso());
    }

    [Fact]
    public void Itemprop_element_text_is_read()
    {
        var md = Extract("<html><body><div class='post-header'><span itemprop='datePublished'> May 19, 2020 </span></div></body></html>");
        Assert.Equal("2020-05-19", md.Published?.ToIso());
        Assert.Equal("itemprop", md.PublishedSource?.Method);
    }

    [Theory]
    [InlineData("https://x.example/2016/12/23/python-released/", "2016-12-23")]
    [InlineData("https://x.example/news/2016-12-23-python", "2016-12-23")]
    [InlineData("https://x.example/a/20161223/python.html", "2016-12-23")]
    public void Url_dates(string url, string expected)
    {
        var md = Extract("<html><body><p>No date.</p></body></html>", url);
        Assert.Equal(expected, md.Published?.ToIso());
        Assert.Equal("url", md.PublishedSource?.Method);
    }

    [Fact]
    public void German_text_cue_gives_the_publication_date_and_updated_is_the_modified_date()
    {
        var md = Extract("""
            <html lang="de"><body><h1>Titel</h1>
            <p>Aktualisiert am 12.03.2019, 10:00 Uhr</p>
            <p>Veröffentlicht am 5. März 2019</p>
            <p>Am 1. Januar 2019 geschah etwas.</p></body></html>
            """);
        Assert.Equal("2019-03-05", md.Published?.ToIso());
        Assert.Equal("text", md.PublishedSource?.Method);
        Assert.Equal("2019-03-12T10:00", md.Modified?.ToIso());
    }

    [Fact]
    public void Updated_class_is_never_the_publication_date()
    {
        var md = Extract("<html><body><span class='updated'>March 3, 2020</span><span class='entry-date'>March 1, 2020</span></body></html>");
        Assert.Equal("2020-03-01", md.Published?.ToIso());
        Assert.Equal("2020-03-03", md.Modified?.ToIso());
    }

    [Fact]
    public void Implausible_dates_are_rejected()
    {
        var md = Extract("<html><head><meta property='article:published_time' content='1970-01-01T00:00:00Z'></head><body><p>Posted on June 5, 2021</p></body></html>");
        Assert.Equal("2021-06-05", md.Published?.ToIso());
        var capped = new HtmlMetadataExtractor(latestPlausible: new DateOnly(2021, 1, 1))
            .Extract("<html><body><p>Posted on June 5, 2021</p></body></html>", null);
        Assert.Null(capped.Published);
    }

    [Fact]
    public void A_utc_date_takes_the_local_offset_the_page_shows()
    {
        var md = Extract("""
            <html><head><meta property="article:published_time" content="2023-11-09T01:49:09Z"></head>
            <body><article><time datetime="2023-11-08T17:49:09">November 8, 2023 at 5:49 p.m.</time></article></body></html>
            """);
        Assert.Equal("2023-11-08T17:49:09-08:00", md.Published?.ToIso());
    }

    [Fact]
    public void Us_english_pages_read_slashed_dates_month_first()
    {
        var md = Extract("<html lang='en-US'><body><p class='date'>03/04/2023</p></body></html>");
        Assert.Equal("2023-03-04", md.Published?.ToIso());
        var eu = Extract("<html lang='fr'><body><p class='date'>03/04/2023</p></body></html>");
        Assert.Equal("2023-04-03", eu.Published?.ToIso());
    }

    [Fact]
    public void Date_only_text_stays_date_only()
    {
        var md = Extract("<html><body><p class='date'>30 août 2023</p></body></html>");
        Assert.Equal("2023-08-30", md.Published?.ToIso());
        Assert.Null(md.Published?.Time);
        Assert.Null(md.Published?.Offset);
    }

    [Theory]
    [InlineData("Big story | Example News", "Example News", "Big story")]
    [InlineData("Example News - Big story about things", "Example News", "Big story about things")]
    [InlineData("A very long headline about many things - Site", null, "A very long headline about many things")]
    [InlineData("Short - title", null, "Short - title")]
    public void Title_site_suffix_is_removed(string title, string? site, string expected) =>
        Assert.Equal(expected, HtmlMetadataExtractor.StripSiteSuffix(title, site));

    [Fact]
    public void Title_falls_back_to_title_element_then_h1_and_site_to_host()
    {
        var md = Extract("<html><head><title>Hello world, a headline | news.example.com</title></head><body><h1>H</h1></body></html>",
            "https://www.news.example.com/x");
        Assert.Equal("Hello world, a headline", md.Title);
        Assert.Equal("news.example.com", md.Site);
        var h1 = Extract("<html><body><h1> Only  heading </h1></body></html>", null);
        Assert.Equal("Only heading", h1.Title);
        Assert.Null(h1.Site);
    }

    [Fact]
    public void Rel_author_and_content_language()
    {
        var md = Extract("<html><head><meta http-equiv='content-language' content='nl'></head><body><a rel='author' href='/u/1'>By Jan de Vries</a></body></html>");
        Assert.Equal("Jan de Vries", md.Author);
        Assert.Equal("nl", md.DeclaredLanguage);
    }

    [Fact]
    public void Empty_page_yields_nothing()
    {
        var md = Extract("", null);
        Assert.Null(md.Published);
        Assert.Null(md.Modified);
        Assert.Null(md.Title);
        Assert.Null(md.CanonicalUrl);
    }
}
