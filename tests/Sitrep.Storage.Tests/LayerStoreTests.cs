using System.Collections.Immutable;
using Sitrep.Actors;
using Sitrep.Core;
using Sitrep.Events;
using Sitrep.Nlp;

namespace Sitrep.Storage.Tests;

/// <summary>Analysis layers stored with their versions, one transaction per document, re-analysis, claims and series.</summary>
public sealed class LayerStoreTests : IDisposable
{
    private readonly TempStore _t = new();

    public void Dispose() => _t.Dispose();

    private StoreOutcome Put(Document doc, int seed, IReadOnlyDictionary<string, string>? versions = null) =>
        _t.Store.Store(doc, Docs.Hashes(doc, seed), _t.Store.BeginIngest("test"), versions ?? LayeredDocs.Versions);

    [Fact]
    public void Every_layer_is_stored_with_the_versions_that_made_it()
    {
        var doc = LayeredDocs.Story("wire");
        var id = Put(doc, 1).DocumentId;
        var layers = _t.Store.GetLayers(id).ToDictionary(l => l.Layer, StringComparer.Ordinal);
        Assert.Equal(doc.Get(NlpLayers.Sentences).Length, layers["sentences"].Items);
        Assert.Equal(2, layers["actors"].Items);
        Assert.Equal(1, layers["places"].Items);
        Assert.Equal(1, layers["events"].Items);
        Assert.Contains("\"parser\":\"test-parser@1\"", layers["events"].Versions, StringComparison.Ordinal);
        Assert.Equal(doc.Get(NlpLayers.Tokens), _t.Store.GetTokens(id));
        Assert.Equal(doc.Get(NlpLayers.Sentences).Length, _t.Count("sentences"));
        Assert.Equal(2, _t.Count("actor_mentions"));
        Assert.Equal(1, _t.Count("places"));
    }

    [Fact]
    public void A_sets_quant_and_freq_are_stored()
    {
        var doc = LayeredDocs.Story("wire");
        IReadOnlyList<Sitrep.Time.Timex> timexes =
        [
            new(new TextSpan(0, 4), Sitrep.Time.TimexType.Set, "P1W", null, "none") { Freq = "2X" },
            new(new TextSpan(5, 9), Sitrep.Time.TimexType.Set, "P1Y", null, "none") { Quant = "EACH" },
        ];
        Put(doc.With(Sitrep.Time.TimeLayers.Timexes, timexes), 1);
        using var c = new Microsoft.Data.Sqlite.SqliteConnection(new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder { DataSource = _t.Path, Pooling = false }.ToString());
        c.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT ifnull(quant, '-') || '/' || ifnull(freq, '-') FROM timexes ORDER BY seq";
        using var r = cmd.ExecuteReader();
        var rows = new List<string>();
        while (r.Read()) rows.Add(r.GetString(0));
        Assert.Equal(["-/2X", "EACH/-"], rows);
    }

    [Fact]
    public void Tokens_round_trip_compactly()
    {
        Token[] tokens = [new(new TextSpan(0, 3), 0, "DET", "DT", "the", 1, "det"), new(new TextSpan(4, 9), 0, "NOUN", "NN", "house", -1, "root"), new(new TextSpan(9, 10), 0)];
        Assert.Equal(tokens, TokenCodec.Decode(TokenCodec.Encode(tokens)));
        var doc = LayeredDocs.Story("update");
        var blob = TokenCodec.Encode(doc.Get(NlpLayers.Tokens));
        Assert.Equal(doc.Get(NlpLayers.Tokens), TokenCodec.Decode(blob));
        // Smaller than the text itself plus four bytes a token (its lemmas repeat the words; offsets and tags are a few bits).
        Assert.True(blob.Length < doc.Text.Text.Length + 4 * doc.Get(NlpLayers.Tokens).Length, $"{blob.Length} bytes for {doc.Get(NlpLayers.Tokens).Length} tokens");
    }

    [Fact]
    public void A_failure_while_writing_layers_leaves_nothing_behind()
    {
        _t.Store.StoreStepHook = step => { if (step == "layers") throw new InvalidOperationException("disk full"); };
        var doc = LayeredDocs.Story("wire");
        Assert.Throws<InvalidOperationException>(() => Put(doc, 1));
        _t.Store.StoreStepHook = null;
        foreach (var table in new[] { "documents", "events", "event_clusters", "sentences", "tokens", "actor_mentions", "actors", "document_analysis", "stories" })
            Assert.Equal(0, _t.Count(table));
        // The store is still usable and the same document goes in whole.
        Assert.Equal(StoreOutcomeKind.New, Put(doc, 1).Kind);
        Assert.Equal(1, _t.Count("events"));
    }

    [Fact]
    public void Reanalysis_picks_stale_documents_and_keeps_counts_right()
    {
        var wire = LayeredDocs.Story("wire");
        var rewrite = LayeredDocs.Story("rewrite");
        var a = Put(wire, 1).DocumentId;
        var b = Put(rewrite, 2).DocumentId;
        Assert.Empty(_t.Store.DocumentsToReanalyse(LayeredDocs.Versions));
        var newer = new Dictionary<string, string>(LayeredDocs.Versions, StringComparer.Ordinal) { ["events"] = "test-patterns@2" };
        Assert.Equal([a, b], _t.Store.DocumentsToReanalyse(newer));
        Assert.Equal([a, b], _t.Store.DocumentsToReanalyse(LayeredDocs.Versions, before: "99.0.0"));

        _t.Store.ReplaceAnalysis(a, wire, newer);
        Assert.Equal([b], _t.Store.DocumentsToReanalyse(newer));
        var e = Assert.Single(_t.Store.ListEvents(new EventQuery()));
        Assert.Equal(2, e.NumArticles);
        Assert.Equal(2, _t.Count("events"));

        // Re-analysis that finds no event any more removes the mention; the merged event keeps the other article.
        _t.Store.ReplaceAnalysis(b, rewrite.With(EventLayers.Events, ImmutableArray<CodedEvent>.Empty), newer);
        e = Assert.Single(_t.Store.ListEvents(new EventQuery()));
        Assert.Equal(1, e.NumArticles);
        Assert.Empty(_t.Store.DocumentsToReanalyse(newer));
    }

    /// <summary>The seed's allegation and denial as a stored story: actors US (0), Russia's Wagner Group (1), North Korea (2), Russia (3).</summary>
    private static Document ArmsStory(string text, string url)
    {
        var doc = LayeredDocs.WithSentencesAndTokens(LayeredDocs.Plain(text, url, "Wire", "2023-08-30"));
        return doc.With(ActorLayers.Actors,
        [
            LayeredDocs.Actor(doc, "US", "Q30", "United States", "USA", "USA", null, ActorKind.State),
            LayeredDocs.Actor(doc, "Russia's Wagner Group", "Q21", "Wagner Group", "RUSMIL", "RUS", "MIL", ActorKind.Group),
            LayeredDocs.Actor(doc, "North Korea", "Q423", "North Korea", "PRK", "PRK", null, ActorKind.State),
            LayeredDocs.Actor(doc, "Both Russia", "Q159", "Russia", "RUS", "RUS", null, ActorKind.State),
        ]);
    }

    [Fact]
    public void Claims_say_who_alleged_and_who_denied_through_which_sources()
    {
        var doc = ArmsStory("Last year, the US said Russia's Wagner Group had taken delivery of an arms shipment from North Korea, AP reported. Both Russia and North Korea denied the US allegations.",
            "https://wire.example/arms");
        var alleged = LayeredDocs.Event(doc, "e1", "taken delivery", "0871", 2, 5.2, 1, "RUSMIL", "RUS", 2, "PRK", "PRK", "2022", Modality.Alleged,
            [LayeredDocs.Link(doc, "AP reported", "MED", null), LayeredDocs.Link(doc, "the US said", "USA", 0)]);
        // As the coder writes a denial: an asserted 016 event ("Russia denied") that links to the events it denies.
        var denied = LayeredDocs.Event(doc, "e2", "denied", "016", 1, -2.0, 3, "RUS", "RUS", 2, "PRK", "PRK", "2022", Modality.Asserted) with { Links = ["e1"] };
        doc = doc.With(EventLayers.Events, [alleged, denied]);
        Put(doc, 1);

        var claims = _t.Store.ListClaims(new ClaimQuery());
        Assert.Equal(2, claims.Count);
        var allegation = Assert.Single(claims, c => c.Stance == "alleged");
        Assert.Equal("USA", allegation.ClaimantCode);
        Assert.Equal("United States", allegation.ClaimantName);
        Assert.Equal("AP reported > the US said", allegation.Sources);
        var denial = Assert.Single(claims, c => c.Stance == "denied");
        Assert.Equal("RUS", denial.ClaimantCode);
        Assert.Equal([allegation.EventId], denial.About);
        Assert.Single(_t.Store.ListClaims(new ClaimQuery { Stance = "denied" }));
        // About the alleged event: the allegation and the denial that names it; about the denial, only itself.
        Assert.Equal(["alleged", "denied"], _t.Store.ListClaims(new ClaimQuery { Event = allegation.EventId }).Select(c => c.Stance).Order(StringComparer.Ordinal));
        Assert.Equal(["denied"], _t.Store.ListClaims(new ClaimQuery { Event = denial.EventId }).Select(c => c.Stance));
        Assert.Equal(2, _t.Store.ListClaims(new ClaimQuery { Actor = "PRK" }).Count);
        // The alleged event and its denial are two events for the dyad, dated to the year.
        var events = _t.Store.ListEvents(new EventQuery { Actor = "RUS", Target = "PRK" });
        Assert.Equal(2, events.Count);
        Assert.All(events, e => Assert.Equal("2022-01-01", e.Day));
    }

    [Fact]
    public void A_document_lists_its_events_with_the_offsets_of_trigger_and_actors_and_a_page_knows_its_total()
    {
        const string text = "Last year, the US said Russia's Wagner Group had taken delivery of an arms shipment from North Korea. Both Russia and North Korea denied the US allegations.";
        var doc = ArmsStory(text, "https://wire.example/arms2");
        var delivery = LayeredDocs.Event(doc, "e1", "taken delivery", "072", 2, 7.4, 2, "PRK", "PRK", 1, "RUSMIL", "RUS", "2022", Modality.Alleged);
        var denial = LayeredDocs.Event(doc, "e2", "denied", "016", 1, -2.0, 3, "RUS", "RUS", 0, "USA", "USA", "2023-08-30") with { Links = ["e1"] };
        var id = Put(doc.With(EventLayers.Events, [delivery, denial]), 1).DocumentId;

        var rows = _t.Store.ListDocumentEvents(id);
        Assert.Equal(["taken delivery", "denied"], rows.Select(r => text[r.TriggerStart..r.TriggerEnd]));
        Assert.Equal("North Korea", text[rows[0].SourceStart!.Value..rows[0].SourceEnd!.Value]);
        Assert.Equal("Russia's Wagner Group", text[rows[0].TargetStart!.Value..rows[0].TargetEnd!.Value]);
        Assert.Equal(("RUS", "USA", "016"), (rows[1].SourceCode, rows[1].TargetCode, rows[1].Cameo));

        var all = _t.Store.ListEvents(new EventQuery());
        Assert.Equal(2, _t.Store.CountEvents(new EventQuery { Limit = 1 })); // the page size does not cut the total
        Assert.Equal(1, _t.Store.CountEvents(new EventQuery { Actor = "RUS" }));
        var one = Assert.Single(_t.Store.ListEvents(new EventQuery { Event = all[1].Id }));
        Assert.Equal(all[1].Cameo, one.Cameo);
        Assert.Empty(_t.Store.ListDocumentEvents("no-such-document"));
    }

    [Theory]
    [InlineData("RUS-PRK", "RUS", "PRK")]
    [InlineData(" RUSGOV - PRK ", "RUSGOV", "PRK")]
    [InlineData("RUS", null, null)]
    [InlineData("RUS-", null, null)]
    [InlineData("-PRK", null, null)]
    [InlineData("RUS- ", null, null)]
    public void A_dyad_is_two_actors_around_a_dash(string dyad, string? source, string? target)
    {
        var split = EventQuery.SplitDyad(dyad);
        Assert.Equal(source, split?.Source);
        Assert.Equal(target, split?.Target);
    }

    [Fact]
    public void Series_count_events_per_week_by_quad_class()
    {
        Put(LayeredDocs.Story("wire"), 1);
        var later = LayeredDocs.WithSentencesAndTokens(LayeredDocs.Plain(
            "The China Coast Guard protested to the Philippine boat crew by radio on Tuesday.", "https://c.example/radio", "C", "2024-03-19"));
        later = later.With(ActorLayers.Actors, [LayeredDocs.Actor(later, "China Coast Guard", "Q1065563", "China Coast Guard", "CHNMIL", "CHN", "MIL"),
                LayeredDocs.Actor(later, "Philippine boat", null, "Philippines", "PHL", "PHL", null, ActorKind.State)])
            .With(EventLayers.Events, [LayeredDocs.Event(later, "e1", "protested", "130", 3, -4.4, 0, "CHNMIL", "CHN", 1, "PHL", "PHL", "2024-03-19")]);
        Put(later, 2);
        var q = new EventQuery { Actor = "CHN", Target = "PHL" };
        var weeks = _t.Store.Series(q, SeriesPeriod.Week);
        Assert.Equal(["2024-W10", "2024-W11", "2024-W12"], weeks.Select(p => p.Period).ToArray());
        Assert.Equal([1, 0, 1], weeks.Select(p => p.Events).ToArray());
        Assert.Equal(1, weeks[0].MaterialConflict);
        Assert.Equal(1, weeks[2].VerbalConflict);
        Assert.Equal(-10, weeks[0].Goldstein);
        Assert.Single(_t.Store.Series(q, SeriesPeriod.Month));
        Assert.Equal(15, _t.Store.Series(q, SeriesPeriod.Day).Count);
        Assert.Empty(_t.Store.Series(new EventQuery { Actor = "PHL", Target = "CHN" }, SeriesPeriod.Week));
        Assert.Equal(3, _t.Store.Series(q with { Actor = "PHL", Target = "CHN", Undirected = true }, SeriesPeriod.Week).Count);
    }

    [Fact]
    public void Actor_activity_ranks_actors_with_their_dyads()
    {
        Put(LayeredDocs.Story("wire"), 1);
        Put(LayeredDocs.Story("rewrite"), 2);
        var activity = _t.Store.ListActorActivity();
        Assert.Equal(["CHNMIL", "PHL"], activity.Select(a => a.Code).ToArray());
        Assert.Equal(1, activity[0].AsSource);
        Assert.Equal(2, activity[0].Mentions);
        Assert.Equal("China Coast Guard", activity[0].Name);
        Assert.Equal("CHNMIL", Assert.Single(activity[1].TopDyads).Source);
    }
}
