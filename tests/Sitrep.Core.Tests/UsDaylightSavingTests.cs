namespace Sitrep.Core.Tests;

public sealed class UsDaylightSavingTests
{
    [Theory]
    // Since 2007: second Sunday of March to first Sunday of November, changing at 2:00 local time.
    [InlineData(2023, 3, 12, 1, false)]
    [InlineData(2023, 3, 12, 3, true)]
    [InlineData(2023, 11, 5, 1, true)]
    [InlineData(2023, 11, 5, 3, false)]
    // 1987–2006: first Sunday of April to last Sunday of October.
    [InlineData(2005, 4, 3, 12, true)]
    [InlineData(2005, 3, 20, 12, false)]
    [InlineData(2005, 10, 31, 12, false)]
    // Before 1987: from the last Sunday of April (27 April 1986).
    [InlineData(1986, 4, 20, 12, false)]
    [InlineData(1986, 4, 28, 12, true)]
    public void Daylight_time_follows_the_rule_of_its_year(int y, int m, int d, int hour, bool expected) =>
        Assert.Equal(expected, UsDaylightSaving.InEffect(new DateOnly(y, m, d), new TimeOnly(hour, 0)));
}
