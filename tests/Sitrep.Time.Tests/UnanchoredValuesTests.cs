using Sitrep.Core;

namespace Sitrep.Time.Tests;

public sealed class UnanchoredValuesTests
{
    [Theory]
    [InlineData("2009", "2024", "XXXX")]
    [InlineData("2009-03", "2024-03", "XXXX-03")]
    [InlineData("2009-02", "2024-08", "XXXX-XX")]
    [InlineData("2009-W07", "2024-W35", "XXXX-WXX")]
    [InlineData("2009-W06-WE", "2024-W34-WE", "XXXX-WXX-WE")]
    [InlineData("2009-Q1", "2024-Q3", "XXXX-QX")]
    [InlineData("2009-Q3", "2024-Q3", "XXXX-Q3")]
    [InlineData("2008-SU", "2024-SU", "XXXX-SU")]
    [InlineData("200", "202", "XXX")]
    [InlineData("2009-02-13", "2024-08-30", "XXXX-WXX-5")]
    [InlineData("2009-02-13TNI", "2024-08-30TNI", "XXXX-WXX-5TNI")]
    [InlineData("2009-02-10", "2024-08-29", "XXXX-XX-XX")]
    [InlineData("2009-02-10T15:00", "2024-08-29T15:00", "XXXX-XX-XXT15:00")]
    [InlineData("2009-10-12", "2024-10-12", "XXXX-10-12")]
    [InlineData("2008-02-29", "2024-02-29", "XXXX-02-29")]
    [InlineData("1944-10", "1944-10", "1944-10")]
    [InlineData("P3Y", "P3Y", "P3Y")]
    [InlineData("PAST_REF", "PAST_REF", "PAST_REF")]
    [InlineData("2009-W07", "2024-08", "XXXX-WXX")]
    [InlineData("2009-Q1", "2024-SU", "XXXX-QX")]
    public void Keeps_what_both_probes_agree_on(string early, string late, string expected) =>
        Assert.Equal(expected, UnanchoredValues.Agree(early, late));

    [Fact]
    public void Probes_differ_in_every_field_a_dct_can_supply()
    {
        var (a, b) = (UnanchoredValues.EarlyProbe, UnanchoredValues.LateProbe);
        Assert.NotEqual(a.Year / 10, b.Year / 10);
        Assert.NotEqual((a.Month - 1) / 3, (b.Month - 1) / 3);
        Assert.NotEqual(a.Month <= 6, b.Month <= 6);
        Assert.NotEqual(a.Day, b.Day);
        Assert.NotEqual(a.DayOfWeek, b.DayOfWeek);
        Assert.NotEqual(System.Globalization.ISOWeek.GetWeekOfYear(a.ToDateTime(TimeOnly.MinValue)), System.Globalization.ISOWeek.GetWeekOfYear(b.ToDateTime(TimeOnly.MinValue)));
        // A weekday with its date repeats within 11 years; the nearest such year must differ between the probes.
        Assert.True(b.Year - a.Year >= 12);
    }

    [Fact]
    public void Merge_pairs_by_extent_and_keeps_one_probe_only_expressions_without_digits()
    {
        Timex T(int s, int e, string v, string anchor = "dct") => new(new TextSpan(s, e), TimexType.Date, v, null, anchor);
        var merged = UnanchoredValues.Merge(
            [T(0, 4, "2009"), T(10, 17, "1944-10", "ref")],
            [T(0, 4, "2024"), T(10, 17, "1944-10", "ref"), T(20, 24, "2001-09-11")]);
        Assert.Equal(["XXXX", "1944-10", "XXXX-XX-XX"], merged.Select(t => t.Value));
        Assert.Equal(["none", "ref", "none"], merged.Select(t => t.Anchor));
    }
}
