using System.Text;
using Sitrep.Core;
using Sitrep.Ingest.Readers;

namespace Sitrep.Ingest.Tests.Readers;

public sealed class PlainTextReaderTests
{
    private static Document Read(byte[] bytes, string origin = "t.txt")
    {
        var outcome = Assert.Single(new PlainTextReader().Read(new InputSource { Origin = origin, Bytes = bytes, FileName = origin }, new ReaderOptions()));
        Assert.Null(outcome.Error);
        return outcome.Document!;
    }

    [Fact]
    public void SeedArticleGetsItsDatesAndACleanBody()
    {
        var doc = Read(File.ReadAllBytes(RepoPaths.Shared("samples", "seed-article.txt")), "seed-article.txt");
        Assert.Equal("2023-08-30", doc.Metadata.Published?.ToIso());
        Assert.Equal("2023-08-30T23:10+05:30", doc.Metadata.Modified?.ToIso());
        var body = doc.Text.Text;
        Assert.DoesNotContain("comScore", body, StringComparison.Ordinal);
        Assert.DoesNotContain("Updated:", body, StringComparison.Ordinal);
        Assert.StartsWith("The White House said it has new intelligence inputs", body, StringComparison.Ordinal);
        Assert.EndsWith("to protect its security interests.", body, StringComparison.Ordinal);
        Assert.Contains("AP reported on Wednesday.\n\nJohn Kirby", body, StringComparison.Ordinal);
        // The raw text keeps everything.
        Assert.Contains("comScore", doc.Raw.Text, StringComparison.Ordinal);
        Assert.Contains("Updated: 30 Aug 2023", doc.Raw.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void EverySeedBodyCharacterMapsBackToTheRawText()
    {
        var doc = Read(File.ReadAllBytes(RepoPaths.Shared("samples", "seed-article.txt")), "seed-article.txt");
        var body = doc.Text.Text;
        var raw = doc.Raw.Text;
        for (int i = 0; i < body.Length; i++)
        {
            var span = doc.Map.MapChar(i);
            Assert.True(span.End <= raw.Length);
            if (char.IsWhiteSpace(body[i]))
                Assert.True(raw.AsSpan(span.Start, span.Length).IsWhiteSpace(), $"space at {i} maps to non-space raw {span}");
            else
                Assert.Equal(body[i], raw[span.Start]);
        }
        // ... and to the raw bytes: the first sentence's bytes decode to the same text.
        var first = new TextSpan(0, body.IndexOf(',', StringComparison.Ordinal));
        var bytes = doc.Raw.ToByteSpan(doc.Map.MapToRaw(first));
        Assert.Equal(body[first.Start..first.End], Encoding.UTF8.GetString(doc.Raw.Bytes[bytes.Start..bytes.End]));
    }

    [Fact]
    public void JunkLinesAreDroppedButRealSentencesKept()
    {
        var text = "Title: Ceasefire talks resume in Doha\n\nMediators met on Monday, officials said.\nAlso Read: Five things to know about the talks\n\nShare this article\n\nPhoto: AFP/Getty Images\n\nThe newsletter of the opposition party called the talks a sham, according to its editor.\n";
        var doc = Read(Encoding.UTF8.GetBytes(text));
        Assert.Equal("Ceasefire talks resume in Doha", doc.Metadata.Title);
        Assert.Equal("Mediators met on Monday, officials said.\n\nThe newsletter of the opposition party called the talks a sham, according to its editor.", doc.Text.Text);
    }

    [Theory]
    [InlineData("June 10, 2023\n\nTroops crossed the border on Friday, officials said.\n", "2023-06-10", null)]
    [InlineData("Saturday 10 June 2023 14:05 BST\nTroops crossed the border on Friday, officials said.\n", "2023-06-10T14:05+01:00", null)]
    [InlineData("Border clashes resume\n2023-06-10\n\nTroops crossed the border on Friday, officials said.\n", "2023-06-10", "Border clashes resume")]
    [InlineData("Title: Border clashes resume\n10.06.2023\n\nTroops crossed the border on Friday, officials said.\n", "2023-06-10", "Border clashes resume")]
    // A section label above the date line is left out of the body, and is no headline.
    [InlineData("Markets\nJune 10, 2023\n\nTroops crossed the border on Friday, officials said.\n", "2023-06-10", null)]
    public void ALineThatIsOnlyADateIsThePublicationDateNotAHeadline(string text, string published, string? title)
    {
        var doc = Read(Encoding.UTF8.GetBytes(text));
        Assert.Equal(published, doc.Metadata.Published?.ToIso());
        Assert.Equal(new MetadataSource("text-header", "date"), doc.Metadata.PublishedSource);
        Assert.Equal("Troops crossed the border on Friday, officials said.", doc.Text.Text);
        if (title is not null) Assert.Equal(title, doc.Metadata.Title);
        else Assert.True(doc.Metadata.Title is null || doc.Metadata.Title != published && !doc.Metadata.Title.StartsWith("Markets", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("20230610\n\nTroops crossed the border on Friday, officials said.\n")]
    [InlineData("1686355200\n\nTroops crossed the border on Friday, officials said.\n")]
    [InlineData("On June 10, 2023 troops crossed the border, officials said.\n")]
    public void DigitsAloneOrADateInsideASentenceAreNoPublicationDate(string text)
    {
        var doc = Read(Encoding.UTF8.GetBytes(text));
        Assert.Null(doc.Metadata.Published);
        Assert.Contains("crossed the border", doc.Text.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_pasted_data_blob_is_left_out_of_the_body_and_kept_in_the_raw_text()
    {
        var blob = Convert.ToBase64String(Enumerable.Range(0, 3000).Select(i => (byte)(i * 37 % 251)).ToArray());
        var hex = string.Concat(Enumerable.Range(0, 40).Select(i => (i * 7919 % 65521).ToString("x4", System.Globalization.CultureInfo.InvariantCulture)));
        var text = "Troops crossed the border on Friday, officials said.\n\n" + blob + "\n\ntoken: " + hex + "\n\nTalks resume next week.\n";
        var doc = Read(Encoding.UTF8.GetBytes(text));
        Assert.Equal("Troops crossed the border on Friday, officials said.\n\nTalks resume next week.", doc.Text.Text);
        Assert.Contains(blob, doc.Raw.Text, StringComparison.Ordinal);
    }

    [Theory]
    // a link alone, a long hyphenated name and a sentence quoting a short code are body text
    [InlineData("https://www.example.org/2023/08/30/world/asia/north-korea-russia-arms-talks-kim-putin-shoigu-visit.html")]
    [InlineData("The committee on the Democratic-Republican-Federalist-Whig-Libertarian-Green-Independent-Reform alliance met.")]
    [InlineData("The hash of the leaked file, 9f86d081884c7d65, matched the one the agency published.")]
    public void Long_words_in_running_text_are_no_blob(string line)
    {
        var doc = Read(Encoding.UTF8.GetBytes("Troops crossed the border on Friday, officials said.\n\n" + line + "\n"));
        Assert.Contains(line, doc.Text.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void HardWrappedLinesJoinIntoOneParagraph()
    {
        var doc = Read(Encoding.UTF8.GetBytes("By the time the talks ended,\r\nno agreement had been\r\nreached.\r\n"));
        Assert.Equal("By the time the talks ended, no agreement had been reached.", doc.Text.Text);
        Assert.Null(doc.Metadata.Author);
    }

    [Fact]
    public void ABodyOfOnlyJunkIsAnError()
    {
        var outcome = Assert.Single(new PlainTextReader().Read(new InputSource { Origin = "j.txt", Bytes = Encoding.UTF8.GetBytes("comScore\nShare this article\n") }, new ReaderOptions()));
        Assert.Equal(ErrorCodes.NoBody, outcome.Error?.Code);
    }
}
