using Sitrep.Core;
using Sitrep.Ingest.Input;

namespace Sitrep.Ingest.Tests.Input;

public sealed class ContainerDatesTests
{
    [Theory]
    [InlineData("Tue, 03 Jun 2025 09:39:21 +0200", "2025-06-03T09:39:21+02:00")]
    [InlineData("Tue, 3 Jun 2025 09:39 GMT", "2025-06-03T09:39Z")]
    [InlineData("03 Jun 2025 09:39:21 EST", "2025-06-03T09:39:21-05:00")]
    [InlineData("2024-11-05T18:30:00-05:00", "2024-11-05T18:30-05:00")]
    [InlineData("2024-11-05", "2024-11-05")]
    [InlineData("1717406361", "2024-06-03T09:19:21Z")]
    [InlineData("1717406361000", "2024-06-03T09:19:21Z")]
    public void Parses(string text, string iso)
    {
        Assert.True(ContainerDates.TryParse(text, out var d));
        Assert.Equal(iso, d.ToIso());
    }

    [Theory]
    [InlineData("")]
    [InlineData("soon")]
    [InlineData("Tue, 31 Feb 2025 10:00:00 GMT")]
    public void Rejects(string text) => Assert.False(ContainerDates.TryParse(text, out _));

    [Fact]
    public void ParseInstant_AssumesUtc()
    {
        Assert.Equal(new DateTimeOffset(2024, 5, 1, 10, 0, 0, TimeSpan.Zero), ContainerDates.ParseInstant("2024-05-01T10:00:00Z"));
        Assert.Equal(new DateTimeOffset(2024, 5, 1, 10, 0, 0, TimeSpan.Zero), ContainerDates.ParseInstant("2024-05-01T10:00:00"));
        Assert.Null(ContainerDates.ParseInstant("garbage"));
    }
}
