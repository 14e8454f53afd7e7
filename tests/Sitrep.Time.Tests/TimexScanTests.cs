using Sitrep.Time.TimeMl;

namespace Sitrep.Time.Tests;

/// <summary>The start-position scan must find exactly the matches a full regex scan finds, rule by rule.</summary>
public sealed class TimexScanTests
{
    [Theory]
    [InlineData("Monday")]
    [InlineData("In the '90s and the 1990s, 2 weeks ago, twice a year, Q3 2004, FY98, 10:30 a.m. EST on Friday.")]
    [InlineData("the first quarter of fiscal 1998;the next day;the year-ago period;every other week;mid-March, 12/05/1998")]
    // Non-ASCII characters that IgnoreCase folds to ASCII letters (KELVIN SIGN), accents and curly quotes beside names.
    [InlineData("two wee\u212As ago; \u212Aeep it; e\u017Fcape; caf\u00E9 Tuesday; \u201CJan. 5\u201D; \u00E9Monday")]
    [InlineData("x2004 a12/3/2004 abcMonday _Monday\u00E9Monday 5pm GMT; 1830 GMT; the 21st century; year-end; 3-year-old")]
    [InlineData("April 24 and 25, Sept. 3-11, 1862; 1861-1863 and 1915-17; a day-long, decades-long feud; 5 1/2 hours; two more weeks; Election Day")]
    [InlineData("Easter week; Easter Sunday; Eastern Europe; Good Friday; Martin Luther King Jr. Day; May Day; at 4 in the morning; the daily Granma")]
    // Curly quotes, dashes, accented letters and other digits: no rule begins there, but the words around them still count.
    [InlineData("\u201CMonday\u201D \u2013 6\u20137 January 1916; caf\u00E9 Tuesday; na\u00EFve 5 \u201890s; \u0662\u0660\u0662\u0663 and \u0661\u0669\u0669\u0668 years ago; 1998\u2019s third quarter; \u00E9t\u00E9 1990s")]
    // Numbers one after another share the search for the word after them: each still finds its own.
    [InlineData("5 10 15 years ago; 5 apples, 10 years ago; 3, 4 and 5 1/2 hours; 1 2 3 4 1990s 5th March 466 BC 2 times a day")]
    public void Scan_equals_full_scan(string text) => Assert.Empty(TimexTagger.ScanMismatches(text));

    [Fact]
    public void Scan_equals_full_scan_on_seed_article_in_any_case()
    {
        var text = File.ReadAllText(TestPaths.Shared("samples", "seed-article.txt"));
        Assert.Empty(TimexTagger.ScanMismatches(text));
        Assert.Empty(TimexTagger.ScanMismatches(text.ToUpperInvariant()));
        Assert.Empty(TimexTagger.ScanMismatches(text.ToLowerInvariant()));
    }

    /// <summary>Every news and history text of the TIMEX corpora, as written and in upper and lower case: the first-word table misses no match.</summary>
    [Theory]
    [InlineData("TimeBank")]
    [InlineData("AQUAINT")]
    [InlineData("wikiwars")]
    public void Scan_equals_full_scan_on_timex_corpora(string corpus)
    {
        var bad = new List<string>();
        foreach (var path in TimexScorer.ListTml(TestPaths.Shared("data", "timex", corpus)))
        {
            var text = TimeMlDocument.Load(path).Text;
            foreach (var variant in (string[])[text, text.ToUpperInvariant(), text.ToLowerInvariant()])
                bad.AddRange(TimexTagger.ScanMismatches(variant).Select(rule => Path.GetFileName(path) + ": " + rule));
        }
        Assert.Empty(bad);
    }
}
