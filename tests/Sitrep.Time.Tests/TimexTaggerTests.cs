using Sitrep.Core;

namespace Sitrep.Time.Tests;

public sealed class TimexTaggerTests
{
    private static IReadOnlyList<Timex> Tag(string text, string dct) => TimexTagger.Default.Annotate(text, DateOnly.Parse(dct, System.Globalization.CultureInfo.InvariantCulture));

    private static Timex Find(string text, IReadOnlyList<Timex> timexes, string extent)
    {
        var t = timexes.FirstOrDefault(x => text.Substring(x.Span.Start, x.Span.Length) == extent);
        Assert.True(t is not null, $"No TIMEX with extent '{extent}'. Found: {string.Join("; ", timexes.Select(x => $"'{text.Substring(x.Span.Start, x.Span.Length)}'={x.Value}"))}");
        return t!;
    }

    [Fact]
    public void Seed_article_resolves_against_its_date()
    {
        var text = File.ReadAllText(TestPaths.Shared("samples", "seed-article.txt"));
        var timexes = Tag(text, "2023-08-30");
        Assert.Equal("2023-08-30", Find(text, timexes, "Wednesday").Value);
        var march = Find(text, timexes, "March");
        Assert.Equal("2023-03", march.Value);
        Assert.Equal(TimexType.Date, march.Type);
        Assert.Equal("2022", Find(text, timexes, "Last year").Value);
        Assert.All(timexes, t => Assert.NotEqual("none", t.Value));
    }

    [Theory]
    // Weekday direction by tense; the DCT's own weekday is the DCT in news.
    [InlineData("The talks ended on Friday.", "2023-08-30", "Friday", "2023-08-25")]
    [InlineData("The talks will resume on Friday.", "2023-08-30", "Friday", "2023-09-01")]
    [InlineData("AP reported on Wednesday that talks failed.", "2023-08-30", "Wednesday", "2023-08-30")]
    [InlineData("The minister is expected to arrive Monday.", "2023-08-30", "Monday", "2023-09-04")]
    [InlineData("They met last Friday.", "2023-09-01", "last Friday", "2023-08-25")]
    [InlineData("They will meet next Friday.", "2023-09-01", "next Friday", "2023-09-08")]
    [InlineData("Officials said Sunday the fighting stopped.", "2024-01-01", "Sunday", "2023-12-31")]
    // "the past decade" is the ten years up to now (the issue's list of durations); "the next decade" the coming calendar decade.
    [InlineData("Prices have doubled over the past decade.", "2023-08-30", "the past decade", "P10Y")]
    [InlineData("It was one of the significant events of the past century.", "1989-11-02", "the past century", "P100Y")]
    [InlineData("The plant will close in the next decade.", "2023-08-30", "the next decade", "203")]
    // "a decade ago" is a year, as "ten years ago" is.
    [InlineData("The plant opened a decade ago.", "2023-08-30", "a decade ago", "2013")]
    // Hours later: a time of the day whose clock is not given.
    [InlineData("Doctors worked on him. An hour later, he was declared dead.", "1998-10-25", "An hour later", "1998-10-25TXX")]
    // "previously" and "afterwards" after an amount count from the story's date as "earlier" and "later" do.
    [InlineData("In 2008 the troops left the city they had entered five years previously.", "2009-12-19", "five years previously", "2003")]
    [InlineData("The talks ended on March 3, 2021, and the treaty was signed two days afterwards.", "2023-08-30", "two days afterwards", "2021-03-05")]
    // Years later count from the year last written, in news too.
    [InlineData("The couple first met in 2009 and married six years later.", "2024-03-02", "six years later", "2015")]
    // "the same month" is the month last written.
    [InlineData("Version 0.1 came out on Dec. 3, 2008. The tool was first released in April 2005 (the same month that Git was).", "2019-11-05", "the same month", "2005-04")]
    // "the next year" in a past-tense clause follows the year last written; in a forecast it is next year.
    [InlineData("She was diagnosed in 2005 and given the all-clear the next year.", "2023-11-02", "the next year", "2006")]
    [InlineData("The plan will add 1.5 million treatments over the next year.", "2024-03-02", "the next year", "2025")]
    // Half-years as business writing spells them.
    [InlineData("Growth slowed in H1 2023 and recovered in H2 of 2023.", "2023-08-30", "H1 2023", "2023-H1")]
    [InlineData("Growth slowed in H1 2023 and recovered in H2 of 2023.", "2023-08-30", "H2 of 2023", "2023-H2")]
    // Year boundaries.
    [InlineData("The meeting was held on Dec. 30.", "2024-01-03", "Dec. 30", "2023-12-30")]
    // A past tense never reaches most of a year ahead: in a December report, February is this year's.
    [InlineData("In February, the new commander arrived.", "2009-12-19", "February", "2009-02")]
    [InlineData("The accord was signed on Feb. 2.", "2009-12-19", "Feb. 2", "2009-02-02")]
    [InlineData("The store will open on Jan. 5.", "2023-12-28", "Jan. 5", "2024-01-05")]
    [InlineData("Sales fell last month.", "2024-01-15", "last month", "2023-12")]
    [InlineData("Prices rose last year.", "2024-01-01", "last year", "2023")]
    [InlineData("In December the company said it had lost money.", "2024-01-10", "December", "2023-12")]
    // ISO weeks (the DCT's ISO week year may differ from its calendar year).
    [InlineData("Talks collapsed last week.", "2021-01-04", "last week", "2020-W53")]
    [InlineData("Talks resume this week.", "2024-12-30", "this week", "2025-W01")]
    // Leap days.
    [InlineData("The deal was signed on Feb. 29, 2024.", "2024-03-10", "Feb. 29, 2024", "2024-02-29")]
    [InlineData("The deal closed on Feb. 29.", "2024-03-10", "Feb. 29", "2024-02-29")]
    // Moving reference time.
    [InlineData("The strike began on March 3, 2023. Two days later, talks failed.", "2023-08-30", "Two days later", "2023-03-05")]
    [InlineData("He left two weeks ago.", "2023-08-30", "two weeks ago", "2023-W33")]
    [InlineData("Three years ago the plant closed.", "2023-08-30", "Three years ago", "2020")]
    // Durations, sets, fuzzy references, decades, centuries, quarters, seasons.
    [InlineData("The war lasted three years.", "2023-08-30", "three years", "P3Y")]
    [InlineData("Police held him for 48 hours.", "2023-08-30", "48 hours", "PT48H")]
    [InlineData("Rates rose for three consecutive days.", "2023-08-30", "three consecutive days", "P3D")]
    [InlineData("Prices fell for two straight months.", "2023-08-30", "two straight months", "P2M")]
    [InlineData("Talks lasted two full days.", "2023-08-30", "two full days", "P2D")]
    // Halves: whole units and the rest in the next smaller unit, however the half is written.
    [InlineData("He spent three and a half years in jail.", "2023-08-30", "three and a half years", "P3Y6M")]
    [InlineData("He spent one and a half years in jail.", "2023-08-30", "one and a half years", "P1Y6M")]
    [InlineData("The talks lasted a year and a half.", "2023-08-30", "a year and a half", "P1Y6M")]
    [InlineData("It took two and a half hours.", "2023-08-30", "two and a half hours", "PT2H30M")]
    [InlineData("Growth slowed over the past two months.", "2023-08-30", "the past two months", "P2M")]
    [InlineData("Inspectors visit every week.", "2023-08-30", "every week", "P1W")]
    // A weekday in the plural is a weekly recurrence, with its part of the day: "Tuesday nights", "on Fridays".
    [InlineData("The show airs Tuesday nights on CBS.", "2023-08-30", "Tuesday nights", "XXXX-WXX-2TNI")]
    [InlineData("The market is closed on Fridays.", "2023-08-30", "Fridays", "XXXX-WXX-5")]
    [InlineData("The economy boomed in the 1990s.", "2023-08-30", "the 1990s", "199")]
    [InlineData("It was built in the 19th century.", "2023-08-30", "the 19th century", "18")]
    [InlineData("Third-quarter profit rose.", "2023-11-01", "Third-quarter", "2023-Q3")]
    [InlineData("Profit rose in the first quarter of 2022.", "2023-11-01", "the first quarter of 2022", "2022-Q1")]
    [InlineData("The plant opens this summer.", "2023-05-01", "this summer", "2023-SU")]
    [InlineData("Prices are high now.", "2023-08-30", "now", "PRESENT_REF")]
    [InlineData("He recently resigned.", "2023-08-30", "recently", "PAST_REF")]
    [InlineData("Talks may resume in the future.", "2023-08-30", "the future", "FUTURE_REF")]
    [InlineData("Results are due early next year.", "2023-08-30", "early next year", "2024")]
    [InlineData("Revenue in fiscal 2022 fell.", "2023-08-30", "fiscal 2022", "2022")]
    [InlineData("Updated: 30 Aug 2023, 11:10 PM IST", "2023-08-30", "30 Aug 2023, 11:10 PM IST", "2023-08-30T23:10")]
    [InlineData("The blast happened at 10:30 a.m. yesterday.", "2023-08-30", "10:30 a.m. yesterday", "2023-08-29T10:30")]
    [InlineData("It was signed on 2023-08-01.", "2023-08-30", "2023-08-01", "2023-08-01")]
    [InlineData("Bids close by the end of today.", "2023-08-30", "the end of today", "2023-08-30")]
    // Slashed dates: month first as US news writes them, day first where only that is a date or the text's date says so.
    [InlineData("He was born on 3/4/1990.", "2023-06-12", "3/4/1990", "1990-03-04")]
    [InlineData("The order is dated 25/08/2023.", "2023-06-12", "25/08/2023", "2023-08-25")]
    [InlineData("The report is dated 10/06/2023.", "2023-06-12", "10/06/2023", "2023-06-10")]
    [InlineData("The filing of 6/1/2023 was late.", "2023-06-12", "6/1/2023", "2023-06-01")]
    [InlineData("The decree of 10.06.2023 took effect.", "2023-06-12", "10.06.2023", "2023-06-10")]
    [InlineData("The law of 1.7.2023 applies.", "2023-06-12", "1.7.2023", "2023-07-01")]
    [InlineData("The notice dated 2023/06/10 was posted.", "2023-06-12", "2023/06/10", "2023-06-10")]
    [InlineData("Figures for 2023.06.10 came out.", "2023-06-12", "2023.06.10", "2023-06-10")]
    // ISO year and month; a month with an abbreviated year, nearest the report's year.
    [InlineData("Data for 2023-05 were revised.", "2023-06-12", "2023-05", "2023-05")]
    [InlineData("The plan dates from June '22.", "2023-06-12", "June '22", "2022-06")]
    [InlineData("The war began in Sept. '39.", "2023-06-12", "Sept. '39", "1939-09")]
    [InlineData("Profit rose in Q3 FY24.", "2023-06-12", "Q3 FY24", "2024-Q3")]
    [InlineData("Sales fell in Q4 fiscal 2021.", "2023-06-12", "Q4 fiscal 2021", "2021-Q4")]
    [InlineData("He resigned a fortnight ago.", "2023-06-14", "a fortnight ago", "2023-W22")]
    [InlineData("Over the past fortnight, prices rose.", "2023-06-14", "the past fortnight", "P2W")]
    [InlineData("The blast hit on Monday. Hours later, the talks collapsed.", "2023-06-14", "Hours later", "2023-06-12TXX")]
    // "overnight": the night before the day spoken of, if that is of the report's week, else before the report's day.
    [InlineData("Russia launched 30 missiles overnight, Ukraine said.", "2023-06-14", "overnight", "2023-06-13TNI")]
    [InlineData("Shares closed lower Friday. They were hit by overnight losses in New York.", "1989-10-30", "overnight", "1989-10-26TNI")]
    [InlineData("The bombings, on Aug. 7, killed 257. Officials linked the sites struck overnight to them.", "1998-08-20", "overnight", "1998-08-19TNI")]
    [InlineData("The feed stamped it 2023-06-10T14:05:09.123Z.", "2023-08-30", "2023-06-10T14:05:09.123Z", "2023-06-10T14:05")]
    [InlineData("Logged at 2023-06-10 14:05+03:00 by the server.", "2023-08-30", "2023-06-10 14:05+03:00", "2023-06-10T14:05")]
    [InlineData("Voters went to the polls on Christmas Day.", "2023-12-27", "Christmas Day", "2023-12-25")]
    // "last Friday" on a Friday is a week back; a bare "Friday" in a past clause on a Friday is the day itself.
    [InlineData("They met on Friday.", "2023-09-01", "Friday", "2023-09-01")]
    [InlineData("Talks will resume next Friday.", "2023-09-01", "next Friday", "2023-09-08")]
    // Year boundary backwards and forwards by tense, and across the ISO week year.
    [InlineData("The plant closed on Friday.", "2021-01-01", "Friday", "2021-01-01")]
    [InlineData("The plant closed on Thursday.", "2021-01-01", "Thursday", "2020-12-31")]
    [InlineData("The plant will reopen on Monday.", "2020-12-31", "Monday", "2021-01-04")]
    [InlineData("Sales rose this week.", "2021-01-01", "this week", "2020-W53")]
    [InlineData("Sales will be reported next week.", "2020-12-28", "next week", "2021-W01")]
    // Leap days and leap years.
    [InlineData("The vote was held on Feb. 29.", "2020-03-02", "Feb. 29", "2020-02-29")]
    // 29 February in a common year is the nearest leap year's (before, unless the clause looks ahead), never 28 February.
    [InlineData("The rally took place on February 29.", "2010-03-10", "February 29", "2008-02-29")]
    [InlineData("The next vote will be held on February 29.", "2011-01-10", "February 29", "2012-02-29")]
    [InlineData("He was born on Feb. 29, 2000.", "2023-08-30", "Feb. 29, 2000", "2000-02-29")]
    [InlineData("The deadline passed a week ago.", "2024-03-07", "a week ago", "2024-W09")]
    // Deadlines and plans point ahead.
    [InlineData("The boy could leave as soon as Tuesday.", "2000-04-03", "Tuesday", "2000-04-04")]
    [InlineData("Officials have scheduled a news conference Thursday.", "1999-05-05", "Thursday", "1999-05-06")]
    // Sets and their adverbs.
    [InlineData("Protesters gather daily outside the house.", "2023-08-30", "daily", "P1D")]
    [InlineData("The prize is awarded annually.", "2023-08-30", "annually", "P1Y")]
    [InlineData("He gave his weekly radio address.", "2023-08-30", "weekly", "P1W")]
    // Reference time moves with the text.
    [InlineData("The strike began on March 3, 2023. The following day, talks failed.", "2023-08-30", "The following day", "2023-03-04")]
    [InlineData("Sales fell a year ago.", "2023-08-30", "a year ago", "2022")]
    // A wire dateline makes a report news however many old years it recounts: relative dates count from the DCT.
    [InlineData("INDEPENDENCE, Mo. _ NATO admitted Poland on Friday. The alliance was founded in 1949, enlarged in 1952, 1955 and 1982, and faced crises in 1948, 1956 and 1968. Next month it meets again.", "1999-03-12", "Friday", "1999-03-12")]
    [InlineData("INDEPENDENCE, Mo. _ NATO admitted Poland on Friday. The alliance was founded in 1949, enlarged in 1952, 1955 and 1982, and faced crises in 1948, 1956 and 1968. Next month it meets again.", "1999-03-12", "Next month", "1999-04")]
    // "ago" after a word that is not a quantity: the extent starts at the unit, not at the space before it.
    [InlineData("The plan was dropped months ago.", "2023-08-30", "months ago", "PAST_REF")]
    public void Tricky_cases(string text, string dct, string extent, string value)
    {
        var timexes = Tag(text, dct);
        Assert.Equal(value, Find(text, timexes, extent).Value);
    }

    [Theory]
    // Fractions of a unit, written as whole units plus the rest in the next smaller unit.
    [InlineData("The envoy will spend about 3 1/2 hours in the capital.", "2023-08-30", "about 3 1/2 hours", "PT3H30M")]
    [InlineData("The project took 4 1/2 years to finish.", "2023-08-30", "4 1/2 years", "P4Y6M")]
    [InlineData("The hearing lasted a year and a half.", "2023-08-30", "a year and a half", "P1Y6M")]
    // "N more units" is a duration.
    [InlineData("The ban stays in force for three more weeks.", "2023-08-30", "three more weeks", "P3W")]
    // U.S. Election Day: the Tuesday after the first Monday in November.
    [InlineData("Both candidates will campaign hard until Election Day.", "2024-10-20", "Election Day", "2024-11-05")]
    // Adjectives of length.
    [InlineData("The ministers ended a day-long session without a deal.", "2023-08-30", "day-long", "P1D")]
    [InlineData("The two clans ended a decades-long feud.", "2023-08-30", "decades-long", "PXDE")]
    // A qualified month with its day or year is one expression, resolved as a date.
    [InlineData("The factory burned down last Nov. 12 after a storm.", "2023-04-20", "Nov. 12", "2022-11-12")]
    [InlineData("Troops crossed the river in late June 1944.", "2023-08-30", "late June 1944", "1944-06")]
    // "the week of <date>" is that ISO week; "the day before/after <date>" shifts it a day.
    [InlineData("The trial could open the week of May 8.", "2023-04-20", "the week of May 8", "2023-W19")]
    [InlineData("The day before last Monday's vote, the mayor resigned.", "2023-08-31", "The day before last Monday", "2023-08-27")]
    [InlineData("Shops reopened the day after Christmas Day.", "2023-12-29", "the day after Christmas Day", "2023-12-26")]
    // A possessive weekday names a known day: the most recent one, whatever the clause's tense.
    [InlineData("The opposition said it would try to overturn Tuesday's verdict.", "2023-08-31", "Tuesday", "2023-08-29")]
    // "that same day" takes the day last mentioned; an old year in parentheses is a year.
    [InlineData("The rebels took the fort on 3 May 1812. That same day the governor fled.", "2023-08-30", "That same day", "1812-05-03")]
    [InlineData("The decree on the clergy (1791) angered many priests.", "2023-08-30", "1791", "1791")]
    // ... and, being an aside, does not move a narrative's reference year.
    [InlineData("The revolt spread in 1792, as in 1790, and grew in 1793. The decree on the clergy (1791) had angered many. On 17 August the army marched.", "2023-08-30", "17 August", "1793-08-17")]
    // Holidays: Easter and the feasts counted from it (Gregorian computus), U.S. weekday-rule holidays, fixed dates; tense picks the year.
    [InlineData("Pilgrims crowded the square on Easter Sunday.", "2024-04-02", "Easter Sunday", "2024-03-31")]
    [InlineData("The ceasefire is meant to hold until Easter.", "2025-03-10", "Easter", "2025-04-20")]
    [InlineData("Protesters prayed as Easter week began.", "2000-04-17", "Easter week", "2000-W16")]
    [InlineData("The talks broke down on Good Friday.", "2019-04-25", "Good Friday", "2019-04-19")]
    [InlineData("Schools closed for Martin Luther King Jr. Day.", "2023-01-20", "Martin Luther King Jr. Day", "2023-01-16")]
    [InlineData("Veterans marched in Moscow on Victory Day.", "2023-05-12", "Victory Day", "2023-05-09")]
    [InlineData("The summit opened before Christmas.", "2023-01-10", "Christmas", "2022-12-25")]
    [InlineData("The offensive is expected to resume after Christmas.", "2023-11-20", "Christmas", "2023-12-25")]
    // "this Easter", "Memorial Day of 1986", the Easter weekend; a holiday without a year lies within the tense's window
    // ahead, as a month's day does: an Easter trail opened a month before Easter is this Easter's.
    [InlineData("This Easter, visit the gardens.", "2024-03-02", "This Easter", "2024-03-31")]
    [InlineData("She spent Memorial Day of 1986 in Ohio.", "2024-03-02", "Memorial Day of 1986", "1986-05-26")]
    [InlineData("The Easter weekend arrives early this year.", "2024-03-02", "Easter weekend", "2024-W13-WE")]
    [InlineData("A new Easter trail has opened in the park.", "2024-03-02", "Easter", "2024-03-31")]
    [InlineData("The story was held so as not to make people sad before Christmas.", "2024-02-28", "Christmas", "2023-12-25")]
    // Typographic apostrophes, as news pages write them.
    [InlineData("Reach out to widows on Valentine’s Day.", "2024-03-02", "Valentine’s Day", "2024-02-14")]
    [InlineData("She spent New Year’s Eve in Paris.", "2024-03-02", "New Year’s Eve", "2023-12-31")]
    // A distance in time, and a span opened by "these past".
    [InlineData("The deadline remains months away.", "2024-03-02", "months", "PXM")]
    [InlineData("These past few years were hard.", "2024-03-02", "These past few years", "PXY")]
    // Days that name events, in texts written after them.
    [InlineData("The Jan. 6 committee issued its report.", "2024-03-01", "Jan. 6", "2021-01-06")]
    [InlineData("Survivors of the October 7 attacks spoke.", "2025-11-20", "October 7", "2023-10-07")]
    [InlineData("The focus since 9/11 has been on terrorism.", "2024-03-02", "9/11", "2001-09-11")]
    // A bare November in a sentence about an election, told before it, is the coming one; a past tense keeps its own.
    [InlineData("The seat could flip in November, pollsters say.", "2024-03-01", "November", "2024-11")]
    [InlineData("Obama carried the state in November.", "2024-03-01", "November", "2023-11")]
    [InlineData("The senator said on Tuesday that the seat could flip in November, as voters weigh the race.", "2024-03-01", "November", "2024-11")]
    // A possessive weekday of a scheduled event lies as far ahead as the clause says.
    [InlineData("Biden will win Tuesday's primary.", "2024-03-01", "Tuesday", "2024-03-05")]
    // Decades of this century, spelled out.
    [InlineData("The reality of the twenty-twenties is grim.", "2024-03-01", "the twenty-twenties", "202")]
    [InlineData("In the early aughts they devised a plan.", "2024-03-01", "the early aughts", "200")]
    [InlineData("Indie bands since the mid-two-thousands.", "2024-03-01", "the mid-two-thousands", "200")]
    // "one day" after a modal or "to" is some day to come.
    [InlineData("He hopes to one day provide care.", "2024-03-01", "one day", "FUTURE_REF")]
    // One length in several units is one DURATION.
    [InlineData("It lasted 15 hours and 15 minutes.", "2024-03-01", "15 hours and 15 minutes", "PT15H15M")]
    [InlineData("Another swim took 13 hours 10 minutes.", "2024-03-01", "13 hours 10 minutes", "PT13H10M")]
    [InlineData("He served two years and three months in jail.", "2024-03-01", "two years and three months", "P2Y3M")]
    [InlineData("The flight took an hour and 20 minutes.", "2024-03-01", "an hour and 20 minutes", "PT1H20M")]
    [InlineData("The talks took a year, a month after the vote.", "2024-03-01", "a year", "P1Y")]
    // A date in apposition says which day a relative expression meant, whatever the reference before it.
    [InlineData("Donors cut funding on January 26 over the attack on October 7. Two weeks later, on February 9, Israel made new claims.", "2024-02-28", "Two weeks later", "2024-02-09")]
    // "end-June", "end-2025": the end of a month or a year, as financial news writes it.
    [InlineData("Reserves fell by end-June.", "2024-03-02", "end-June", "2023-06")]
    [InlineData("The debt will peak at end-2025.", "2024-03-02", "end-2025", "2025")]
    // A weekday after "a" or "any" is some such day.
    [InlineData("Try grabbing breakfast on a Saturday morning.", "2024-03-02", "Saturday morning", "XXXX-WXX-6TMO")]
    [InlineData("Hundreds attended a Sunday night vigil in the square.", "1999-10-24", "Sunday night", "1999-10-24TNI")]
    // "As of" a clock time is the report's own day, not the day last spoken of.
    [InlineData("Flooding began on Sunday. As of 7.30 am, 40 roads were closed.", "2023-11-03", "7.30 am", "2023-11-03T07:30")]
    // A year in apposition; a year after a fiscal abbreviation stays a year.
    [InlineData("In 2013, the year the brewery opened, sales rose.", "2023-11-08", "the year", "2013")]
    [InlineData("The FY 2024 budget passed.", "2023-11-08", "FY 2024", "2024")]
    [InlineData("Leaders met at the NATO 2023 summit.", "2023-11-08", "2023", "2023")]
    // A range of lengths after "the next" is one DURATION with no number, as TimeBank writes it.
    [InlineData("Sales will rise over the next 12 to 18 months.", "2023-11-08", "the next 12 to 18 months", "PXM")]
    // An anaphoric week or year right after a relative one counts from it.
    [InlineData("Applications fell 5.6% last week from the previous week.", "2024-02-28", "the previous week", "2024-W07")]
    [InlineData("Last year sales rose; the previous year they fell.", "2024-03-01", "the previous year", "2022")]
    [InlineData("Sales rose in the previous year.", "2024-03-01", "the previous year", "2023")]
    // A clock hour with its part of the day.
    [InlineData("He left the house at 4 in the morning.", "2000-04-07", "4 in the morning", "2000-04-07T04:00")]
    [InlineData("The shelling started at 9 o'clock in the evening.", "2023-08-30", "9 o'clock in the evening", "2023-08-30T21:00")]
    // A list of months ending in a year: each month takes it ("November" before "January 2016" is of 2015).
    [InlineData("Sales rose in January, February and March 2016.", "2023-09-05", "January", "2016-01")]
    [InlineData("Sales rose in January, February and March 2016.", "2023-09-05", "February", "2016-02")]
    [InlineData("Snow fell in November, December and January 2016.", "2023-09-05", "November", "2015-11")]
    // "the first two quarters of a year" is its first half; a quarter named by its months is that quarter.
    [InlineData("Demand held up through the first two quarters of 1990.", "1989-10-30", "the first two quarters of 1990", "1990-H1")]
    [InlineData("Group profit rose in the April-June quarter.", "2023-09-05", "the April-June quarter", "2023-Q2")]
    [InlineData("Exports fell in the June quarter.", "2023-09-05", "the June quarter", "2023-Q2")]
    [InlineData("Exports fell in the December quarter of 2021.", "2023-09-05", "the December quarter of 2021", "2021-Q4")]
    // A unit back or on from the time spoken of, closing the clause.
    [InlineData("The mill shut in 2010; its rival had closed the year before.", "2023-09-05", "the year before", "2009")]
    [InlineData("Rebels took the town on 3 May 2019 and the airport the day after.", "2023-09-05", "the day after", "2019-05-04")]
    [InlineData("Output rose last year, after a fall the year before.", "2020-01-08", "the year before", "2018")]
    // Half of a unit; a year's end in two words; the day-month-year of mail headers, and a clock time with seconds.
    [InlineData("The blaze burned for half an hour.", "2023-09-05", "half an hour", "PT30M")]
    [InlineData("Debt is expected to peak by year end.", "2023-09-05", "year end", "2023-12-31")]
    [InlineData("The invoice is dated 01-Feb-02.", "2005-06-01", "01-Feb-02", "2002-02-01")]
    [InlineData("The message was sent on 3 March 2002 at 06:03:48 PM.", "2005-06-01", "06:03:48 PM", "2002-03-03T18:03:48")]
    // Working, business and trading days are days; a weekday in lower case after a word of time is that weekday.
    [InlineData("The agency must reply within twenty working days.", "2016-12-07", "twenty working days", "P20D")]
    [InlineData("Shares fell for five straight trading days.", "2016-12-07", "five straight trading days", "P5D")]
    [InlineData("The shop shut on friday.", "2016-12-07", "friday", "2016-12-02")]
    // A weekday written with a month and day picks the nearest year in which they agree (17 September 2004 was a Friday).
    [InlineData("How about Friday, Sept. 17, for the review?", "2005-06-01", "Friday, Sept. 17", "2004-09-17")]
    // "said at the weekend that …": the weekend just past, before a reported clause.
    [InlineData("The general said in an address at the weekend that a transition would take three years.", "2023-08-22", "the weekend", "2023-W33-WE")]
    // … but the adverb stays a SET.
    [InlineData("Staff at the mill are paid weekly.", "2024-03-01", "weekly", "P1W")]
    // A month in capitals before its day: a mail header, an old wire dateline.
    [InlineData("WHEN: JUNE 12, 2005, 2:00 P.M. WHERE: the town hall.", "2005-06-01", "JUNE 12, 2005, 2:00 P.M.", "2005-06-12T14:00")]
    [InlineData("WASHINGTON, JUNE 12 (Reuters) - Talks stalled.", "2005-06-14", "JUNE 12", "2005-06-12")]
    // A later part of the day written after a bare clock sets p.m.
    [InlineData("He was home by 6:30 that evening.", "2005-06-01", "6:30", "2005-06-01T18:30")]
    [InlineData("The raid began at 10:00 at night.", "2005-06-01", "10:00", "2005-06-01T22:00")]
    [InlineData("They meet at 9:00 tonight.", "2005-06-01", "9:00 tonight", "2005-06-01T21:00")]
    // The first clock of a range takes the second's p.m.
    [InlineData("The panel meets from 3:00-5:30 p.m. on Tuesday.", "2005-06-01", "3:00", "2005-05-31T15:00")]
    // "September 11" after "since" or "the attacks of", in the years after 2001, is the attacks' day.
    [InlineData("Since September 11, airport checks have doubled.", "2004-07-08", "September 11", "2001-09-11")]
    [InlineData("The attacks of 11 September changed the city.", "2004-07-08", "11 September", "2001-09-11")]
    // Months later count from the month written last; a bare day of a month just named with its year is of that year.
    [InlineData("The envoys first met in July of 1977. Four months later, they signed a pact.", "2016-12-07", "Four months later", "1977-11")]
    [InlineData("In November 2005 unrest spread to the suburbs. On 5 November, a curfew was declared.", "2016-12-07", "5 November", "2005-11-05")]
    // … but not a day the clause looks ahead to.
    [InlineData("The orbiter first flew on April 12, 1981. Its sister ship will launch on April 29.", "2011-04-20", "April 29", "2011-04-29")]
    // A decade with only its last two digits, after an apostrophe straight or typeset.
    [InlineData("Rents doubled in the 1980s and '90s.", "2023-09-05", "'90s", "199")]
    [InlineData("It was a hit in \u201990s Britain.", "2023-09-05", "\u201990s", "199")]
    // "the end of the month" is the month the story is in.
    [InlineData("On Aug. 23 the fleet sailed. By the end of the month, the port was shelled.", "2023-09-05", "the end of the month", "2023-08")]
    // … but in news a month long before the report is an aside: a photograph's caption of 1981 does not date the launch.
    [InlineData("A photograph from June 1981 shows the pad. NASA plans the launch at the end of the month.", "2023-09-05", "the end of the month", "2023-09")]
    [InlineData("Troops are due to arrive by the end of the month.", "2023-09-05", "the end of the month", "2023-09")]
    public void Added_rules(string text, string dct, string extent, string value)
    {
        var timexes = Tag(text, dct);
        Assert.Equal(value, Find(text, timexes, extent).Value);
    }

    [Theory]
    // Day ranges in one month: two TIMEX3s, the second taking the month and the year.
    [InlineData("Leaders will meet in Oslo on June 14 and 15.", "2023-04-20", "June 14", "2023-06-14", "15", "2023-06-15")]
    [InlineData("The siege lasted from August 3-11, 1862, before the town fell.", "2023-04-20", "August 3", "1862-08-03", "11, 1862", "1862-08-11")]
    // Year ranges: two TIMEX3s, a two-digit end taking the first year's century.
    [InlineData("The northern campaign, 1812-1814, cost both sides dearly.", "2023-04-20", "1812", "1812", "1814", "1814")]
    [InlineData("Throughout 1916-18 the front barely moved.", "2023-04-20", "1916", "1916", "18", "1918")]
    [InlineData("The 1999-00 season ended.", "2023-04-20", "1999", "1999", "00", "2000")]
    // With a slash, consecutive years: a season or a fiscal year.
    [InlineData("The 2022/23 season ended in May.", "2023-06-14", "2022", "2022", "23", "2023")]
    [InlineData("In the 1999/2000 fiscal year, sales rose.", "2023-06-14", "1999", "1999", "2000", "2000")]
    // Two quarters joined: two TIMEX3s sharing the year (the later quarter's, when none is written).
    [InlineData("Margins widened in the second and third quarters of 2021.", "2023-09-05", "the second", "2021-Q2", "third quarters of 2021", "2021-Q3")]
    [InlineData("Shipments slipped in the third and fourth quarters.", "2023-09-05", "the third", "2022-Q3", "fourth quarters", "2022-Q4")]
    // Two seasons joined: the first takes the year written after the second, or the second takes the first's.
    [InlineData("Convoys ran through the spring and summer of 2022.", "2023-09-05", "the spring", "2022-SP", "summer of 2022", "2022-SU")]
    [InlineData("Work resumed in summer and autumn 2021.", "2023-09-05", "summer", "2021-SU", "autumn 2021", "2021-FA")]
    [InlineData("The fall and winter of 2018 were hard.", "2023-09-05", "The fall", "2018-FA", "winter of 2018", "2018-WI")]
    [InlineData("Prices rose in the spring of 2019 and summer.", "2023-09-05", "the spring of 2019", "2019-SP", "summer", "2019-SU")]
    public void Ranges_give_two_expressions(string text, string dct, string first, string firstValue, string second, string secondValue)
    {
        var timexes = Tag(text, dct);
        Assert.Equal(firstValue, Find(text, timexes, first).Value);
        Assert.Equal(secondValue, Find(text, timexes, second).Value);
    }

    [Theory]
    // "Now," opening a sentence is a discourse marker.
    [InlineData("The plan failed. Now, the minister says, a new one is needed.", "Now")]
    // "high noon" is an idiom; figures before a title-case unit name a programme.
    [InlineData("For the party it was high noon in the polls.", "noon")]
    [InlineData("She told 60 Minutes that she had no regrets.", "60 Minutes")]
    // The second number of a month-day range must not count something else.
    [InlineData("Turnout fell on May 3 and 4 percent of voters stayed home.", "4")]
    [InlineData("Prices on March 1 to 2 million buyers fell.", "2")]
    [InlineData("Police came on June 5 and 6 other people were detained.", "6")]
    [InlineData("See the survey in pp. 1861-1863 of the journal.", "1861-1863")]
    // A slash between years that do not follow each other is not a range ("2023/06" is a year and a month, or a file).
    [InlineData("The folder 2023/06 was lost.", "06")]
    [InlineData("Case 2019/21 was closed.", "21")]
    [InlineData("Version 1.2.2023.4 shipped.", "1.2.2023")]
    [InlineData("The score was 10.06.2023/4 in the table.", "10.06.2023")]
    // A relative unit in title case within a sentence names a programme.
    [InlineData("Baker, speaking on ABC News' \"This Week,\" said the talks would go on.", "This Week")]
    [InlineData("He told \"Last Week Tonight\" viewers the plan had failed.", "Last Week")]
    // The coming or present age, and compounds of "quarter".
    [InlineData("\"If I were choosing the people of tomorrow, I would have chosen them,\" he said.", "tomorrow")]
    [InlineData("The quarter-to-quarter comparison was also hurt.", "quarter")]
    // "the past" opening a span the rules do not read is no PAST_REF of its own.
    [InlineData("In the past half-century, wars declined.", "the past")]
    [InlineData("Over the past dozen years, it grew.", "the past")]
    [InlineData("Protests marked the past few summers.", "the past")]
    // "overnight" as "all at once".
    [InlineData("Though no one recovers from grief overnight, friends can help.", "overnight")]
    [InlineData("The tank didn't suddenly shrink overnight, she said.", "overnight")]
    [InlineData("The band became an overnight success.", "overnight")]
    // "daily" before a title names a newspaper.
    [InlineData("A letter was printed in the Communist Party daily Granma on Friday.", "daily")]
    [InlineData("The Russian daily Kommersant reported the deal.", "daily")]
    // Names with "Daily"; ages; awards; things named for a night or a feast; "the past" and "the future" as adjectives.
    [InlineData("Rates rose, according to Mortgage News Daily.", "Daily")]
    [InlineData("She read the Daily Mail on the train.", "Daily")]
    [InlineData("She listened to The Daily on Monday.", "Daily")]
    [InlineData("Renetta, who was in her early twenties, moved.", "twenties")]
    [InlineData("In my twenties I danced.", "twenties")]
    [InlineData("It was my album of the year.", "the year")]
    [InlineData("Group of the year went to Jungle.", "the year")]
    [InlineData("She went for a night out.", "a night")]
    [InlineData("They met at a night club.", "a night")]
    [InlineData("The past statements by the chief were ignored.", "The past")]
    [InlineData("It is shaping the future parameters of pop.", "the future")]
    [InlineData("He scored 13 points over the past 10 games.", "the past")]
    [InlineData("Children hunted for Easter eggs.", "Easter")]
    // A speed, an idiom of frequency, a name with "Future", a count before its noun, a year-ago figure in a comparison.
    [InlineData("The train reaches 190 km per hour.", "per hour")]
    [InlineData("Every now and again the line fails.", "now")]
    [InlineData("He founded the Future of Cities project.", "Future")]
    [InlineData("The archive holds more than 1100 photographs.", "1100")]
    [InlineData("He was her girl friday for years.", "friday")]
    [InlineData("The story ran in The Sun. Readers wrote in.", "Sun.")]
    [InlineData("The job took 3/4 day.", "4 day")]
    [InlineData("Wait a minute, she said.", "a minute")]
    [InlineData("The crate weighs 2000 lbs.", "2000")]
    // Capitals alone are words, and "(NOV 07)" is more likely a month and year than a day.
    [InlineData("MAY I ask a question?", "MAY")]
    [InlineData("Wine 5 (NOV 07) was fine.", "NOV 07")]
    // A newspaper: "a Johannesburg weekly," "the weekly said".
    [InlineData("The claim was printed by a Cape Town weekly, which cited two sources.", "weekly")]
    [InlineData("The weekly said it stood by the story.", "weekly")]
    [InlineData("The town lies at an elevation of 1100 ft.", "1100")]
    // Titles and labels: an album, a page's "Current Issue"; a model year is part of a car's name.
    [InlineData("She sang from My 21st Century Blues on stage.", "21st Century")]
    [InlineData("Subscribe\nCurrent Issue\nThe House voted on Friday.", "Current")]
    [InlineData("Police found his 1987 Chevrolet in a parking lot.", "1987")]
    // "Now for …", "Now as to …" opening a sentence change the topic.
    [InlineData("The markets closed. Now for today's quiz.", "Now")]
    [InlineData("Nobody knows. Now as to those missing billions, the IMF is silent.", "Now")]
    // "today's" the present age, not this day.
    [InlineData("Neoliberalism cannot solve today's problems.", "today")]
    [InlineData("The New Deal coalition differs from today's Democratic Party.", "today")]
    // Models, names and idioms: graphics cards, "Super Tuesday", programmes, movements, things named for Christmas.
    [InlineData("The RTX 2080 sold out.", "2080")]
    [InlineData("It is 30% better than a 2080 Ti.", "2080")]
    [InlineData("Stores sold out of RTX 3080s.", "3080s")]
    [InlineData("Biden won the Super Tuesday primaries.", "Tuesday")]
    [InlineData("She watched Saturday Night Live.", "Saturday")]
    [InlineData("They joined Fridays For Future.", "Fridays")]
    [InlineData("The Christmas market opened.", "Christmas")]
    [InlineData("Every now and then it rains.", "now")]
    [InlineData("Follow a 2000 calorie diet.", "2000")]
    // A quarter of a game.
    [InlineData("The Lakers' fourth-quarter comeback stunned fans.", "fourth-quarter")]
    // A part of an event ("the beginning of today's hearing") or of a span ("the start of 13 years") is no modifier of the day or the length.
    [InlineData("It was the start of 13 years of abuse.", "the start of")]
    [InlineData("Evidence was lacking at the beginning of today's hearing.", "the beginning of")]
    public void Not_temporal_expressions(string text, string notTimex)
    {
        var timexes = Tag(text, "2023-08-30");
        int at = text.LastIndexOf(notTimex, StringComparison.Ordinal);
        Assert.DoesNotContain(timexes, t => t.Span.Overlaps(new TextSpan(at, at + notTimex.Length)));
    }

    [Fact]
    public void Now_before_that_is_the_present()
    {
        // "now that ...": TimeBank, AQUAINT and WikiWars annotate this "now" as PRESENT_REF in every instance.
        const string text = "Iraq's only outlet now that an international noose has tightened is Jordan.";
        Assert.Equal("PRESENT_REF", Find(text, Tag(text, "2023-08-30"), "now").Value);
    }

    [Fact]
    public void Now_without_a_comma_is_still_the_present()
    {
        const string text = "Talks stalled for months. Now officials are meeting again.";
        Assert.Equal("PRESENT_REF", Find(text, Tag(text, "2023-08-30"), "Now").Value);
    }

    [Theory]
    // TimeML's quant and freq of a SET: how often within the period, and the quantifier written.
    [InlineData("She works three days a week.", "three days a week", "P1W", null, "3D")]
    [InlineData("He works eight hours a day.", "eight hours a day", "P1D", null, "8H")]
    [InlineData("They meet twice a week.", "twice a week", "P1W", null, "2X")]
    [InlineData("Three times a year the board meets.", "Three times a year", "P1Y", null, "3X")]
    [InlineData("The council meets every other week.", "every other week", "P2W", "EVERY", null)]
    [InlineData("Prices rise each year.", "each year", "P1Y", "EACH", null)]
    [InlineData("The fee is $5 a year.", "a year", "P1Y", null, null)]
    [InlineData("The project costs $4 billion a year.", "a year", "P1Y", null, null)]
    public void Sets_carry_their_quant_and_freq(string text, string extent, string value, string? quant, string? freq)
    {
        var t = Find(text, Tag(text, "2024-03-01"), extent);
        Assert.Equal((TimexType.Set, value, quant, freq), (t.Type, t.Value, t.Quant, t.Freq));
    }

    [Fact]
    public void A_count_of_days_before_ago_is_no_frequency()
    {
        const string text = "He was jailed two days a week ago.";
        Assert.DoesNotContain(Tag(text, "2024-03-01"), t => t.Type == TimexType.Set);
    }

    [Theory]
    // A range of lengths: the low end is a DURATION of its own in the high end's unit ("two" P2D, "six days" P6D in TimeBank).
    [InlineData("Beat the butter for 5-7 minutes.", "5", "PT5M", "7 minutes", "PT7M")]
    [InlineData("It lasted two to six days.", "two", "P2D", "six days", "P6D")]
    [InlineData("They were trained for ten or fifteen years.", "ten", "P10Y", "fifteen years", "P15Y")]
    public void A_range_of_lengths_gives_both_ends(string text, string low, string lowValue, string high, string highValue)
    {
        var t = Tag(text, "2023-11-08");
        Assert.Equal((TimexType.Duration, lowValue), (Find(text, t, low).Type, Find(text, t, low).Value));
        Assert.Equal(highValue, Find(text, t, high).Value);
    }

    [Fact]
    public void For_over_is_more_than()
    {
        const string text = "It has been sold for over 50 years.";
        var t = Find(text, Tag(text, "2023-11-08"), "over 50 years");
        Assert.Equal(("P50Y", "MORE_THAN"), (t.Value, t.Mod));
    }

    [Fact]
    public void Close_to_is_an_approximate_quantity()
    {
        const string text = "It came close to a century after he dreamed it up.";
        var t = Find(text, Tag(text, "2024-03-01"), "close to a century");
        Assert.Equal(("P100Y", "APPROX"), (t.Value, t.Mod));
    }

    [Fact]
    public void A_text_that_speaks_of_its_own_week_is_a_report_however_many_old_years_it_writes()
    {
        const string text = "He enlisted in 1968, trained in 1969, flew in 1970, left in 1971 and was discharged in 1972. "
            + "Last week, a judge ordered the records released. Deputies made a third arrest Wednesday, and the pastor was charged on Monday.";
        var t = Tag(text, "2005-05-18");
        Assert.Equal("2005-W19", Find(text, t, "Last week").Value);
        Assert.Equal("2005-05-18", Find(text, t, "Wednesday").Value);
        Assert.Equal("2005-05-16", Find(text, t, "Monday").Value);
        // "next month" is such a sign too ("the next month" is the story's own).
        const string ahead = "He enlisted in 1968, trained in 1969, flew in 1970, left in 1971 and was discharged in 1972. "
            + "The archive opens the files next month. Deputies made a third arrest Wednesday.";
        Assert.Equal("2005-05-18", Find(ahead, Tag(ahead, "2005-05-18"), "Wednesday").Value);
        // Without the report's own week, the same years make a history: its weekdays follow its years, not the DCT.
        const string history = "He enlisted in 1968, trained in 1969, flew in 1970, left in 1971 and was discharged in 1972. "
            + "On 3 March 1972 he was released. Deputies made a third arrest Wednesday.";
        Assert.StartsWith("1972-", Find(history, Tag(history, "2005-05-18"), "Wednesday").Value, StringComparison.Ordinal);
    }

    [Fact]
    public void Over_before_a_time_ago_is_more_than()
    {
        const string text = "The hostages were freed over 24 hours ago, after talks that lasted over three years.";
        var t = Tag(text, "2016-12-07");
        Assert.Equal("MORE_THAN", Find(text, t, "over 24 hours ago").Mod);
        // "over three years" mostly means during them: no modifier, and "over" stays out.
        Assert.Null(Find(text, t, "three years").Mod);
    }

    [Fact]
    public void A_clock_time_keeps_a_full_stop_only_as_part_of_a_dotted_meridiem()
    {
        const string text = "The sirens sounded at 2pm. Voting closed at 8 p.m. Results came later.";
        var t = Tag(text, "2023-09-05");
        Assert.Equal("2023-09-05T14:00", Find(text, t, "2pm").Value);
        Assert.Equal("2023-09-05T20:00", Find(text, t, "8 p.m.").Value);
    }

    [Fact]
    public void Modifiers_are_part_of_the_extent()
    {
        const string text = "Sales rose in early March and about three years ago, at the end of 1990.";
        var t = Tag(text, "1991-05-01");
        Assert.Equal("START", Find(text, t, "early March").Mod);
        Assert.Equal("APPROX", Find(text, t, "about three years ago").Mod);
        Assert.Equal("END", Find(text, t, "the end of 1990").Mod);
        Assert.DoesNotContain(t, x => text.Substring(x.Span.Start, x.Span.Length).StartsWith("in ", StringComparison.Ordinal));
    }

    [Fact]
    public void A_clock_time_takes_the_day_written_right_after_it()
    {
        const string text = "Troops will withdraw at 14:00 GMT on 5 September. He spoke at noon on Friday. The vote came at 9 p.m., Aug. 28. "
            + "Polls close at noon ET on Sept. 5.";
        var t = Tag(text, "2023-08-30");
        var withdraw = Find(text, t, "14:00 GMT");
        Assert.Equal(("2023-09-05T14:00", TimeSpan.Zero), (withdraw.Value, withdraw.ZoneOffset));
        Assert.Equal("2023-09-05", Find(text, t, "5 September").Value);
        Assert.Equal("2023-08-25T12:00", Find(text, t, "noon").Value);
        Assert.Equal("2023-08-25", Find(text, t, "Friday").Value);
        Assert.Equal("2023-08-28T21:00", Find(text, t, "9 p.m., Aug. 28").Value);
        // The zone of "noon ET" is Eastern daylight time on that day.
        var polls = Find(text, t, "noon ET");
        Assert.Equal(("2023-09-05T12:00", TimeSpan.FromHours(-4)), (polls.Value, polls.ZoneOffset));
    }

    [Fact]
    public void A_clock_time_on_the_day_last_spoken_of_says_it_was_anchored_there()
    {
        const string text = "Officials met on March 3. The missile was launched at 11:10 PM IST. Reporters arrived at 10 a.m. today.";
        var t = Tag(text, "2023-08-30");
        var launch = Find(text, t, "11:10 PM IST");
        Assert.Equal(("2023-03-03T23:10", "ref"), (launch.Value, launch.Anchor));
        var arrival = Find(text, t, "10 a.m. today");
        Assert.Equal(("2023-08-30T10:00", "dct"), (arrival.Value, arrival.Anchor));
    }

    [Theory]
    // A day of the month by its ordinal alone: the tense picks the month against the report's date, else the nearest.
    [InlineData("Talks resumed on the 15th.", "the 15th", "2023-08-15")]
    [InlineData("The vote is due on the 4th.", "the 4th", "2023-09-04")]
    [InlineData("Congress met on the 31st.", "the 31st", "2023-07-31")]
    [InlineData("The offensive began on the 28th of last month.", "the 28th of last month", "2023-07-28")]
    [InlineData("Fighting raged from the 5th to the 9th, officials said.", "the 9th", "2023-08-09")]
    [InlineData("The summit on the 4th will decide the matter.", "the 4th", "2023-09-04")]
    [InlineData("Envoys met on the 12th in Doha.", "the 12th", "2023-08-12")]
    public void An_ordinal_day_takes_its_month_from_the_tense(string text, string extent, string value) =>
        Assert.Equal(value, Find(text, Tag(text, "2023-08-30"), extent).Value);

    [Theory]
    [InlineData("It marked the 15th anniversary of the war.")]
    [InlineData("He finished the 45th.")]
    [InlineData("The ceremony was on the 45th.")]
    [InlineData("The 20th Congress met.")]
    [InlineData("The fire started on the 18th floor.")]
    [InlineData("Lawmakers voted on the 19th amendment in May.")]
    public void An_ordinal_that_is_not_a_day_gives_no_timex(string text) =>
        Assert.DoesNotContain(Tag(text, "2023-08-30"), t => text.Substring(t.Span.Start, t.Span.Length).Contains("th", StringComparison.Ordinal));

    [Fact]
    public void Seasons_are_told_apart_from_the_verbs_and_events_that_share_their_names()
    {
        const string text = "Since the fall of Kabul, aid has dried up. Prices have risen since spring. The Arab Spring began in 2010. "
            + "They met in the spring of that year. Prices will fall in the autumn.";
        var t = Tag(text, "2023-08-30");
        Assert.DoesNotContain(t, x => x.Span.Start < text.IndexOf("aid", StringComparison.Ordinal));
        Assert.Equal("2023-SP", Find(text, t, "spring").Value);
        Assert.DoesNotContain(t, x => text.Substring(x.Span.Start, x.Span.Length) == "Spring");
        var spring = Find(text, t, "the spring of that year");
        Assert.Equal(("2010-SP", "ref"), (spring.Value, spring.Anchor));
        Assert.Equal("2023-FA", Find(text, t, "the autumn").Value);
        Assert.DoesNotContain(t, x => text.Substring(x.Span.Start, x.Span.Length) == "fall");
    }

    [Fact]
    public void Day_month_ranges_give_two_timexes()
    {
        const string text = "The battle raged on 6-7 January 1916. Talks are set for 4-5 September.";
        var t = Tag(text, "2023-08-30");
        Assert.Equal("1916-01-06", Find(text, t, "6").Value);
        Assert.Equal("1916-01-07", Find(text, t, "7 January 1916").Value);
        Assert.Equal("2023-09-04", Find(text, t, "4").Value);
        Assert.Equal("2023-09-05", Find(text, t, "5 September").Value);
    }

    [Fact]
    public void A_24_hour_clock_time_needs_at_or_hrs()
    {
        const string text = "On Aug. 28 he was shot at 10:57. The curfew began at 19:00hrs. The ratio was 3:1. Verse John 3:16 was read.";
        var t = Tag(text, "2023-08-30");
        Assert.Equal("2023-08-28T10:57", Find(text, t, "10:57").Value);
        Assert.Equal("2023-08-28T19:00", Find(text, t, "19:00hrs").Value);
        Assert.DoesNotContain(t, x => text.Substring(x.Span.Start, x.Span.Length).Contains("3:1", StringComparison.Ordinal));
    }

    [Fact]
    public void In_a_history_a_year_far_from_the_rest_does_not_move_the_reference_year()
    {
        // A history of 1919-1920 (every year written well before the DCT) with an aside to 1813.
        const string text = "In 1919 the armies met. In 1920 they fought again. The war of 1919 and 1920 ended in 1920. "
            + "Talks in 1920 failed. By 1920 the front had moved; in 1919 it had stood still. In 1920 the cavalry charged, "
            + "in the largest cavalry battle since 1813. On 2 October the Soviets offered terms. In 1920 and 1921 the treaty was signed.";
        var t = Tag(text, "2009-12-19");
        Assert.Equal("1813", Find(text, t, "1813").Value);
        Assert.Equal("1920-10-02", Find(text, t, "2 October").Value);
    }

    [Fact]
    public void A_history_of_antiquity_counts_in_BC_years()
    {
        const string text = "Persia had ruled Thrace since 513 BC. The first expedition sailed in 492 BC and was wrecked off Athos. "
            + "The following year, envoys demanded earth and water. In 490 BC a fleet burned Naxos, which had resisted a decade earlier. "
            + "The army reached Marathon in the summer. In April 480 BC the king crossed into Europe; in September the city burned. "
            + "By the spring of 479 BC the allies had gathered. Throughout the 470s BC the league campaigned in Thrace, "
            + "and in the early part of the next decade it turned to Asia.";
        var t = Tag(text, "2009-12-19");
        Assert.Equal("BC0513", Find(text, t, "513 BC").Value);
        Assert.Equal("BC0491", Find(text, t, "The following year").Value);
        Assert.Equal("BC0500", Find(text, t, "a decade earlier").Value);
        Assert.Equal("BC0490-SU", Find(text, t, "the summer").Value);
        Assert.Equal("BC0480-04", Find(text, t, "April 480 BC").Value);
        Assert.Equal("BC0480-09", Find(text, t, "September").Value);
        Assert.Equal("BC0479-SP", Find(text, t, "the spring of 479 BC").Value);
        Assert.Equal("BC047", Find(text, t, "the 470s BC").Value);
        Assert.Equal("BC046", Find(text, t, "the early part of the next decade").Value);
    }

    [Theory]
    [InlineData(2023, 11, 2, 2024, 1)]
    [InlineData(2023, 1, -1, 2022, 12)]
    [InlineData(-4, 4, 1, -4, 5)]   // April 5 BC, the following month: May 5 BC
    [InlineData(-4, 1, -1, -5, 12)] // January 5 BC, the previous month: December 6 BC
    [InlineData(0, 12, 1, 1, 1)]    // December 1 BC, the following month: January AD 1
    public void Month_arithmetic_runs_across_the_era(int y, int m, int n, int ey, int em)
    {
        Assert.Equal((ey, em), TimexCalendar.AddMonths(y, m, n));
        Assert.Equal("BC0005-05", TimexCalendar.Month(-4, 5));
        Assert.Equal("BC0001", TimexCalendar.Year(0));
    }

    [Fact]
    public void In_a_history_a_year_looked_ahead_to_does_not_move_the_story()
    {
        // A history of 1974-1975: a campaign planned for 1976, told on 10 March 1975, leaves "11 March" in 1975.
        const string text = "In 1973 the offensive stalled. In 1974 the planners met again, and in October 1974 they chose a target. "
            + "On 13 December 1974 the attack began. On 10 March 1975 the general launched the campaign. "
            + "If the town fell, the road would be open for a campaign planned for 1976. The defence collapsed on 11 March.";
        var t = Tag(text, "2009-12-19");
        Assert.Equal("1976", Find(text, t, "1976").Value);
        Assert.Equal("1975-03-11", Find(text, t, "11 March").Value);
    }

    [Fact]
    public void In_a_history_days_counted_from_a_bare_year_keep_the_day_unknown()
    {
        // Only "1980" is known when "three days later" comes: a day of 1980, not 4 January.
        const string text = "In 1978 the border was quiet. On 12 March 1979 the talks failed. In 1980 the army crossed the river. "
            + "Three days later, the city fell.";
        Assert.Equal("1980-XX-XX", Find(text, Tag(text, "2009-12-19"), "Three days later").Value);
    }

    [Fact]
    public void In_a_history_of_antiquity_the_same_day_is_a_day_of_the_BC_month()
    {
        // A history of antiquity: five BC years and no AD one.
        const string text = "In 490 BC the first invasion failed. The old king died in 486 BC. In 481 BC his son gathered an army. "
            + "In 480 BC it crossed into Greece. In June 479 BC the armies met at Plataea. That same day the fleet won at Mycale.";
        Assert.Equal("BC0479-06-XX", Find(text, Tag(text, "2009-12-19"), "That same day").Value);
    }

    [Fact]
    public void In_a_history_a_season_with_its_year_moves_the_story_and_years_earlier_do_not()
    {
        // "By the spring of 1915 ... in May": May 1915. "A year earlier" looks back from March 1951; April 9 stays in 1951.
        const string spring = "In 1913 the crisis deepened. In August and September 1914 the armies clashed. By the spring of 1915, "
            + "the Russians had retreated, and in May the Central Powers broke through.";
        Assert.Equal("1915-05", Find(spring, Tag(spring, "2009-12-19"), "May").Value);
        const string earlier = "In 1948 the border was drawn. In 1949 the raids began. In March 1951 the offensive began, "
            + "as the first one had, a year earlier. On April 9 the capital fell.";
        var t = Tag(earlier, "2009-12-19");
        Assert.Equal("1950", Find(earlier, t, "a year earlier").Value);
        Assert.Equal("1951-04-09", Find(earlier, t, "April 9").Value);
    }

    [Theory]
    // A month or a day joined to one with its year takes that year; running across New Year, the year before.
    [InlineData("In April and June 1955, Diem cleared the sects.", "2009-12-19", "April", "1955-04")]
    [InlineData("Votes are due in April or May 2025.", "2023-06-14", "April", "2025-04")]
    [InlineData("The siege lasted from December to February 1943.", "2009-12-19", "December", "1942-12")]
    [InlineData("Talks ran from March through May 12, 2021.", "2023-06-14", "March", "2021-03")]
    [InlineData("The Battle of Old Baldy (26 June - 4 August 1952) was fought.", "2009-12-19", "26 June", "1952-06-26")]
    [InlineData("Fighting raged between January 12 and January 19, 1936, in the south.", "2009-12-19", "January 12", "1936-01-12")]
    [InlineData("The withdrawal ran from November 15 to February 15, 1989.", "2009-12-19", "November 15", "1988-11-15")]
    public void A_month_or_day_joined_to_one_with_its_year_takes_that_year(string text, string dct, string extent, string value) =>
        Assert.Equal(value, Find(text, Tag(text, dct), extent).Value);

    [Fact]
    public void In_a_history_a_bare_season_is_of_the_storys_year_and_a_winter_after_autumn_is_named_by_its_January()
    {
        // The past tense of a history says nothing of which winter: after December 1777 it is the one beginning (1778-WI),
        // where a news report's past tense would pick the last one.
        const string text = "In 1776 the army held New York. In 1777 Howe took Philadelphia on September 26. "
            + "Washington camped at Valley Forge in December 1777. Over the winter, many died. In March 1778 the army drilled. "
            + "During the summer, France joined the war.";
        var t = Tag(text, "2009-12-19");
        Assert.Equal("1778-WI", Find(text, t, "the winter").Value);
        Assert.Equal("1778-SU", Find(text, t, "the summer").Value);
    }

    [Fact]
    public void In_a_history_of_antiquity_a_winter_after_an_autumn_is_the_winter_it_leads_into()
    {
        const string text = "In 490 BC the first invasion failed. The old king died in 486 BC. In 484 BC Egypt revolted. "
            + "The army gathered in the summer and autumn of 481 BC, and passed the winter at Sardis. In 480 BC it crossed into Greece.";
        Assert.Equal("BC0480-WI", Find(text, Tag(text, "2009-12-19"), "the winter").Value);
    }

    [Fact]
    public void In_a_history_today_and_tomorrow_quoted_are_the_speakers_days_not_the_articles()
    {
        const string text = "In 1934 the border clash began. In 1935 the army invaded. In May 1936 the capital fell. "
            + "At the League in June 1936 the emperor warned that: \"It is us today. It will be you tomorrow.\" Today the speech is famous.";
        var t = Tag(text, "2009-12-19");
        Assert.Equal("XXXX-XX-XX", Find(text, t, "today").Value);
        Assert.Equal("XXXX-XX-XX", Find(text, t, "tomorrow").Value);
        // Outside the quotation it is the article's own day.
        Assert.Equal("2009-12-19", Find(text, t, "Today").Value);
    }

    [Fact]
    public void The_same_month_is_that_of_the_date_or_month_written_last()
    {
        const string text = "In 1960 the war widened. In 1961 the talks failed. Bombs went off daily in March 1962. "
            + "The two sides concluded a truce on June 17, 1962. In the same month, 350,000 people left.";
        Assert.Equal("1962-06", Find(text, Tag(text, "2009-12-19"), "the same month").Value);
    }

    [Fact]
    public void In_a_history_a_later_date_reached_by_until_does_not_move_the_story()
    {
        // "lasted until … February 1945" ends a state; the story stays in 1943 and "the start of July" with it.
        const string text = "In 1942 the front held. In 1943 the army attacked in the south, and in March 1943 it reached the river. "
            + "The occupation that followed lasted until the fall of the capital in February 1945. "
            + "By the start of July, the army had crossed the river.";
        var t = Tag(text, "2009-12-19");
        Assert.Equal("1945-02", Find(text, t, "February 1945").Value);
        Assert.Equal("1943-07", Find(text, t, "the start of July").Value);
    }

    [Theory]
    // A range runs forward: alone, "January" in a present-tense August report would be next January.
    [InlineData("The report covers the period from January to June.", "2023-08-30", "2023-01", "2023-06")]
    [InlineData("The exhibition runs Oct. 3 to Jan. 15.", "2023-08-30", "2023-10-03", "2024-01-15")]
    [InlineData("Between March and May, more than 300 people were arrested.", "2023-08-30", "2023-03", "2023-05")]
    [InlineData("The survey ran from November to February.", "2023-08-30", "2022-11", "2023-02")]
    public void A_range_of_months_or_days_runs_forward(string text, string dct, string first, string second)
    {
        var t = Tag(text, dct).Where(x => x.Type == TimexType.Date).ToList();
        Assert.Equal(2, t.Count);
        Assert.Equal((first, second), (t[0].Value, t[1].Value));
    }

    [Theory]
    // A month or day "of that year" takes the year last written, as one expression.
    [InlineData("The war began in April 1861. The first battle came on July 25 of that year.", "July 25 of that year", "1861-07-25")]
    [InlineData("Talks opened in 1958; a truce followed in November of the same year.", "November of the same year", "1958-11")]
    [InlineData("The treaty was signed in 1920 and ratified in March of the following year.", "March of the following year", "1921-03")]
    public void A_month_of_that_year_is_in_the_year_last_written(string text, string extent, string value) =>
        Assert.Equal(value, Find(text, Tag(text, "2009-12-19"), extent).Value);

    [Theory]
    // "early in", "later in" are the position in the expression that follows, as "early" alone is.
    [InlineData("The war began early in 1862.", "early in 1862", "START")]
    [InlineData("Later in 1792, the king fled.", "Later in 1792", "END")]
    [InlineData("Prices fell earlier in the year.", "earlier in the year", "START")]
    public void Early_in_and_later_in_mark_the_position(string text, string extent, string mod) =>
        Assert.Equal(mod, Find(text, Tag(text, "1989-10-26"), extent).Mod);

    [Theory]
    // "over a week" is more than one; "over three years" mostly means during them, and "over" stays outside.
    [InlineData("The strike, which lasted over a week, ended on Friday.", "over a week", "MORE_THAN")]
    [InlineData("The fund was used over three years for acquisitions.", "three years", null)]
    public void Over_one_unit_is_more_than_it(string text, string extent, string? mod) =>
        Assert.Equal(mod, Find(text, Tag(text, "1989-10-26"), extent).Mod);

    [Theory]
    [InlineData("Athens rose to power in the 4th century BC.", "the 4th century BC", "BC03")]
    [InlineData("The city was founded ca. 466 BC by settlers.", "ca. 466 BC", "BC0466")]
    [InlineData("The empire had lasted 1,460 years.", "1,460 years", "P1460Y")]
    [InlineData("The bombing began at 5:00 am on October 3, 1935, without warning.", "5:00 am on October 3, 1935", "1935-10-03T05:00")]
    [InlineData("The troops crossed at 19:00 hr on the first day.", "19:00 hr", "2009-12-19T19:00")]
    public void Eras_approximations_and_long_numbers(string text, string extent, string value) =>
        Assert.Equal(value, Find(text, Tag(text, "2009-12-19"), extent).Value);

    [Theory]
    // A year after a preposition, a possessive or at a sentence's start is still a year.
    [InlineData("The platform said so. (In 2018, the site revealed the list.)", "2018")]
    [InlineData("Critics said Trump's 2017 tax cuts favored the rich.", "2017")]
    [InlineData("Since 2019 the rate has doubled.", "2019")]
    public void A_year_after_a_capitalized_function_word_or_possessive_stays_a_year(string text, string year) =>
        Assert.Equal(year, Find(text, Tag(text, "2023-08-30"), year).Value);

    [Theory]
    // "around" joins a calendar date as APPROX; before a weekday it stays outside, as TimeBank and WikiWars leave it.
    [InlineData("The merger should close around Nov. 1, the company said.", "around Nov. 1", "APPROX")]
    [InlineData("The offensive stalled around March 1981.", "around March 1981", "APPROX")]
    [InlineData("Talks resumed around Wednesday.", "Wednesday", null)]
    public void Around_a_calendar_date_is_approximate(string text, string extent, string? mod) =>
        Assert.Equal(mod, Find(text, Tag(text, "1989-10-26"), extent).Mod);

    [Theory]
    // A part of the day in the story is a TIME of the day last spoken of.
    [InlineData("The president spoke on Tuesday. That evening, crowds gathered.", "That evening", "2023-08-29TEV")]
    [InlineData("Police arrested him on Aug. 12. The following morning he was freed.", "The following morning", "2023-08-13TMO")]
    [InlineData("The vote was held on June 4. Protests erupted later that night.", "later that night", "2023-06-04TNI")]
    public void A_part_of_the_day_in_the_story_is_a_time_of_that_day(string text, string extent, string value)
    {
        var t = Find(text, Tag(text, "2023-08-30"), extent);
        Assert.Equal((TimexType.Time, value), (t.Type, t.Value));
    }

    [Theory]
    // Clock times joined as a range share the day one of them names, across midnight where the clock says so.
    [InlineData("The attack occurred between 2 a.m. and 4 a.m. on Monday.", "2023-08-28T02:00", "2023-08-28T04:00")]
    [InlineData("The curfew runs from 10 p.m. Friday to 6 a.m.", "2023-08-25T22:00", "2023-08-26T06:00")]
    [InlineData("The strike lasted from 10 p.m. to 2 a.m. on Saturday.", "2023-08-25T22:00", "2023-08-26T02:00")]
    public void Clock_times_in_a_range_share_their_day(string text, string first, string second)
    {
        var t = Tag(text, "2023-08-30");
        Assert.Equal(2, t.Count);
        Assert.Equal((first, second), (t[0].Value, t[1].Value));
    }

    [Fact]
    public void Seasons_in_a_range_keep_their_year()
    {
        // WikiWars' Polish-Soviet War: "saved the Bolshevik government in summer-fall 1919". Season codes do not order,
        // so "summer-fall" is not an inverted range to be set right by moving summer to 1918.
        var doc = Sitrep.Time.TimeMl.TimeMlDocument.Load(TestPaths.Shared("data", "timex", "wikiwars", "20_PolishSoviet.tml"));
        var t = TimexTagger.Default.Annotate(doc.Text, doc.DctDate);
        int at = doc.Text.IndexOf("in summer-fall 1919", StringComparison.Ordinal) + 3;
        Assert.True(at > 3);
        var summer = Assert.Single(t, x => x.Span.Start == at);
        Assert.Equal("1919-SU", summer.Value);
    }

    [Theory]
    // "March" and "May" after "for" only where an arrangement takes the date ("voted for May" is a person).
    [InlineData("Deliveries were scheduled for March, according to the contract.", "March", "2024-03")]
    [InlineData("The vote is set for 9:30 a.m. EDT Thursday.", "9:30 a.m. EDT Thursday", "2023-08-31T09:30")]
    public void An_arrangement_for_a_date_looks_ahead(string text, string extent, string value) =>
        Assert.Equal(value, Find(text, Tag(text, "2023-08-30"), extent).Value);

    [Fact]
    public void A_month_name_after_for_without_an_arrangement_is_not_a_date() =>
        Assert.DoesNotContain(Tag("Most Conservative members voted for May in the first ballot.", "2019-06-20"), x => x.Value.Contains("-05", StringComparison.Ordinal));

    [Theory]
    // "the decade" and "the century" in news are the current ones, with the position a modifier gives.
    [InlineData("By the end of the decade, output is expected to double.", "the end of the decade", "202", "END")]
    [InlineData("Emissions must fall by the middle of the century.", "the middle of the century", "20", "MID")]
    [InlineData("It was the worst drought of the century, officials said.", "the century", "20", null)]
    public void The_decade_and_the_century_are_the_current_ones(string text, string extent, string value, string? mod)
    {
        var t = Find(text, Tag(text, "2023-08-30"), extent);
        Assert.Equal((value, mod), (t.Value, t.Mod));
    }

    [Theory]
    [InlineData("The decade before the war was calm.")]
    [InlineData("They crossed the century-old bridge.")]
    public void The_decade_or_century_of_another_time_is_not_the_current_one(string text) =>
        Assert.DoesNotContain(Tag(text, "2023-08-30"), x => x.Value is "202" or "20");

    [Theory]
    // A week counted within a month is the ISO week holding most of that week's days: 4 September 2023 is a Monday.
    [InlineData("The talks are expected in the first week of September.", "2023-08-30", "the first week of September", "2023-W36")]
    [InlineData("Fighting intensified in the last week of August 1918.", "2009-12-19", "the last week of August 1918", "1918-W35")]
    [InlineData("Sales fell in the second week of July.", "2023-08-30", "the second week of July", "2023-W28")]
    // The first weekend of October 2023 is Saturday the 7th (the 1st is a Sunday, the tail of September's last weekend).
    [InlineData("The first weekend of October is busy.", "2023-08-30", "The first weekend of October", "2023-W40-WE")]
    // 30 June 2023 is a Friday: June's last weekend is the 24th and 25th.
    [InlineData("Crowds gathered on the last weekend of June.", "2023-08-30", "the last weekend of June", "2023-W25-WE")]
    public void A_week_of_a_month_is_its_ISO_week(string text, string dct, string extent, string value) =>
        Assert.Equal(value, Find(text, Tag(text, dct), extent).Value);

    [Theory]
    // A date after "since" lies behind, even where the clause's tense says nothing of it.
    [InlineData("Since Oct. 7, more than 1,200 people have been killed.", "2023-08-30", "Oct. 7", "2022-10-07")]
    [InlineData("Prices have risen since Friday.", "2023-08-30", "Friday", "2023-08-25")]
    [InlineData("The border has been closed since December, and will stay closed.", "2023-08-30", "December", "2022-12")]
    public void A_date_after_since_lies_behind(string text, string dct, string extent, string value) =>
        Assert.Equal(value, Find(text, Tag(text, dct), extent).Value);

    [Theory]
    // The day a change takes effect is announced ahead of it, whatever the tense of the report.
    [InlineData("The bank also created a four-member office of the chairman, effective Feb. 1.", "1989-10-26", "Feb. 1", "1990-02-01")]
    [InlineData("The board approved the new fee schedule, effective as of March 1.", "2023-08-30", "March 1", "2024-03-01")]
    [InlineData("The company said the price rise was effective in January.", "2023-11-20", "January", "2024-01")]
    // Without "effective" the past-tense report keeps the day gone by.
    [InlineData("The bank also created a four-member office of the chairman on Feb. 1.", "1989-10-26", "Feb. 1", "1989-02-01")]
    public void An_effective_date_looks_ahead(string text, string dct, string extent, string value) =>
        Assert.Equal(value, Find(text, Tag(text, dct), extent).Value);

    [Theory]
    [InlineData("Troops crossed the border on the night of Aug. 29.", "the night of Aug. 29", "2023-08-29TNI")]
    [InlineData("The attack came in the early hours of Sunday.", "the early hours of Sunday", "2023-08-27TNI")]
    [InlineData("Early in the morning of 29 April 1975 the city fell.", "Early in the morning of 29 April 1975", "1975-04-29TMO")]
    [InlineData("It rained on the evening of Aug. 28.", "the evening of Aug. 28", "2023-08-28TEV")]
    public void The_part_of_a_named_day_is_a_time_of_that_day(string text, string extent, string value)
    {
        var t = Find(text, Tag(text, "2023-08-30"), extent);
        Assert.Equal((TimexType.Time, value), (t.Type, t.Value));
    }

    [Fact]
    public void The_latter_half_of_a_year_is_its_second_half() =>
        Assert.Equal("2008-H2", Find("Sales rose in the latter half of 2008.", Tag("Sales rose in the latter half of 2008.", "2009-01-10"), "the latter half of 2008").Value);

    [Fact]
    public void A_text_dense_with_written_years_is_read_as_a_history_even_of_recent_years()
    {
        // An encyclopedic account of 2003-2008 written in 2009: thirty written years, none with a news dateline.
        var years = string.Concat(Enumerable.Range(0, 30).Select(i => $"In {2003 + i % 5} the war went on. "));
        var text = years + "In 2007 a surge began. In February, the new commander arrived.";
        var t = Tag(text, "2009-12-19");
        Assert.Equal("2007-02", Find(text, t, "February").Value);
        // A news report with few years keeps the DCT's reading.
        const string news = "In 2007 a surge began. In February, the new commander arrived.";
        Assert.Equal("2009-02", Find(news, Tag(news, "2009-12-19"), "February").Value);
    }

    [Fact]
    public void Years_scattered_over_a_century_do_not_make_a_news_piece_a_history()
    {
        // A culture preview citing works from many decades, then a concert date: the concert is this spring's.
        const string text = "The films of 1858, 1926, 1944, 1961, 1966, 1968, 1969, 1975, 1979, 1981, 1984, 1993 and 2011 return. "
            + "The quartet plays a new work by Thomas Ades (April 18), at Carnegie Hall.";
        Assert.Equal("2024-04-18", Find(text, Tag(text, "2024-03-01"), "April 18").Value);
    }

    [Fact]
    public void A_named_local_time_takes_the_day_written_after_it()
    {
        // The clock time is its own TIMEX ("5:34 AM"), dated by the day after "Baghdad time on" / "local time on".
        const string text = "The first missiles hit at 5:34 AM Baghdad time on March 20, 2003. "
            + "A second wave came at 9 p.m. Moscow time on Friday, and a third at 6 a.m. local time on Monday.";
        var t = Tag(text, "2023-08-31");
        var first = Find(text, t, "5:34 AM");
        Assert.Equal(("2003-03-20T05:34", "none"), (first.Value, first.Anchor));
        Assert.Equal("2003-03-20", Find(text, t, "March 20, 2003").Value);
        Assert.Equal("2023-08-25T21:00", Find(text, t, "9 p.m.").Value);
        Assert.Equal("2023-08-28T06:00", Find(text, t, "6 a.m.").Value);
    }

    [Theory]
    // A weekday with its week: that day of the ISO week before, after or holding the report's date (Wednesday 14 June 2023).
    [InlineData("The report came on Monday last week.", "Monday last week", "2023-06-05")]
    [InlineData("The council will meet on Thursday next week.", "Thursday next week", "2023-06-22")]
    [InlineData("The results are due Friday this week.", "Friday this week", "2023-06-16")]
    [InlineData("Voting ended on Sunday, last week.", "Sunday, last week", "2023-06-11")]
    [InlineData("Drones struck on Tuesday night last week.", "Tuesday night last week", "2023-06-06TNI")]
    public void A_weekday_with_its_week_is_that_day_of_that_week(string text, string extent, string value) =>
        Assert.Equal(value, Find(text, Tag(text, "2023-06-14"), extent).Value);

    [Theory]
    // Two units back or ahead of the report's date (Wednesday 14 June 2023, ISO week 24).
    [InlineData("The weekend before last was calm.", "The weekend before last", "2023-W22-WE")]
    [InlineData("Talks collapsed the week before last.", "the week before last", "2023-W22")]
    [InlineData("Prices rose the month before last.", "the month before last", "2023-04")]
    [InlineData("Elections are due the year after next.", "the year after next", "2025")]
    [InlineData("The summit is set for the week after next.", "the week after next", "2023-W26")]
    public void The_unit_before_last_and_after_next_are_two_units_away(string text, string extent, string value) =>
        Assert.Equal(value, Find(text, Tag(text, "2023-06-14"), extent).Value);

    [Theory]
    [InlineData("Prices fell in January, the month before last year's crash.")]
    [InlineData("The week before last Friday was calm.")]
    [InlineData("Talks stalled the week before last summer's vote.")]
    public void Before_last_followed_by_a_time_word_is_no_unit_before_last(string text) =>
        Assert.DoesNotContain(Tag(text, "2023-06-14"), t => text.Substring(t.Span.Start, t.Span.Length).Contains("before", StringComparison.OrdinalIgnoreCase));

    [Fact]
    public void A_clock_time_and_its_GMT_equivalent_in_parentheses_take_the_day_written_after_them()
    {
        // Wire copy gives the GMT time in parentheses between the local time and its day. A day written before (Saturday)
        // must not date them; a GMT time across midnight from the local one is the day before or after.
        const string text = "Talks broke down on Saturday. Shelling began at 4:30 a.m. local time (0130 GMT) on Thursday. "
            + "The strike hit at 9 p.m. (1800 GMT) on Wednesday. Sirens sounded at 1:30 a.m. local time (2230 GMT) on Friday. "
            + "Flights left at 11 p.m. (0300 GMT) on Tuesday.";
        var t = Tag(text, "2023-06-10");
        Assert.Equal("2023-06-08T04:30", Find(text, t, "4:30 a.m.").Value);
        Assert.Equal("2023-06-08T01:30", Find(text, t, "0130 GMT").Value);
        Assert.Equal("2023-06-07T21:00", Find(text, t, "9 p.m.").Value);
        Assert.Equal("2023-06-07T18:00", Find(text, t, "1800 GMT").Value);
        Assert.Equal("2023-06-09T01:30", Find(text, t, "1:30 a.m.").Value);
        Assert.Equal("2023-06-08T22:30", Find(text, t, "2230 GMT").Value);
        Assert.Equal("2023-06-06T23:00", Find(text, t, "11 p.m.").Value);
        Assert.Equal("2023-06-07T03:00", Find(text, t, "0300 GMT").Value);
    }

    [Fact]
    public void Time_zones_resolve_to_offsets()
    {
        const string text = "The launch came at 11:10 PM IST and was confirmed at 5 p.m. EST.";
        var t = Tag(text, "2023-08-30");
        Assert.Equal(new TimeSpan(5, 30, 0), Find(text, t, "11:10 PM IST").ZoneOffset);
        Assert.Equal(TimeSpan.FromHours(-5), Find(text, t, "5 p.m. EST").ZoneOffset);
        Assert.Equal(TimeSpan.FromHours(8), TimeZones.Offset("GMT+8"));
        // A US zone written without its season is daylight time where the date falls in it.
        const string us = "Trading halted at 2 p.m. ET on Friday. Markets open at 9:30 a.m. ET on Jan. 3, 2024. The launch came at 1:30 a.m. PT on March 12, 2023.";
        var tu = Tag(us, "2023-06-14");
        Assert.Equal(TimeSpan.FromHours(-4), Find(us, tu, "2 p.m. ET on Friday").ZoneOffset);
        Assert.Equal(TimeSpan.FromHours(-5), Find(us, tu, "9:30 a.m. ET on Jan. 3, 2024").ZoneOffset);
        // The clocks went forward at 2:00 on 12 March 2023: 1:30 a.m. was still standard time.
        Assert.Equal(TimeSpan.FromHours(-8), Find(us, tu, "1:30 a.m. PT on March 12, 2023").ZoneOffset);
        Assert.Equal(TimeSpan.FromHours(-7), TimeZones.Offset("PT", new DateOnly(2023, 3, 12), new TimeOnly(3, 0)));
        Assert.Equal(TimeSpan.FromHours(-5), TimeZones.Offset("ET", null));
        // US zones by name after the clock time: daylight by the date unless the name says which; the day after them dates the time.
        const string named = "Polls will close at 8 p.m. Eastern time on Tuesday. Flights resume at 6 a.m. Central Standard Time on Jan. 3, 2024.";
        var tn = Tag(named, "2023-06-14");
        var polls = Find(named, tn, "8 p.m.");
        Assert.Equal(("2023-06-20T20:00", TimeSpan.FromHours(-4)), (polls.Value, polls.ZoneOffset));
        var flights = Find(named, tn, "6 a.m.");
        Assert.Equal(("2024-01-03T06:00", TimeSpan.FromHours(-6)), (flights.Value, flights.ZoneOffset));
        const string iso = "The feed stamped it 2023-06-10T14:05Z and 2023-06-10T17:05+03:00.";
        var ti = Tag(iso, "2023-08-30");
        Assert.Equal(TimeSpan.Zero, Find(iso, ti, "2023-06-10T14:05Z").ZoneOffset);
        Assert.Equal(TimeSpan.FromHours(3), Find(iso, ti, "2023-06-10T17:05+03:00").ZoneOffset);
        Assert.Equal(new TimeSpan(-5, -30, 0), TimeZones.Offset("UTC-05:30"));
        Assert.Null(TimeZones.Offset("XYZ"));
    }

    [Fact]
    public void Year_earlier_counts_from_the_date_written_last()
    {
        // The year 2016 was written before the half-year's end date: "a year earlier" counts from the date, not from 2016.
        const string text = "The chief executive joined the grocer in 2016. For the six months ended Aug. 12, it earned C$6 million, "
            + "against C$18 million a year earlier.";
        Assert.Equal("2022", Find(text, Tag(text, "2023-10-26"), "a year earlier").Value);
        // And the other way round: the year written after the date is the one counted from.
        const string story = "The board met on Aug. 12. They had first met in 2009 and merged six years later.";
        Assert.Equal("2015", Find(story, Tag(story, "2023-10-26"), "six years later").Value);
    }

    [Fact]
    public void Following_month_counts_from_the_month_written_last()
    {
        const string text = "In March, the hospital group received a buy-out offer. The following month, it put itself up for sale.";
        Assert.Equal("2023-04", Find(text, Tag(text, "2023-10-27"), "The following month").Value);
    }

    [Fact]
    public void Today_as_this_day_is_kept_beside_the_present_age_and_titles()
    {
        const string text = "Today the ministers meet. The offer, advertised in today's editions, was welcomed by USA Today. "
            + "But today's world is different, and the vote is today.";
        var t = Tag(text, "1998-04-24");
        Assert.Equal("1998-04-24", Find(text, t, "Today").Value);
        Assert.Equal("1998-04-24", t.Single(x => x.Span.Start == text.IndexOf("today's editions", StringComparison.Ordinal)).Value);
        Assert.Equal("1998-04-24", t.Single(x => x.Span.Start == text.LastIndexOf("today", StringComparison.Ordinal)).Value);
        Assert.Equal(3, t.Count(x => text.Substring(x.Span.Start, x.Span.Length).Equals("today", StringComparison.OrdinalIgnoreCase)));
    }

    [Theory]
    [InlineData("The treaty was signed on February 30.", "February 30")]
    [InlineData("He finished the 45th in line.", "45th")]
    [InlineData("The code 20233 was rejected.", "20233")]
    [InlineData("An F-16 crashed.", "16")]
    [InlineData("The ticket cost $2,023.", "2,023")]
    [InlineData("Traffic on Route 66 was heavy.", "66")]
    [InlineData("Route 2023 is closed.", "2023")]
    [InlineData("About 1500 troops arrived.", "1500")]
    // Ages are not temporal expressions.
    [InlineData("The 6-year-old boy returned to Cuba.", "6-year")]
    [InlineData("A 44-year-old man was arrested.", "44-year")]
    [InlineData("He is 52 years old.", "52 years")]
    [InlineData("Nasdaq's average daily volume rose.", "daily")]
    // Award titles are not dates.
    [InlineData("She was nominated for International Artist of the Year.", "the Year")]
    // An abbreviated month before a capitalized word is a given name.
    [InlineData("The ministers of Poland, Hungary and Jan Kavan of the Czech Republic signed.", "Jan")]
    // "Today" in a title, and "today's" meaning the present age, are not this day.
    [InlineData("The figures were first reported by USA Today on its website.", "Today")]
    [InlineData("She told the Today show that she would run.", "Today")]
    [InlineData("The case of Elian is for today's youth what the blockade was for earlier generations.", "today")]
    [InlineData("Intel's chips are in many of today's personal computers.", "today")]
    // Non-ASCII digits match \d but are not parsed as a year (this used to throw).
    [InlineData("The agreement of \u0661\u0669\u0669\u0668 was renewed.", "\u0661\u0669\u0669\u0668")]
    [InlineData("Signed on 3 March \u0661\u0669\u0669\u0668.", "\u0661\u0669\u0669\u0668")]
    // A number right after a capitalized word inside a sentence names something: a game, a union local, an act.
    [InlineData("Fans of the game Cyberpunk 2077 waited for the patch.", "2077")]
    [InlineData("Several labor unions, including SEIU Local 2015, backed the bill.", "2015")]
    [InlineData("Lawmakers said The National Security Act 2024 would pass.", "2024")]
    // A number word run into a unit is no quantity: "Someday later" is not "some days later" (AQUAINT leaves "someday" untagged).
    [InlineData("Someday later they may return to the valley.", "Someday")]
    public void Bad_input_gives_no_timex(string text, string notDate)
    {
        var timexes = Tag(text, "2023-08-30");
        int at = text.IndexOf(notDate, StringComparison.Ordinal);
        Assert.DoesNotContain(timexes, t => t.Span.Overlaps(new TextSpan(at, at + notDate.Length)));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \n\n  ")]
    [InlineData("99:99 p.m. on 13/45/2023, Feb. 31, 0000-00-00, 9999-12-31, Q9, the 99th century, 12 a.m., 00:00 GMT+99")]
    [InlineData("nineteen hundred and ninety-nine nineteen oh five two thousand and twelve in the year 10000")]
    [InlineData("January 1, 0001, and the year 1 and December 31, 9999 with last week and next year")]
    [InlineData("\u0000\uFFFF\uD800 Wednesday \uDC00 March 2023")]
    [InlineData("April 0 BC, the spring of 0 BC, the 00s BC, 99999 BC, 1 BC and the following year, 9999 BC a decade earlier, the 990s BC")]
    [InlineData("In 1 BC, 2 BC, 3 BC, 4 BC and 5 BC. The following year. In April 1 BC, the following month, the next decade, the previous century. "
        + "In 9999 BC a decade earlier, three centuries earlier, in the winter, the following week, the next day, on Monday, at 5 p.m., on 3 May, last spring.")]
    [InlineData("Feb. 28-31, 1999-2101, 1950-49, Dec. 30 to 31, 9999, April 0-0, the day before Jan. 1, 0001, the week of Dec. 31, 9999, 99 1/2 centuries-long")]
    [InlineData("the last week of December 9999, the first weekend of January 0001, the fourth week of February 0000, from December to January, "
        + "between Dec. 31 and Jan. 1, since Feb. 29, effective Feb. 29, by the end of the century, in the decade")]
    [InlineData("Monday last week, Sunday next week, the week before last, the year after next, the month before last, 9998/99, 9999/00, "
        + "1:30 a.m. local time (2230 GMT) on Monday, 11 p.m. (0300 GMT) on Sunday, noon ET, midnight PT Friday, 0000-01-01T24:00Z, on the 31st will, "
        + "31.02.2023, 2023/13/45, 99.99.9999, 0000.01.01, 13/13/2023, 29/02/2023")]
    [InlineData("this Easter, next Christmas, last Easter weekend, Memorial Day of 9999, Easter of 0001, the Jan. 6 committee, 9/11/9/11, "
        + "the October 7 attacks, 99999 hours and 99999 minutes, 1 year 2 months 3 days 4 hours, Tuesday's primary, the twenty-twenties, "
        + "the early aughts, last week from the previous week, last year and the previous year, the same week, close to a century, one day, "
        + "99 days a week, 0 hours a day, 1000000 times a year, every other 99999 centuries, 31 nights a month, "
        + "5-7 minutes, 0-0 years, 999 or 99999 centuries, the next 0 to 0 months, RTX 9999s, Super Monday Night Live, 9999, the year 0000, the year")]
    [InlineData("the second and third quarters of 9999, the fourth and first quarters, the first two quarters of 0000, the December quarter of 9999, "
        + "the March-May quarter, the spring and summer of 0000, the fall and winter of last year, January, February and March 0001, November and "
        + "January 0001, 31-Feb-02, 00-Jan-0000, 99-Dec-99, 29-Feb-00, 06:03:99 PM, 23:59:59 pm, the year before. The day after. The week before, "
        + "by year end, nearly half an hour, In November 9999 it began. On 31 November, Four months later, the end of the month, the talks are on Friday, "
        + "twenty working days, on friday, over 99999 hours ago, 190 km per hour, the '90s and \u201900s")]
    public void Odd_input_never_throws(string text)
    {
        var t1 = TimexTagger.Default.Annotate(text, new DateOnly(1, 1, 1));
        var t2 = TimexTagger.Default.Annotate(text, new DateOnly(9999, 12, 31));
        var t3 = TimexTagger.Default.Annotate(text, null);
        Assert.All(t1.Concat(t2).Concat(t3), t => Assert.True(t.Span.End <= text.Length && !t.Span.IsEmpty));
        // Values stay well formed: a month written after a year is 01-12 (BC years included), never "BC0001--7".
        Assert.All(t1.Concat(t2).Concat(t3), t =>
        {
            Assert.DoesNotContain("--", t.Value, StringComparison.Ordinal);
            var month = System.Text.RegularExpressions.Regex.Match(t.Value, @"^(?:BC)?\d{4,5}-(\d{2})(?!\d)");
            if (month.Success) Assert.InRange(int.Parse(month.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), 1, 12);
        });
    }

    [Fact]
    public void Without_a_dct_relative_values_are_unanchored()
    {
        const string text = "The talks ended on Friday and resume in March.";
        var t = TimexTagger.Default.Annotate(text, null);
        Assert.StartsWith("XXXX", Find(text, t, "Friday").Value, StringComparison.Ordinal);
        Assert.Equal("XXXX-03", Find(text, t, "March").Value);
    }

    // Without a DCT, what only the DCT could fix is unknown; what the text writes is kept.
    [Theory]
    [InlineData("Russia received shells last year, officials said.", "last year", "XXXX")]
    [InlineData("The talks will resume next month.", "next month", "XXXX-XX")]
    [InlineData("North Korea fired a missile on Wednesday, Seoul said.", "Wednesday", "XXXX-WXX-3")]
    [InlineData("Protesters gathered Friday night outside the embassy.", "Friday night", "XXXX-WXX-5TNI")]
    [InlineData("The ministry said it would respond on Oct. 12.", "Oct. 12", "XXXX-10-12")]
    [InlineData("The Times says in an editorial on Thursday, Jan. 6:", "Thursday, Jan. 6", "XXXX-01-06")]
    [InlineData("Rebels attacked the town yesterday at 3 p.m.", "3 p.m.", "XXXX-XX-XXT15:00")]
    [InlineData("The deal was signed in March 2021 in Geneva.", "March 2021", "2021-03")]
    [InlineData("Sales rose in the third quarter.", "the third quarter", "XXXX-Q3")]
    [InlineData("Sales rose this quarter.", "this quarter", "XXXX-QX")]
    [InlineData("Fighting resumed this summer.", "this summer", "XXXX-SU")]
    [InlineData("He will leave at the weekend.", "the weekend", "XXXX-WXX-WE")]
    [InlineData("The ceasefire lasted three years.", "three years", "P3Y")]
    [InlineData("The ban was imposed on 29 February.", "29 February", "XXXX-02-29")]
    public void Without_a_dct_only_what_the_text_fixes_is_written(string text, string extent, string value)
    {
        var t = Find(text, TimexTagger.Default.Annotate(text, null), extent);
        Assert.Equal(value, t.Value);
        if (value.Contains('X', StringComparison.Ordinal)) Assert.Equal("none", t.Anchor);
        Assert.NotEqual("dct", t.Anchor);
    }

    [Fact]
    public void Without_a_dct_a_history_still_follows_its_own_years()
    {
        const string text = "In 1940 the army was rebuilt. In 1941 it fought in the east, and in 1942 it reached the Volga. "
            + "In 1943 it was driven back. In 1944 it lost Kiev. In October it crossed into Hungary. By 1945 it had surrendered.";
        var t = TimexTagger.Default.Annotate(text, null);
        var october = Find(text, t, "October");
        Assert.Equal(("1944-10", "ref"), (october.Value, october.Anchor));
    }

    [Fact]
    public void Without_a_dct_a_report_that_names_old_years_does_not_take_its_days_from_them()
    {
        // Before, a text with no DCT was read as a history: "last month" became December 1979, "Friday" a day of 1987.
        const string text = "The company, founded in 1979, said Friday that sales fell last month. It was listed in 1987.";
        var t = TimexTagger.Default.Annotate(text, null);
        Assert.Equal("XXXX-WXX-5", Find(text, t, "Friday").Value);
        Assert.Equal("XXXX-XX", Find(text, t, "last month").Value);
        Assert.Equal("1979", Find(text, t, "1979").Value);
    }

    [Fact]
    public void Without_a_dct_the_same_expressions_are_found_and_no_written_date_differs_on_TimeBank()
    {
        // A golden property on real news: the DCT decides values, never recognition; a value written in full without the
        // DCT is the value written with it.
        int docs = 0, timexes = 0;
        foreach (var f in Directory.GetFiles(TestPaths.Shared("data", "timex", "TimeBank"), "*.tml").Order(StringComparer.Ordinal))
        {
            var d = Sitrep.Time.TimeMl.TimeMlDocument.Load(f);
            var with = TimexTagger.Default.Annotate(d.Text, d.DctDate);
            var without = TimexTagger.Default.Annotate(d.Text, null);
            Assert.Equal(with.Select(x => x.Span), without.Select(x => x.Span));
            foreach (var (a, b) in with.Zip(without))
            {
                Assert.Equal(a.Type, b.Type);
                if (!b.Value.Contains('X', StringComparison.Ordinal)) Assert.Equal(a.Value, b.Value);
                else Assert.True(Sitrep.Time.TimeMl.TimexValueNotation.AgreesWhereKnown(a.Value, b.Value), $"{Path.GetFileName(f)}: {a.Value} / {b.Value}");
            }
            docs++;
            timexes += with.Count;
        }
        Assert.True(docs >= 180 && timexes >= 1200, $"{docs} docs, {timexes} TIMEX3s");
    }

    [Fact]
    public async Task Annotation_is_deterministic()
    {
        var text = File.ReadAllText(TestPaths.Shared("samples", "seed-article.txt"));
        var a = Tag(text, "2023-08-30");
        var b = Tag(text, "2023-08-30");
        var c = await Task.Run(() => Tag(text, "2023-08-30"));
        Assert.Equal(a, b);
        Assert.Equal(a, c);
    }

    [Fact]
    public void Tense_hints_can_come_from_elsewhere()
    {
        const string text = "Officials meet Friday.";
        var past = TimexTagger.Default.Annotate(text, new DateOnly(2023, 8, 30), new FixedTense(TenseHint.Past));
        var future = TimexTagger.Default.Annotate(text, new DateOnly(2023, 8, 30), new FixedTense(TenseHint.Future));
        Assert.Equal("2023-08-25", Find(text, past, "Friday").Value);
        Assert.Equal("2023-09-01", Find(text, future, "Friday").Value);
    }

    private sealed class FixedTense(TenseHint tense) : ITenseHints
    {
        public TenseHint At(TextSpan span) => tense;
    }
}
