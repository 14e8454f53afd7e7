using System.Collections.Immutable;
using Sitrep.Actors;
using Sitrep.Events;

namespace Sitrep.Storage.Tests;

/// <summary>The same event reported by several articles becomes one event with its mentions; duplicates and versions do not inflate the counts.</summary>
public sealed class MergeTests : IDisposable
{
    private readonly TempStore _t = new();

    public void Dispose() => _t.Dispose();

    private StoreOutcome Put(Sitrep.Core.Document doc, int seed, Sitrep.Core.ContentHashes? hashes = null)
    {
        var run = _t.Store.BeginIngest("test");
        return _t.Store.Store(doc, hashes ?? Docs.Hashes(doc, seed), run, LayeredDocs.Versions);
    }

    private static readonly EventQuery ChinaPhilippines = new() { Actor = "CHN", Target = "PHL" };

    [Fact]
    public void Three_outlets_give_one_event_with_three_mentions()
    {
        Assert.Equal(StoreOutcomeKind.New, Put(LayeredDocs.Story("wire"), 1).Kind);
        Assert.Equal(StoreOutcomeKind.New, Put(LayeredDocs.Story("rewrite"), 2).Kind);
        Assert.Equal(StoreOutcomeKind.New, Put(LayeredDocs.Story("update"), 3).Kind);

        var e = Assert.Single(_t.Store.ListEvents(ChinaPhilippines));
        Assert.Equal(3, e.NumMentions);
        Assert.Equal(3, e.NumArticles);
        Assert.Equal(3, e.NumSources);
        Assert.Equal("190", e.Cameo);
        Assert.Equal("2024-03-05", e.Day);
        Assert.Equal("China Coast Guard", e.Source.Name);
        Assert.Equal("Second Thomas Shoal", e.Place?.Name);
        Assert.True(e.IsRoot);
        Assert.StartsWith("https://www.bayside-courier.example/", e.SourceUrl, StringComparison.Ordinal);
        Assert.Equal(3, _t.Count("events"));
        Assert.Equal(1, _t.Count("event_clusters"));
        Assert.Equal(3, _t.Store.ListMentions(ChinaPhilippines).Select(m => m.Outlet).Distinct().Count());
        // The articles share the event, so they are one story.
        var stories = _t.Store.ListDocuments(new DocumentQuery()).Select(d => _t.Store.GetStory(d.Id)).Distinct().ToList();
        Assert.Single(stories);
        // One actor identity across the three documents for the coast guard.
        Assert.Equal(1, Scalar("SELECT count(DISTINCT actor_key) FROM actor_mentions WHERE code = 'CHNMIL'"));
    }

    [Fact]
    public void Wire_copies_and_new_versions_do_not_inflate_the_counts()
    {
        var wire = LayeredDocs.Story("wire");
        var wireHashes = Docs.Hashes(wire, 1);
        Put(wire, 1, wireHashes);
        Put(LayeredDocs.Story("rewrite"), 2);
        Put(LayeredDocs.Story("update"), 3);
        // The same wire copy on a fourth site: an exact duplicate.
        var copy = LayeredDocs.Story("wire", urlOverride: "https://syndicated-news.example/world/shoal");
        Assert.Equal(StoreOutcomeKind.ExactDuplicate, Put(copy, 4, wireHashes with { SimHash = wireHashes.SimHash }).Kind);
        // The rewrite corrected at the same URL: a new version replaces the old one's mention.
        var corrected = LayeredDocs.Story("rewrite", bodySuffix: "\n\nThis article was corrected to give the name of the shoal.");
        Assert.Equal(StoreOutcomeKind.NewVersion, Put(corrected, 5).Kind);

        var e = Assert.Single(_t.Store.ListEvents(ChinaPhilippines));
        Assert.Equal(3, e.NumMentions);
        Assert.Equal(3, e.NumArticles);
        Assert.Equal(3, e.NumSources);
        Assert.Equal(5, _t.Count("events")); // every mention is kept, two of them not counted
        Assert.Equal(3, _t.Store.ListMentions(ChinaPhilippines).Count);
    }

    [Fact]
    public void One_article_telling_an_event_three_times_counts_three_mentions_of_one_event()
    {
        // The counts are taken once the whole document is written; each of its events must still be merged and counted.
        var doc = LayeredDocs.WithSentencesAndTokens(LayeredDocs.Plain(
            "A China Coast Guard ship fired a water cannon at a Philippine boat on Tuesday. Witnesses said the ship turned its water cannon on the boat. "
            + "The crew said the ship aimed a water cannon at them.",
            "https://d.example/repeat", "D", "2024-03-06"));
        doc = doc.With(ActorLayers.Actors, [LayeredDocs.Actor(doc, "China Coast Guard", "Q1065563", "China Coast Guard", "CHNMIL", "CHN", "MIL"),
                LayeredDocs.Actor(doc, "Philippine boat", null, "Philippines", "PHL", "PHL", null, ActorKind.State)])
            .With(EventLayers.Events, [
                LayeredDocs.Event(doc, "e1", "fired a water cannon", "190", 4, -10, 0, "CHNMIL", "CHN", 1, "PHL", "PHL", "2024-03-05"),
                LayeredDocs.Event(doc, "e2", "turned its water cannon", "190", 4, -10, 0, "CHNMIL", "CHN", 1, "PHL", "PHL", "2024-03-05"),
                LayeredDocs.Event(doc, "e3", "aimed a water cannon", "190", 4, -10, 0, "CHNMIL", "CHN", 1, "PHL", "PHL", "2024-03-05")]);
        Put(doc, 1);

        var e = Assert.Single(_t.Store.ListEvents(ChinaPhilippines));
        Assert.Equal(3, e.NumMentions);
        Assert.Equal(1, e.NumArticles);
        Assert.Equal(1, _t.Count("event_clusters"));
        Assert.Equal(1, Scalar("SELECT count(*) FROM event_clusters WHERE first_event_id = (SELECT min(id) FROM events)"));
    }

    [Fact]
    public void Other_dates_other_codes_and_denials_stay_apart()
    {
        Put(LayeredDocs.Story("wire"), 1);
        // Two weeks later, the same dyad and code: another incident.
        var later = LayeredDocs.WithSentencesAndTokens(LayeredDocs.Plain(
            "A China Coast Guard ship fired a water cannon at a Philippine boat near Scarborough Shoal on Tuesday, the military said.",
            "https://a.example/later", "A", "2024-03-19"));
        later = later.With(ActorLayers.Actors, [LayeredDocs.Actor(later, "China Coast Guard", "Q1065563", "China Coast Guard", "CHNMIL", "CHN", "MIL"),
                LayeredDocs.Actor(later, "Philippine boat", null, "Philippines", "PHL", "PHL", null, ActorKind.State)])
            .With(EventLayers.Events, [LayeredDocs.Event(later, "e1", "fired a water cannon", "190", 4, -10, 0, "CHNMIL", "CHN", 1, "PHL", "PHL", "2024-03-19")]);
        Put(later, 2);
        // The same day, but denied: a different claim.
        var denial = LayeredDocs.WithSentencesAndTokens(LayeredDocs.Plain(
            "China denied that its coast guard fired a water cannon at a Philippine boat on Tuesday.", "https://b.example/denial", "B", "2024-03-06"));
        denial = denial.With(ActorLayers.Actors, [LayeredDocs.Actor(denial, "China", "Q148", "China", "CHN", "CHN", null, ActorKind.State),
                LayeredDocs.Actor(denial, "Philippine boat", null, "Philippines", "PHL", "PHL", null, ActorKind.State)])
            .With(EventLayers.Events, [LayeredDocs.Event(denial, "e1", "fired a water cannon", "190", 4, -10, 0, "CHNMIL", "CHN", 1, "PHL", "PHL", "2024-03-05", Modality.Denied)]);
        Put(denial, 3);
        // The same day and dyad, another root (a protest): not the water-cannon event.
        var protest = LayeredDocs.WithSentencesAndTokens(LayeredDocs.Plain(
            "The China Coast Guard protested to the Philippine boat crew by radio on Tuesday.", "https://c.example/radio", "C", "2024-03-05"));
        protest = protest.With(ActorLayers.Actors, [LayeredDocs.Actor(protest, "China Coast Guard", "Q1065563", "China Coast Guard", "CHNMIL", "CHN", "MIL"),
                LayeredDocs.Actor(protest, "Philippine boat", null, "Philippines", "PHL", "PHL", null, ActorKind.State)])
            .With(EventLayers.Events, [LayeredDocs.Event(protest, "e1", "protested", "130", 3, -4.4, 0, "CHNMIL", "CHN", 1, "PHL", "PHL", "2024-03-05")]);
        Put(protest, 4);

        var events = _t.Store.ListEvents(ChinaPhilippines);
        Assert.Equal(4, events.Count);
        Assert.All(events, e => Assert.Equal(1, e.NumMentions));
        Assert.Equal(["2024-03-05", "2024-03-05", "2024-03-05", "2024-03-19"], events.Select(e => e.Day!).ToArray());
        Assert.Single(_t.Store.ListEvents(ChinaPhilippines with { Modality = "denied" }));
        Assert.Single(_t.Store.ListEvents(ChinaPhilippines with { Root = "13" }));
    }

    [Fact]
    public void The_score_needs_the_same_code_or_similar_sentences()
    {
        var d = new DateOnly(2024, 3, 5);
        Assert.True(EventMatching.Score(true, d, d, d.AddDays(3), d.AddDays(3), 0) >= EventMatching.Threshold);
        Assert.False(EventMatching.Score(false, d, d, d, d, 0.2) >= EventMatching.Threshold);
        Assert.True(EventMatching.Score(false, d, d, d, d, 0.6) >= EventMatching.Threshold);
        Assert.Equal((new DateOnly(2022, 1, 1), new DateOnly(2022, 12, 31)), EventMatching.DayRange("2022"));
        Assert.Equal((new DateOnly(2023, 3, 1), new DateOnly(2023, 3, 31)), EventMatching.DayRange("2023-03"));
        Assert.Equal((new DateOnly(2023, 8, 28), new DateOnly(2023, 9, 3)), EventMatching.DayRange("2023-W35"));
        Assert.Equal((d, d), EventMatching.DayRange("2024-03-05T10:00"));
        Assert.Null(EventMatching.DayRange("PRESENT_REF"));
        var a = EventMatching.Shingles("A China Coast Guard ship fired a water cannon.");
        Assert.Equal(1.0, EventMatching.Jaccard(a, EventMatching.Shingles("a china coast guard SHIP fired a water cannon")));
        Assert.True(EventMatching.Jaccard(a, EventMatching.Shingles("Four Filipino sailors were hurt on Tuesday.")) < 0.1);
    }

    private long Scalar(string sql)
    {
        using var c = new Microsoft.Data.Sqlite.SqliteConnection(new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder { DataSource = _t.Path, Pooling = false }.ToString());
        c.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        return (long)cmd.ExecuteScalar()!;
    }
}
