using System.Text;
using Sitrep.Core;
using Sitrep.Ingest.Readers;
using Sitrep.Ingest.Tests.Input;

namespace Sitrep.Ingest.Tests.Readers;

public sealed class JsonLinesReaderTests
{
    private readonly RecordingReader _text = new("text");
    private readonly RecordingReader _html = new("html");

    private List<ReadOutcome> Read(string content, ReaderOptions? options = null, bool preferHtml = false) =>
        new JsonLinesReader(_text, _html, preferHtml)
            .Read(new InputSource { Origin = "dump.jsonl", Bytes = Encoding.UTF8.GetBytes(content) }, options ?? new ReaderOptions())
            .ToList();

    [Fact]
    public void TextField_GoesToTextReader_WithMetadataAndLineOrigin()
    {
        var outcomes = Read("""
            {"url":"https://news.example.org/2024/05/ferry","title":"Ferry service resumes","text":"The island ferry sailed again on Monday.","published":"2024-05-06T08:15:00+02:00","author":["Ana Ruiz","Tom Berg"],"site":"Example News","language":"en"}
            """);
        var outcome = Assert.Single(outcomes);
        Assert.NotNull(outcome.Document);
        var seen = Assert.Single(_text.Seen);
        Assert.Empty(_html.Seen);
        Assert.Equal("dump.jsonl#L1", seen.Origin);
        Assert.Equal("The island ferry sailed again on Monday.", Encoding.UTF8.GetString(seen.Bytes));
        Assert.Equal("https://news.example.org/2024/05/ferry", seen.Url);
        Assert.Equal("ferry", seen.FileName);
        var m = seen.KnownMetadata!;
        Assert.Equal("Ferry service resumes", m.Title);
        Assert.Equal("Ana Ruiz, Tom Berg", m.Author);
        Assert.Equal("Example News", m.Site);
        Assert.Equal("en", m.DeclaredLanguage);
        Assert.Equal("2024-05-06T08:15+02:00", m.Published!.Value.ToIso());
        Assert.Equal(new MetadataSource("jsonl", "published"), m.PublishedSource);
        Assert.Equal(SourceFormat.Jsonl, m.SourceFormat);
        Assert.Equal("dump.jsonl#L1", m.Origin);
    }

    [Fact]
    public void HtmlField_GoesToHtmlReader()
    {
        Read("{\"link\":\"https://example.org/a\",\"html\":\"<html><body><p>Body</p></body></html>\"}\n");
        var seen = Assert.Single(_html.Seen);
        Assert.Empty(_text.Seen);
        Assert.Equal("text/html", seen.ContentType);
        Assert.Equal("utf-8", seen.DeclaredCharset);
        Assert.Equal("<html><body><p>Body</p></body></html>", Encoding.UTF8.GetString(seen.Bytes));
    }

    [Fact]
    public void BothFields_TextWinsUnlessPreferHtml()
    {
        const string line = "{\"text\":\"plain\",\"raw_html\":\"<p>rich</p>\"}";
        Read(line);
        Assert.Single(_text.Seen);
        Read(line, preferHtml: true);
        Assert.Single(_html.Seen);
    }

    [Fact]
    public void FirstPresentNonEmptyFieldWins()
    {
        Read("{\"title\":\"\",\"headline\":\"Second choice\",\"body\":\"b\",\"text\":null}");
        Assert.Equal("Second choice", _text.Seen[0].KnownMetadata!.Title);
        Assert.Equal("b", Encoding.UTF8.GetString(_text.Seen[0].Bytes));
    }

    [Fact]
    public void NestedFieldNames_WalkObjects()
    {
        var options = new ReaderOptions
        {
            JsonFields = new JsonLinesFields { Url = ["meta.url"], Text = ["article.body"], Published = ["meta.dates.published"] },
        };
        Read("{\"meta\":{\"url\":\"https://example.org/n\",\"dates\":{\"published\":1714982400}},\"article\":{\"body\":\"Nested body\"}}", options);
        var seen = Assert.Single(_text.Seen);
        Assert.Equal("https://example.org/n", seen.Url);
        Assert.Equal("Nested body", Encoding.UTF8.GetString(seen.Bytes));
        Assert.Equal("2024-05-06T08:00Z", seen.KnownMetadata!.Published!.Value.ToIso());
    }

    [Theory]
    [InlineData("1714982400", "2024-05-06T08:00Z")]
    [InlineData("1714982400000", "2024-05-06T08:00Z")]
    [InlineData("\"1714982400\"", "2024-05-06T08:00Z")]
    [InlineData("\"2024-05-06\"", "2024-05-06")]
    [InlineData("\"Mon, 06 May 2024 10:00:00 +0200\"", "2024-05-06T10:00+02:00")]
    public void Dates_AreParsed(string json, string iso)
    {
        Read($"{{\"text\":\"x\",\"date\":{json},\"updated_at\":{json}}}");
        var m = _text.Seen[0].KnownMetadata!;
        Assert.Equal(iso, m.Published!.Value.ToIso());
        Assert.Equal(iso, m.Modified!.Value.ToIso());
        Assert.Equal("date", m.PublishedSource!.Value.Detail);
    }

    [Fact]
    public void BadLines_GiveErrorsWithLineNumbers_AndTheRestGoOn()
    {
        var content = "{\"text\":\"one\"}\n\n   \n{\"text\": broken\n[1,2]\n{\"title\":\"no body\"}\r\n{\"text\":\"seven\"}";
        var outcomes = Read(content);
        Assert.Equal(5, outcomes.Count);
        Assert.Equal("dump.jsonl#L1", outcomes[0].Origin);
        Assert.Equal("dump.jsonl#L4", outcomes[1].Origin);
        Assert.Equal(ErrorCodes.ParseFailed, outcomes[1].Error!.Code);
        Assert.Contains("line 4", outcomes[1].Error!.Message, StringComparison.Ordinal);
        Assert.Equal(ErrorCodes.ParseFailed, outcomes[2].Error!.Code);
        Assert.Contains("line 5", outcomes[2].Error!.Message, StringComparison.Ordinal);
        Assert.Contains("no article text", outcomes[3].Error!.Message, StringComparison.Ordinal);
        Assert.Equal("dump.jsonl#L7", outcomes[4].Origin);
        Assert.NotNull(outcomes[4].Document);
        Assert.Equal(2, _text.Seen.Count);
    }

    [Fact]
    public void A_text_field_that_is_not_a_string_is_no_article()
    {
        // {"text": 5} had been stored as an article whose text was "5"; a numeric id still reads as a string
        var outcomes = Read("{\"text\": 5}\n{\"text\": [\"a\"]}\n{\"text\": \"Officials met on Monday.\", \"url\": 12345}");
        Assert.Equal(3, outcomes.Count);
        Assert.Contains("no article text", outcomes[0].Error!.Message, StringComparison.Ordinal);
        Assert.Contains("no article text", outcomes[1].Error!.Message, StringComparison.Ordinal);
        Assert.NotNull(outcomes[2].Document);
        Assert.Equal("12345", outcomes[2].Document!.Metadata.Url);
    }

    [Fact]
    public void InnerReaderFailure_IsAnErrorForThatLineOnly()
    {
        var failing = new RecordingReader("text")
        {
            Fail = s => Encoding.UTF8.GetString(s.Bytes) == "boom" ? new SitrepException(ErrorCodes.NoBody, "nothing here") : null,
        };
        var outcomes = new JsonLinesReader(failing, _html)
            .Read(new InputSource { Origin = "d.jsonl", Bytes = "{\"text\":\"boom\"}\n{\"text\":\"fine\"}\n"u8.ToArray() }, new ReaderOptions())
            .ToList();
        Assert.Equal(2, outcomes.Count);
        Assert.Equal(ErrorCodes.NoBody, outcomes[0].Error!.Code);
        Assert.Equal("d.jsonl#L1", outcomes[0].Origin);
        Assert.NotNull(outcomes[1].Document);
    }

    [Fact]
    public void EmptyFile_IsOneEmptyInputError()
    {
        var outcome = Assert.Single(Read(""));
        Assert.Equal(ErrorCodes.EmptyInput, outcome.Error!.Code);
    }

    [Fact]
    public void OversizedLine_IsTooLarge()
    {
        var outcomes = Read("{\"text\":\"" + new string('x', 300) + "\"}\n{\"text\":\"ok\"}", new ReaderOptions { MaxBytes = 200 });
        Assert.Equal(ErrorCodes.TooLarge, outcomes[0].Error!.Code);
        Assert.NotNull(outcomes[1].Document);
    }
}
