using System.Text;
using Sitrep.Core;

namespace Sitrep.Storage.Tests;

public sealed class SitrepStoreTests : IDisposable
{
    private readonly TempStore _t = new();

    public void Dispose() => _t.Dispose();

    private const string Body1 = "Flooding displaced 4,000 people in the north & officials said more rain was expected.";
    private const string Body2 = "The central bank raised rates on Thursday, citing persistent inflation in services.";
    private const string Body3 = "A magnitude 6.1 earthquake struck off the coast early on Monday, the survey said.";

    [Fact]
    public void Open_creates_a_wal_file_with_the_latest_schema()
    {
        var store = _t.Store;
        Assert.True(File.Exists(_t.Path));
        Assert.Equal(SchemaMigrations.Latest, store.SchemaVersion);
        Assert.Equal(SchemaMigrations.Latest, _t.Count("schema_migrations"));
        using var c = new Microsoft.Data.Sqlite.SqliteConnection("Data Source=" + _t.Path + ";Pooling=False");
        c.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "PRAGMA journal_mode";
        Assert.Equal("wal", (string)cmd.ExecuteScalar()!);
    }

    [Fact]
    public void Store_then_GetDocument_round_trips_text_map_and_metadata()
    {
        var meta = new DocumentMetadata
        {
            Reader = "html/test-1",
            Origin = "x",
            Title = "Floods in the north",
            Site = "Example News",
            Author = "A. Writer",
            Published = new DocumentDate(new DateOnly(2026, 2, 27), new TimeOnly(23, 10, 5), TimeSpan.FromHours(5.5)),
            PublishedSource = new MetadataSource("json-ld", "datePublished"),
            Modified = new DocumentDate(new DateOnly(2026, 2, 28)),
            ModifiedSource = new MetadataSource("meta"),
            DeclaredLanguage = "en-GB",
            SourceFormat = SourceFormat.Html,
        };
        var doc = Docs.Html(Body1, "https://Example.com/news/floods?utm_source=x#top", "crawl.warc#record-7", metadata: meta)
            .With(CoreLayers.Language, new LanguageIdentification("en", 0.987654321, true))
            .WithError(new DocumentError(ErrorCodes.InvalidEncoding, "decoded as windows-1252", "read", ErrorSeverity.Warning))
            .WithError(new DocumentError(ErrorCodes.StageFailed, "ner: boom", "ner"));
        var hashes = Docs.Hashes(doc, 1);
        long run = _t.Store.BeginIngest("ingest crawl.warc");
        var outcome = _t.Store.Store(doc, hashes, run);
        Assert.Equal(StoreOutcomeKind.New, outcome.Kind);
        Assert.Equal(SitrepStore.DocumentId("https://example.com/news/floods", doc.Metadata.Origin, doc.Raw.Sha256()), outcome.DocumentId);

        _t.Close(); // read back through a fresh connection
        var stored = _t.Store.GetDocument(outcome.DocumentId);
        Assert.NotNull(stored);
        Assert.Equal(meta with { Url = doc.Metadata.Url, Origin = "crawl.warc#record-7" }, stored.Metadata);
        Assert.Equal("https://example.com/news/floods", stored.CanonicalUrl);
        Assert.Equal(new LanguageIdentification("en", 0.987654321, true), stored.Language);
        Assert.Equal(doc.Raw.Text, stored.RawText);
        Assert.Equal(doc.Raw.Bytes.ToArray(), stored.RawBytes!.Value.ToArray());
        Assert.Equal("utf-8", stored.RawEncoding);
        Assert.Equal(doc.Raw.Sha256(), stored.RawSha256);
        Assert.Equal(doc.Text.Text, stored.CleanText);
        Assert.Equal(doc.Map.Serialize(), stored.Map.Serialize());
        Assert.Equal(doc.Map.Segments(), stored.Map.Segments());
        Assert.Equal(hashes.BodySha256, stored.Hashes.BodySha256);
        Assert.Equal(hashes.SimHash, stored.Hashes.SimHash);
        Assert.Equal(hashes.MinHash, stored.Hashes.MinHash);
        Assert.Equal(doc.Errors, stored.Issues);
        Assert.Equal(1, stored.Version);
        Assert.True(stored.IsLatest);
        Assert.Equal(run, stored.IngestRunId);
        Assert.Equal(_t.Clock.Now, stored.IngestedAt);
        Assert.Equal(SitrepStore.SitrepVersion, stored.SitrepVersion);

        // The rebuilt document traces a clean span (the decoded '&') to the same raw span and bytes.
        var rebuilt = stored.ToDocument();
        int amp = rebuilt.Text.Text.IndexOf('&', StringComparison.Ordinal);
        var rawSpan = rebuilt.ToRaw(TextSpan.FromLength(amp, 1));
        Assert.Equal(doc.ToRaw(TextSpan.FromLength(amp, 1)), rawSpan);
        Assert.Equal("&amp;", rebuilt.Raw.Slice(rawSpan));
        Assert.Equal(doc.Raw.ToByteSpan(rawSpan), rebuilt.Raw.ToByteSpan(rawSpan));
        Assert.Equal(new LanguageIdentification("en", 0.987654321, true), rebuilt.Get(CoreLayers.Language));
    }

    [Fact]
    public void Raw_text_that_decoding_would_not_reproduce_is_kept_exactly()
    {
        // windows-1252 bytes decode back exactly: only the bytes are kept.
        var latin = Docs.Html("Caf\u00e9 owners protest \u201cunfair\u201d rules.", "https://example.com/cafe", encoding: "windows-1252");
        // Raw text that is not the decoding of its bytes (e.g. a JSON field's decoded value): the text is kept as well.
        var json = Docs.Html("Line one.\nLine two.", "https://example.com/json");
        var jsonBytes = Encoding.UTF8.GetBytes("{\"html\":\"" + json.Raw.Text.Replace("\n", "\\n", StringComparison.Ordinal) + "\"}");
        json = new Document(json.Id, new SourceText(json.Raw.Text, jsonBytes, "utf-8"), json.Text, json.Map, json.Metadata);
        // No bytes at all.
        var plain = Docs.Html("Text given as a string.", null, "-");
        plain = new Document(plain.Id, new SourceText(plain.Raw.Text), plain.Text, plain.Map, plain.Metadata);

        long run = _t.Store.BeginIngest("x");
        foreach (var (d, seed) in new[] { (latin, 1), (json, 2), (plain, 3) })
        {
            var id = _t.Store.Store(d, Docs.Hashes(d, seed), run).DocumentId;
            var stored = _t.Store.GetDocument(id)!;
            Assert.Equal(d.Raw.Text, stored.RawText);
            Assert.Equal(d.Raw.HasBytes, stored.RawBytes is not null);
            if (d.Raw.HasBytes) Assert.Equal(d.Raw.Bytes.ToArray(), stored.RawBytes!.Value.ToArray());
            Assert.Equal(d.Raw.Sha256(), stored.ToDocument().Raw.Sha256());
        }
    }

    [Fact]
    public void Reingesting_the_same_documents_writes_nothing()
    {
        var docs = new[]
        {
            Docs.Html(Body1, "https://a.example/1").WithError(new DocumentError("SR1003", "w", "read", ErrorSeverity.Warning)),
            Docs.Html(Body2, "https://a.example/2"),
            Docs.Html(Body3, null, "files/quake.html"),
            Docs.Html(Body1, "https://b.example/copy"), // an exact duplicate
        };
        int[] seeds = [1, 2, 3, 1];
        long run1 = _t.Store.BeginIngest("first");
        var first = docs.Select((d, i) => _t.Store.Store(d, Docs.Hashes(d, seeds[i]), run1)).ToList();
        Assert.Equal([StoreOutcomeKind.New, StoreOutcomeKind.New, StoreOutcomeKind.New, StoreOutcomeKind.ExactDuplicate], first.Select(o => o.Kind));
        _t.Store.EndIngest(run1, new IngestCounts { Inputs = 4, New = 3, ExactDuplicates = 1 });
        var before = _t.AllCounts();

        long run2 = _t.Store.BeginIngest("again");
        var second = docs.Select((d, i) => _t.Store.Store(d, Docs.Hashes(d, seeds[i]), run2)).ToList();
        Assert.All(second, o => Assert.Equal(StoreOutcomeKind.Unchanged, o.Kind));
        Assert.Equal(first.Select(o => o.DocumentId), second.Select(o => o.DocumentId));
        Assert.Equal(first[3].DuplicateOf, second[3].DuplicateOf);

        var after = _t.AllCounts();
        Assert.Equal(before["ingest_runs"] + 1, after["ingest_runs"]);
        foreach (var table in before.Keys.Where(k => k != "ingest_runs"))
            Assert.True(before[table] == after[table], $"{table}: {before[table]} → {after[table]}");
    }

    [Fact]
    public void Exact_duplicates_at_other_urls_are_stored_and_linked_to_the_original()
    {
        long run = _t.Store.BeginIngest("x");
        var original = _t.Store.Store(Docs.Html(Body1, "https://a.example/story"), Docs.Hashes(Body1, 1), run);
        // Different markup (raw) but the same body text.
        var copy1 = Docs.Html(Body1, "https://b.example/wire/story", rawPrefix: "<html><head><title>B</title></head><body>");
        var copy2 = Docs.Html(Body1, null, "feeds/c.xml#item-4");
        var o1 = _t.Store.Store(copy1, Docs.Hashes(Body1, 1), run);
        var o2 = _t.Store.Store(copy2, Docs.Hashes(Body1, 1), run);

        Assert.Equal(StoreOutcomeKind.ExactDuplicate, o1.Kind);
        Assert.Equal(StoreOutcomeKind.ExactDuplicate, o2.Kind);
        Assert.Equal(original.DocumentId, o1.DuplicateOf);
        Assert.Equal(original.DocumentId, o2.DuplicateOf); // linked to the original, not to the first copy
        Assert.Equal("exact", o1.DuplicateKind);
        Assert.Equal(1.0, o1.Similarity);
        Assert.Equal(3, _t.Count("documents"));
        Assert.Equal(2, _t.Count("raw_inputs")); // the feed copy's bytes equal the original's: stored once

        var stored = _t.Store.GetDocument(original.DocumentId)!;
        Assert.Equal(new[] { o1.DocumentId, o2.DocumentId }.Order(StringComparer.Ordinal), stored.Duplicates);
        Assert.Equal("exact", _t.Store.GetDocument(o1.DocumentId)!.DuplicateKind);

        Assert.Equal(3, _t.Store.ListDocuments(new DocumentQuery()).Count);
        var originals = _t.Store.ListDocuments(new DocumentQuery { IncludeDuplicates = false });
        Assert.Equal([original.DocumentId], originals.Select(s => s.Id));
    }

    [Fact]
    public void Near_duplicates_are_found_by_minhash_or_simhash_and_linked_with_similarity()
    {
        long run = _t.Store.BeginIngest("x");
        var h1 = Docs.Hashes(Body1, 1);
        var original = _t.Store.Store(Docs.Html(Body1, "https://a.example/story"), h1, run);
        _t.Store.Store(Docs.Html(Body2, "https://a.example/other"), Docs.Hashes(Body2, 2), run);

        // 12 of 128 values differ: estimated Jaccard 116/128 ≈ 0.906.
        var nearText = Body1 + " Updated.";
        var near = _t.Store.Store(Docs.Html(nearText, "https://b.example/story"), Docs.Near(h1, nearText, 12), run);
        Assert.Equal(StoreOutcomeKind.NearDuplicate, near.Kind);
        Assert.Equal(original.DocumentId, near.DuplicateOf);
        Assert.Equal("near", near.DuplicateKind);
        Assert.Equal(116.0 / 128, near.Similarity!.Value, 6);

        // 40 differ: Jaccard ≈ 0.69, below 0.8, and a far SimHash: not a duplicate.
        var farText = Body1 + " Much rewritten.";
        var far = _t.Store.Store(Docs.Html(farText, "https://c.example/story"), Docs.Near(h1, farText, 40), run);
        Assert.Equal(StoreOutcomeKind.New, far.Kind);

        // A low Jaccard (78/128) but a SimHash 3 bits away: the secondary check links it.
        var simText = Body1 + " Shorter rewrite.";
        var sim = _t.Store.Store(Docs.Html(simText, "https://d.example/story"), Docs.Near(h1, simText, 50, h1.SimHash ^ 0b1011UL << 20), run);
        Assert.Equal(StoreOutcomeKind.NearDuplicate, sim.Kind);
        Assert.Equal(original.DocumentId, sim.DuplicateOf);
        Assert.Equal(78.0 / 128, sim.Similarity!.Value, 6);

        var stored = _t.Store.GetDocument(near.DocumentId)!;
        Assert.Equal("near", stored.DuplicateKind);
        Assert.Equal(116.0 / 128, stored.Similarity!.Value, 6);
        Assert.Equal(2, _t.Store.GetSummary().NearDuplicates);
    }

    [Fact]
    public void Empty_bodies_are_nobodys_near_duplicate()
    {
        long run = _t.Store.BeginIngest("x");
        var empty = new ContentHashes(Docs.BodyKey(""), 0, Enumerable.Repeat(uint.MaxValue, 128).ToArray());
        var a = _t.Store.Store(Docs.Html("", "https://a.example/empty"), empty, run);
        var b = _t.Store.Store(Docs.Html("", "https://b.example/empty"), empty with { BodySha256 = "other" }, run);
        Assert.Equal(StoreOutcomeKind.New, a.Kind);
        Assert.Equal(StoreOutcomeKind.New, b.Kind);
        Assert.Equal(0, _t.Count("lsh_bands"));
    }

    [Fact]
    public void A_changed_body_at_the_same_url_is_a_new_version()
    {
        long run = _t.Store.BeginIngest("x");
        var v1 = _t.Store.Store(Docs.Html(Body1, "https://a.example/story", "crawl1.warc#r1"), Docs.Hashes(Body1, 1), run);
        _t.Clock.Advance(TimeSpan.FromHours(6));
        var updated = Body1 + " Three people died.";
        var v2 = _t.Store.Store(Docs.Html(updated, "https://a.example/story?utm_medium=rss", "crawl2.warc#r9"), Docs.Near(Docs.Hashes(Body1, 1), updated, 10), run);

        Assert.Equal(StoreOutcomeKind.NewVersion, v2.Kind);
        Assert.Equal(2, v2.Version);
        Assert.Equal(v1.DocumentId, v2.PreviousVersionId);
        Assert.Null(v2.DuplicateOf); // its own earlier version is not a duplicate

        var old = _t.Store.GetDocument(v1.DocumentId)!;
        Assert.False(old.IsLatest);
        Assert.Equal(v2.DocumentId, old.NextVersionId);
        var latest = _t.Store.GetDocument(v2.DocumentId)!;
        Assert.True(latest.IsLatest);
        Assert.Equal(v1.DocumentId, latest.PreviousVersionId);

        Assert.Equal([v2.DocumentId], _t.Store.ListDocuments(new DocumentQuery()).Select(d => d.Id));
        Assert.Equal(2, _t.Store.ListDocuments(new DocumentQuery { AllVersions = true }).Count);

        // The same body again under new markup: nothing new to store.
        var refetch = _t.Store.Store(Docs.Html(updated, "https://a.example/story", "crawl3.warc#r2", rawPrefix: "<html><body class=x>"), Docs.Near(Docs.Hashes(Body1, 1), updated, 10), run);
        Assert.Equal(StoreOutcomeKind.Unchanged, refetch.Kind);
        Assert.Equal(v2.DocumentId, refetch.DocumentId);

        var v3Text = updated + " Rescue teams arrived.";
        var v3 = _t.Store.Store(Docs.Html(v3Text, "https://a.example/story", "crawl4.warc#r2"), Docs.Hashes(v3Text, 9), run);
        Assert.Equal(StoreOutcomeKind.NewVersion, v3.Kind);
        Assert.Equal(3, v3.Version);
        Assert.Equal(v2.DocumentId, v3.PreviousVersionId);
        Assert.Equal(2, _t.Store.GetSummary().NewVersions);
        Assert.Equal(1, _t.Store.GetSummary().LatestDocuments);
    }

    [Fact]
    public void Errors_are_recorded_once_per_origin_input_and_code()
    {
        long run1 = _t.Store.BeginIngest("x");
        var empty = new DocumentError(ErrorCodes.EmptyInput, "file is empty.", "read");
        Assert.True(_t.Store.RecordError(run1, "a.html", "abc", empty));
        Assert.False(_t.Store.RecordError(run1, "a.html", "abc", empty));
        Assert.True(_t.Store.RecordError(run1, "a.html", "abc", new DocumentError(ErrorCodes.NoBody, "no body")));
        Assert.True(_t.Store.RecordError(run1, "b.html", "abc", empty));
        // Unreadable inputs have no sha: still recorded once.
        Assert.True(_t.Store.RecordError(run1, "missing.html", null, new DocumentError(ErrorCodes.NotFound, "not found")));
        long run2 = _t.Store.BeginIngest("again");
        Assert.False(_t.Store.RecordError(run2, "missing.html", null, new DocumentError(ErrorCodes.NotFound, "still not found")));
        Assert.True(_t.Store.RecordError(run2, "w.html", "def", new DocumentError(ErrorCodes.InvalidEncoding, "w", "read", ErrorSeverity.Warning)));

        Assert.Equal(5, _t.Count("errors"));
        var all = _t.Store.ListErrors();
        Assert.Equal(["a.html", "a.html", "b.html", "missing.html", "w.html"], all.Select(e => e.Origin));
        Assert.Equal(run1, all[3].IngestRunId);
        Assert.Equal("not found", all[3].Message);
        Assert.Null(all[3].InputSha256);
        Assert.Equal("read", all[0].Stage);
        Assert.Equal(_t.Clock.Now, all[0].RecordedAt);
        Assert.Equal(2, _t.Store.ListErrors(new ErrorQuery { Code = ErrorCodes.EmptyInput }).Count);
        Assert.Single(_t.Store.ListErrors(new ErrorQuery { Severity = ErrorSeverity.Warning }));
        Assert.Single(_t.Store.ListErrors(new ErrorQuery { IngestRunId = run2 }));
        Assert.Equal(2, _t.Store.GetSummary().ErrorsByCode[ErrorCodes.EmptyInput]);
    }

    [Theory]
    [InlineData("raw")]
    [InlineData("document")]
    [InlineData("links")]
    [InlineData("commit")]
    public void A_failure_inside_a_documents_transaction_leaves_nothing_of_it(string step)
    {
        long run = _t.Store.BeginIngest("x");
        var first = _t.Store.Store(Docs.Html(Body2, "https://a.example/first"), Docs.Hashes(Body2, 2), run);
        var before = _t.AllCounts();

        var doc = Docs.Html(Body1, "https://a.example/story").WithError(new DocumentError("SR1003", "w", "read", ErrorSeverity.Warning));
        _t.Store.StoreStepHook = s => { if (s == step) throw new IOException("disk on fire at " + s); };
        var e = Assert.Throws<IOException>(() => _t.Store.Store(doc, Docs.Hashes(Body1, 1), run));
        Assert.Contains(step, e.Message, StringComparison.Ordinal);
        _t.Store.StoreStepHook = null;

        Assert.Equal(before, _t.AllCounts());
        Assert.Equal(before, _t.AllCounts()); // read through a separate connection: nothing was committed
        Assert.Null(_t.Store.GetDocument(SitrepStore.DocumentId("https://a.example/story", doc.Metadata.Origin, doc.Raw.Sha256())));

        // The store is still usable, and the same document now stores normally.
        var retry = _t.Store.Store(doc, Docs.Hashes(Body1, 1), run);
        Assert.Equal(StoreOutcomeKind.New, retry.Kind);
        Assert.Single(_t.Store.GetDocument(retry.DocumentId)!.Issues);
        Assert.NotNull(_t.Store.GetDocument(first.DocumentId));
    }

    [Theory]
    [InlineData("raw")]
    [InlineData("layers")]
    [InlineData("commit")]
    public void In_a_batch_a_failing_document_is_undone_alone_and_the_batch_commits_the_others(string step)
    {
        long run = _t.Store.BeginIngest("x");
        var before = _t.AllCounts();
        var doc = Docs.Html(Body1, "https://a.example/story");
        StoreOutcome first, third;
        using (var batch = _t.Store.BeginBatch())
        {
            first = _t.Store.Store(Docs.Html(Body2, "https://a.example/first"), Docs.Hashes(Body2, 2), run);
            _t.Store.StoreStepHook = s => { if (s == step) throw new IOException("disk on fire at " + s); };
            Assert.Throws<IOException>(() => _t.Store.Store(doc, Docs.Hashes(Body1, 1), run));
            _t.Store.StoreStepHook = null;
            third = _t.Store.Store(Docs.Html("A third story about the harbour strike.", "https://a.example/third"), Docs.Hashes("A third story about the harbour strike.", 3), run);
            // Nothing is visible to another connection until the batch commits.
            Assert.Equal(before, _t.AllCounts());
            batch.Commit();
        }
        var after = _t.AllCounts();
        Assert.Equal(before["documents"] + 2, after["documents"]);
        Assert.Equal(before["raw_inputs"] + 2, after["raw_inputs"]);
        Assert.Equal(before["lsh_bands"] + 2 * NearDuplicateIndex.Bands, after["lsh_bands"]);
        Assert.NotNull(_t.Store.GetDocument(first.DocumentId));
        Assert.NotNull(_t.Store.GetDocument(third.DocumentId));
        Assert.Null(_t.Store.GetDocument(SitrepStore.DocumentId("https://a.example/story", doc.Metadata.Origin, doc.Raw.Sha256())));
        // The store writes alone again after the batch.
        Assert.Equal(StoreOutcomeKind.New, _t.Store.Store(doc, Docs.Hashes(Body1, 1), run).Kind);
    }

    [Fact]
    public void A_batch_disposed_without_commit_leaves_nothing_and_batches_do_not_nest()
    {
        long run = _t.Store.BeginIngest("x");
        var before = _t.AllCounts();
        using (var batch = _t.Store.BeginBatch())
        {
            _t.Store.Store(Docs.Html(Body2, "https://a.example/first"), Docs.Hashes(Body2, 2), run);
            // The same document again in the batch is unchanged: the batch sees its own writes.
            Assert.Equal(StoreOutcomeKind.Unchanged, _t.Store.Store(Docs.Html(Body2, "https://a.example/first"), Docs.Hashes(Body2, 2), run).Kind);
            Assert.Throws<InvalidOperationException>(() => _t.Store.BeginBatch());
        }
        Assert.Equal(before, _t.AllCounts());
        Assert.Equal(StoreOutcomeKind.New, _t.Store.Store(Docs.Html(Body2, "https://a.example/first"), Docs.Hashes(Body2, 2), run).Kind);
    }

    [Fact]
    public void Listing_filters_and_orders_documents()
    {
        long run = _t.Store.BeginIngest("x");
        DocumentMetadata Meta(string site, string? published, SourceFormat format) => new()
        {
            Reader = "r", Origin = "o", Site = site, SourceFormat = format,
            Published = published is null ? null : DocumentDate.TryParseIso(published, out var d) ? d : throw new FormatException(published),
        };
        var docs = new (Document Doc, string Lang)[]
        {
            (Docs.Html("Earthquake hits the coast.", "https://a.example/1", metadata: Meta("A", "2026-02-03T10:00Z", SourceFormat.Html)), "en"),
            (Docs.Html("Séisme sur la côte.", "https://b.example/1", metadata: Meta("B", "2026-02-01", SourceFormat.Rss)), "fr"),
            (Docs.Html("Floods in the north.", "https://a.example/2", metadata: Meta("A", "2026-02-05T08:00+01:00", SourceFormat.Html)), "en"),
            (Docs.Html("Undated EARTHQUAKE report.", "https://c.example/1", metadata: Meta("C", null, SourceFormat.Jsonl)), "en"),
            (Docs.Html("Earthquake hits the coast.", "https://d.example/copy", metadata: Meta("D", "2026-02-03", SourceFormat.Html)), "en"),
        };
        var ids = new List<string>();
        for (int i = 0; i < docs.Length; i++)
        {
            var d = docs[i].Doc.With(CoreLayers.Language, new LanguageIdentification(docs[i].Lang, 0.9, docs[i].Lang == "en"));
            if (i == 2) d = d.WithError(new DocumentError(ErrorCodes.StageFailed, "x", "ner"));
            ids.Add(_t.Store.Store(d, Docs.Hashes(d.Text.Text, i == 4 ? 0 : i), run).DocumentId);
        }

        IEnumerable<string> List(DocumentQuery q) => _t.Store.ListDocuments(q).Select(s => s.Id);
        // Published order, undated last; ties by id.
        var expectedAll = new[] { ids[1] }.Concat(new[] { ids[0], ids[4] }.Order(StringComparer.Ordinal)).Concat([ids[2], ids[3]]);
        Assert.Equal(expectedAll, List(new DocumentQuery()));
        Assert.Equal([ids[1]], List(new DocumentQuery { Language = "fr" }));
        Assert.Equal([ids[0], ids[2]], List(new DocumentQuery { Site = "A" }));
        Assert.Equal([ids[3]], List(new DocumentQuery { SourceFormat = SourceFormat.Jsonl }));
        Assert.Equal(new[] { ids[0], ids[4] }.Order(StringComparer.Ordinal).Append(ids[2]),
            List(new DocumentQuery { PublishedFrom = new DateOnly(2026, 2, 2), PublishedTo = new DateOnly(2026, 2, 5) }));
        Assert.Equal(new[] { ids[0], ids[4] }.Order(StringComparer.Ordinal).Append(ids[3]), List(new DocumentQuery { TextContains = "earthquake" }));
        Assert.Equal([ids[2]], List(new DocumentQuery { WithIssuesOnly = true }));
        Assert.DoesNotContain(ids[4], List(new DocumentQuery { IncludeDuplicates = false }));
        Assert.Equal(expectedAll.Skip(1).Take(2), List(new DocumentQuery { Offset = 1, Limit = 2 }));

        var summary = _t.Store.ListDocuments(new DocumentQuery { Language = "fr" }).Single();
        Assert.Equal("https://b.example/1", summary.Url);
        Assert.Equal("2026-02-01", summary.Published);
        Assert.Equal(SourceFormat.Rss, summary.SourceFormat);
        Assert.False(summary.IsEnglish);
        Assert.Equal("Séisme sur la côte.".Length, summary.CleanLength);
        Assert.Equal(1, _t.Store.ListDocuments(new DocumentQuery { WithIssuesOnly = true }).Single().IssueCount);
    }

    [Fact]
    public void Summary_counts_documents_duplicates_versions_and_errors()
    {
        long run = _t.Store.BeginIngest("x");
        var h1 = Docs.Hashes(Body1, 1);
        _t.Store.Store(Docs.Html(Body1, "https://a.example/1"), h1, run);
        _t.Store.Store(Docs.Html(Body1, "https://b.example/1"), h1, run);
        _t.Store.Store(Docs.Html(Body1 + "!", "https://c.example/1"), Docs.Near(h1, Body1 + " x", 5), run);
        _t.Store.Store(Docs.Html(Body2, "https://a.example/1"), Docs.Hashes(Body2, 2), run);
        _t.Store.Store(Docs.Html(Body3, "https://a.example/3").WithError(new DocumentError("SR1003", "w", "read", ErrorSeverity.Warning)), Docs.Hashes(Body3, 3), run);
        _t.Store.RecordError(run, "bad.gz", "123", new DocumentError(ErrorCodes.TruncatedGzip, "truncated"));
        var s = _t.Store.GetSummary();
        Assert.Equal(5, s.Documents);
        Assert.Equal(4, s.LatestDocuments);
        Assert.Equal(1, s.ExactDuplicates);
        Assert.Equal(1, s.NearDuplicates);
        Assert.Equal(1, s.NewVersions);
        Assert.Equal(1, s.IngestRuns);
        Assert.Equal(1, s.DocumentsWithIssues);
        Assert.Equal(1, s.ErrorsByCode[ErrorCodes.TruncatedGzip]);
        Assert.Equal(1, s.IssuesByCode["SR1003"]);
    }

    [Fact]
    public void Ingest_runs_record_arguments_times_and_counts()
    {
        long id = _t.Store.BeginIngest("ingest --store x.db data/");
        var started = _t.Clock.Now;
        _t.Clock.Advance(TimeSpan.FromMinutes(3));
        var counts = new IngestCounts { Inputs = 10 }.Add(StoreOutcomeKind.New).Add(StoreOutcomeKind.New).Add(StoreOutcomeKind.NearDuplicate) with { Errors = 2 };
        _t.Store.EndIngest(id, counts);
        var run = Assert.Single(_t.Store.ListIngestRuns());
        Assert.Equal(new IngestRun(id, started, started.AddMinutes(3), "ingest --store x.db data/", SitrepStore.SitrepVersion, counts), run);
        Assert.Throws<ArgumentException>(() => _t.Store.EndIngest(id + 1, counts));
    }

    [Fact]
    public void An_in_memory_store_works()
    {
        using var store = SitrepStore.Open(":memory:");
        long run = store.BeginIngest("mem");
        var doc = Docs.Html(Body1, "https://a.example/1");
        var o = store.Store(doc, Docs.Hashes(doc, 1), run);
        Assert.Equal(StoreOutcomeKind.New, o.Kind);
        Assert.Equal(StoreOutcomeKind.Unchanged, store.Store(doc, Docs.Hashes(doc, 1), run).Kind);
        Assert.Equal(doc.Text.Text, store.GetDocument(o.DocumentId)!.CleanText);
        Assert.Equal(1, store.GetSummary().Documents);
    }

    [Fact]
    public void Document_ids_are_deterministic()
    {
        Assert.Equal("d" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes("https://a.example/x\nabc")))[..16],
            SitrepStore.DocumentId("https://A.example/x#frag", "origin", "abc"));
        Assert.Equal(17, SitrepStore.DocumentId(null, "o", "s").Length);
    }

    [Fact]
    public void Store_rejects_a_signature_it_cannot_band()
    {
        long run = _t.Store.BeginIngest("x");
        var doc = Docs.Html(Body1, null);
        Assert.Throws<ArgumentException>(() => _t.Store.Store(doc, new ContentHashes("x", 0, new uint[10]), run));
    }

    [Theory]
    [InlineData("HTTPS://Example.COM/a/b?utm_source=tw&id=3&fbclid=z#frag", "https://example.com/a/b?id=3")]
    [InlineData("http://example.com", "http://example.com/")]
    [InlineData("http://example.com:80/x?utm_campaign=1", "http://example.com/x")]
    [InlineData("https://example.com:8443/x", "https://example.com:8443/x")]
    [InlineData("  files/a.html ", "files/a.html")]
    public void Urls_are_canonicalized(string url, string expected) => Assert.Equal(expected, UrlCanonicalizer.Canonicalize(url));
}

public sealed class StoreConcurrencyAndIndexTests : IDisposable
{
    private readonly TempStore _t = new();

    public void Dispose() => _t.Dispose();

    // The same pinned values are asserted for ContentFingerprint.BandKeys in Sitrep.Ingest.Tests: the two
    // implementations must stay equal.
    [Fact]
    public void Band_keys_match_the_pinned_fingerprint_algorithm()
    {
        var keys = NearDuplicateIndex.BandKeys(Enumerable.Range(0, 128).Select(i => (uint)i).ToArray());
        Assert.Equal(32, keys.Length);
        Assert.Equal(PinnedBandKeys.First, keys[0]);
        Assert.Equal(PinnedBandKeys.Last, keys[31]);
    }

    [Fact]
    public void Two_stores_on_one_file_take_turns()
    {
        using var a = SitrepStore.Open(_t.Path, _t.Clock);
        using var b = SitrepStore.Open(_t.Path, _t.Clock);
        long run = a.BeginIngest("a");
        var bodies = Enumerable.Range(0, 20).Select(i => $"Report number {i} about a different event entirely.").ToArray();
        Parallel.For(0, bodies.Length, new ParallelOptions { MaxDegreeOfParallelism = 2 }, i =>
        {
            var store = i % 2 == 0 ? a : b;
            var doc = Docs.Html(bodies[i], $"https://a.example/{i}");
            Assert.Equal(StoreOutcomeKind.New, store.Store(doc, Docs.Hashes(doc, 100 + i), run).Kind);
        });
        Assert.Equal(20, b.GetSummary().Documents);
    }

    [Fact]
    public void Store_can_take_the_hashes_from_the_document_layer_and_creates_the_folder()
    {
        var path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "sitrep-test-" + Guid.NewGuid().ToString("N"), "sub", "store.db");
        try
        {
            using var store = SitrepStore.Open(path, _t.Clock);
            var doc = Docs.Html("Text with hashes.", "https://a.example/h");
            doc = doc.With(CoreLayers.Hashes, Docs.Hashes(doc, 5));
            var o = store.Store(doc, store.BeginIngest("x"));
            Assert.Equal(doc.Get(CoreLayers.Hashes).MinHash, store.GetDocument(o.DocumentId)!.Hashes.MinHash);
            Assert.Throws<InvalidOperationException>(() => store.Store(Docs.Html("No hashes.", null), 1));
        }
        finally
        {
            Directory.Delete(System.IO.Path.GetDirectoryName(System.IO.Path.GetDirectoryName(path))!, recursive: true);
        }
    }
}

internal static class PinnedBandKeys
{
    public const long First = 1037755338023997388;
    public const long Last = 5486704425130417793;
}
