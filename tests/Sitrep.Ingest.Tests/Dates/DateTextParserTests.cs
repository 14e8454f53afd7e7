using Sitrep.Ingest.Dates;

namespace Sitrep.Ingest.Tests.Dates;

public sealed class DateTextParserTests
{
    // Input -> expected DocumentDate.ToIso() (date-only stays date-only; offsets only when the text has a zone).
    public static TheoryData<string, string> Cases => new()
    {
        { "30 Aug 2023, 11:10 PM IST", "2023-08-30T23:10+05:30" },
        { "August 30, 2023", "2023-08-30" },
        { "Aug. 30, 2023 10:05 a.m. ET", "2023-08-30T10:05-04:00" },   // ET in summer = EDT
        { "Jan. 15, 2023 10:05 a.m. ET", "2023-01-15T10:05-05:00" },   // ET in winter = EST
        { "Nov 5, 2023 1:30 PM PT", "2023-11-05T13:30-08:00" },        // after the 2 a.m. changeover
        { "2023-08-30", "2023-08-30" },
        { "2023-08-30T14:03:00+02:00", "2023-08-30T14:03+02:00" },
        { "2023-08-30T14:03:27.123Z", "2023-08-30T14:03:27Z" },
        { "2023-08-30T14:03:00+02", "2023-08-30T14:03+02:00" },
        { "2023-08-30T14:03+02:00", "2023-08-30T14:03+02:00" },
        { "2023-08-30 14:03:00 +0200", "2023-08-30T14:03+02:00" },
        { "2023-08-30 14:03:27", "2023-08-30T14:03:27" },
        { "2023/08/30", "2023-08-30" },
        { "30.08.2023", "2023-08-30" },
        { "30.08.23", "2023-08-30" },
        { "5.3.2019", "2019-03-05" },
        { "30/08/2023", "2023-08-30" },
        { "08/30/2023", "2023-08-30" },
        { "03/04/2023", "2023-04-03" },                                // ambiguous: day first by default
        { "Wednesday, 30 August 2023", "2023-08-30" },
        { "Wednesday, August 30, 2023", "2023-08-30" },
        { "30. August 2023", "2023-08-30" },
        { "Mittwoch, 30. August 2023", "2023-08-30" },
        { "5. März 2019", "2019-03-05" },
        { "5. Maerz 2019, 14:03 Uhr", "2019-03-05T14:03" },
        { "30 août 2023", "2023-08-30" },
        { "1er août 2023 à 14h03", "2023-08-01T14:03" },
        { "mercredi 30 août 2023", "2023-08-30" },
        { "30 de agosto de 2023", "2023-08-30" },
        { "miércoles, 30 de agosto de 2023", "2023-08-30" },
        { "30 agosto 2023", "2023-08-30" },
        { "30 settembre 2023", "2023-09-30" },
        { "30 augustus 2023", "2023-08-30" },
        { "3 mrt 2023", "2023-03-03" },
        { "30 de março de 2023", "2023-03-30" },
        { "30 dez 2023", "2023-12-30" },
        { "Wed, 30 Aug 2023 17:40:00 GMT", "2023-08-30T17:40Z" },
        { "Wed, 30 Aug 2023 17:40:00 +0530", "2023-08-30T17:40+05:30" },
        { "Wed, 30 Aug 2023 17:40:00 -0400", "2023-08-30T17:40-04:00" },
        { "Wed Aug 30 2023 17:40:00 GMT+0200 (Central European Summer Time)", "2023-08-30T17:40+02:00" },
        { "30 Aug 2023 17:40 CEST", "2023-08-30T17:40+02:00" },
        { "30 Aug 2023 17:40 KST", "2023-08-30T17:40+09:00" },
        { "30 Aug 2023 17:40 MSK", "2023-08-30T17:40+03:00" },
        { "30 Aug 2023 17:40 AEST", "2023-08-30T17:40+10:00" },
        { "30 Aug 2023 17:40 EDT", "2023-08-30T17:40-04:00" },
        { "30 Aug 2023 17:40 UTC+5:30", "2023-08-30T17:40+05:30" },
        { "August 30th, 2023", "2023-08-30" },
        { "the 30th of August, 2023", "" },                             // leading words: TryParse is strict
        { "30th of August 2023", "2023-08-30" },
        { "30-Aug-2023", "2023-08-30" },
        { "12:00 am", "" },
        { "August 30, 2023 12:15 am", "2023-08-30T00:15" },
        { "August 30, 2023 12:15 pm", "2023-08-30T12:15" },
        { "1693417200", "2023-08-30T17:40Z" },                         // Unix seconds
        { "1693417200000", "2023-08-30T17:40Z" },                      // Unix milliseconds
        { "20230830", "2023-08-30" },
        { "2023-02-29", "" },                                           // impossible dates are rejected
        { "31.04.2023", "" },
        { "30/13/2023", "" },
        { "2023-13-01", "" },
        { "29 Feb 2024", "2024-02-29" },
        { "32 Aug 2023", "" },
        { "Aug 2023", "" },
        { "", "" },
        { "hello", "" },
        { "123", "" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void TryParse_table(string input, string expected)
    {
        bool ok = DateTextParser.TryParse(input, out var value);
        if (expected.Length == 0)
        {
            Assert.False(ok, $"'{input}' parsed as {value}");
            return;
        }
        Assert.True(ok, $"'{input}' did not parse");
        Assert.Equal(expected, value.ToIso());
    }

    [Fact]
    public void Date_only_has_no_time_or_offset()
    {
        Assert.True(DateTextParser.TryParse("30 August 2023", out var d));
        Assert.Null(d.Time);
        Assert.Null(d.Offset);
    }

    [Fact]
    public void Time_without_zone_has_no_offset()
    {
        Assert.True(DateTextParser.TryParse("30.08.2023 14:03", out var d));
        Assert.Equal(new TimeOnly(14, 3), d.Time);
        Assert.Null(d.Offset);
    }

    [Fact]
    public void Month_first_order_applies_only_to_ambiguous_dates()
    {
        Assert.True(DateTextParser.TryParse("03/04/2023", NumericDateOrder.MonthFirst, out var us));
        Assert.Equal("2023-03-04", us.ToIso());
        Assert.True(DateTextParser.TryParse("30/08/2023", NumericDateOrder.MonthFirst, out var eu));
        Assert.Equal("2023-08-30", eu.ToIso());
        Assert.True(DateTextParser.TryParse("03.04.2023", NumericDateOrder.MonthFirst, out var dotted));
        Assert.Equal("2023-04-03", dotted.ToIso());
    }

    [Theory]
    [InlineData("Veröffentlicht am 30.08.2023 um 14:03 Uhr", "2023-08-30T14:03", "30.08.2023 um 14:03 Uhr")]
    [InlineData("Posted on August 30, 2023 by admin", "2023-08-30", "August 30, 2023")]
    [InlineData("Artikel vom 5. März 2019 | Politik", "2019-03-05", "5. März 2019")]
    [InlineData("Updated: Wed, 30 Aug 2023 17:40:00 GMT.", "2023-08-30T17:40Z", "Wed, 30 Aug 2023 17:40:00 GMT")]
    [InlineData("version 1.2.34 released 2.3.2020", "2020-03-02", "2.3.2020")]
    [InlineData("Termin: 30.08.2023, 10:00-12:00 Uhr", "2023-08-30T10:00", "30.08.2023, 10:00")]
    [InlineData("14:03 Uhr CDU 30.08.2023 14:03 Uhr CDU", "2023-08-30T14:03", "30.08.2023 14:03 Uhr")]
    public void TryFind_locates_the_date(string text, string expected, string matched)
    {
        Assert.True(DateTextParser.TryFind(text, out var value, out var span));
        Assert.Equal(expected, value.ToIso());
        Assert.Equal(matched, text[span.Start..span.End]);
    }

    [Fact]
    public void TryFind_skips_invalid_candidates()
    {
        Assert.True(DateTextParser.TryFind("31.02.2023 then 01.03.2023", out var value, out _));
        Assert.Equal("2023-03-01", value.ToIso());
        Assert.False(DateTextParser.TryFind("no date here, only 12:30 and 2023", out _, out _));
    }
}
