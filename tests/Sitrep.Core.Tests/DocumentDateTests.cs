using Sitrep.Core;

namespace Sitrep.Core.Tests;

public sealed class DocumentDateTests
{
    [Theory]
    [InlineData("2023-08-30", "2023-08-30")]
    [InlineData("2023-08-30T23:10+05:30", "2023-08-30T23:10+05:30")]
    [InlineData("2023-08-30T23:10:05-04:00", "2023-08-30T23:10:05-04:00")]
    [InlineData("2023-08-30T17:40:00Z", "2023-08-30T17:40Z")]
    [InlineData("2023-08-30T17:40:00", "2023-08-30T17:40")]
    public void RoundTripsIsoForms(string input, string expected)
    {
        Assert.True(DocumentDate.TryParseIso(input, out var d));
        Assert.Equal(expected, d.ToIso());
    }

    [Fact]
    public void KeepsTheLocalDayAndOffset()
    {
        // 23:10 in India is 17:40 UTC the same day; 01:30 in Seoul is the previous day in UTC: the local day is kept.
        Assert.True(DocumentDate.TryParseIso("2023-08-31T01:30+09:00", out var d));
        Assert.Equal(new DateOnly(2023, 8, 31), d.Date);
        Assert.Equal(TimeSpan.FromHours(9), d.Offset);
    }

    [Theory]
    [InlineData("")]
    [InlineData("yesterday")]
    [InlineData("2023-02-30")]
    public void RejectsNonDates(string input) => Assert.False(DocumentDate.TryParseIso(input, out _));
}
