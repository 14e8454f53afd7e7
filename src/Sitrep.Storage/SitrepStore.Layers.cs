using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Sitrep.Actors;
using Sitrep.Core;
using Sitrep.Core.Records;
using Sitrep.Events;
using Sitrep.Nlp;
using Sitrep.Time;

namespace Sitrep.Storage;

public sealed partial class SitrepStore
{
    /// <summary>The layer tables a document's analysis writes, in deletion order (events last: clusters are recounted after).</summary>
    private static readonly string[] LayerTables = ["sentences", "tokens", "entities", "actor_mentions", "places", "timexes", "quotes", "document_layers"];

    /// <summary>The canonical JSON of a version set: keys in ordinal order, so equal sets compare equal as text.</summary>
    public static string VersionKey(IReadOnlyDictionary<string, string> versions)
    {
        ArgumentNullException.ThrowIfNull(versions);
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream))
        {
            w.WriteStartObject();
            foreach (var (k, v) in versions.OrderBy(kv => kv.Key, StringComparer.Ordinal)) w.WriteString(k, v);
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>Writes every analysis layer of <paramref name="doc"/>; returns the event clusters its events joined or made.</summary>
    private SortedSet<long> WriteAnalysis(SqliteTransaction tx, Document doc, string id, IReadOnlyDictionary<string, string> versions, bool counted)
    {
        long versionSet = VersionSetId(versions);
        Statement("""
            INSERT INTO document_analysis(document_id, version_set_id, sitrep_version, analyzed_at) VALUES (?1, ?2, ?3, ?4)
            ON CONFLICT(document_id) DO UPDATE SET version_set_id = excluded.version_set_id, sitrep_version = excluded.sitrep_version, analyzed_at = excluded.analyzed_at
            """).Bind(1, id).Bind(2, versionSet).Bind(3, SitrepVersion).Bind(4, FormatTime(_clock.GetUtcNow())).Execute();
        var layerRow = Statement("INSERT INTO document_layers(document_id, layer, version_set_id, items) VALUES (?1, ?2, ?3, ?4)");
        layerRow.Bind(1, id).Bind(3, versionSet);
        void Layer(AnnotationLayer layer, int items) => layerRow.Bind(2, layer.Name).Bind(4, items).Execute();

        // Row statements: ?1 is the document id and ?2 the item's index (see Rows); the rest are the item's fields.
        var sentences = doc.Has(NlpLayers.Sentences) ? doc.Get(NlpLayers.Sentences) : null;
        if (sentences is not null)
        {
            Rows("INSERT INTO sentences(document_id, seq, start, \"end\", first_token, token_count) VALUES (?1, ?2, ?3, ?4, ?5, ?6)", id, sentences,
                (r, s) => r.Bind(3, s.Span.Start).Bind(4, s.Span.End).Bind(5, s.FirstToken).Bind(6, s.TokenCount));
            Layer(NlpLayers.Sentences, sentences.Length);
        }
        if (doc.Has(NlpLayers.Tokens))
        {
            var tokens = doc.Get(NlpLayers.Tokens);
            Statement("INSERT INTO tokens(document_id, count, data) VALUES (?1, ?2, ?3)")
                .Bind(1, id).Bind(2, tokens.Length).BindBlob(3, TokenCodec.Encode(tokens)).Execute();
            Layer(NlpLayers.Tokens, tokens.Length);
        }
        if (doc.Has(NlpLayers.Entities))
        {
            var entities = doc.Get(NlpLayers.Entities);
            Rows("INSERT INTO entities(document_id, seq, start, \"end\", type, first_token, token_count) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)", id, entities,
                (r, e) => r.Bind(3, e.Span.Start).Bind(4, e.Span.End).Bind(5, e.Type).Bind(6, e.FirstToken).Bind(7, e.TokenCount));
            Layer(NlpLayers.Entities, entities.Length);
        }
        ActorMention[] actors = doc.Has(ActorLayers.Actors) ? doc.Get(ActorLayers.Actors) : [];
        var actorKeys = new string[actors.Length];
        if (doc.Has(ActorLayers.Actors))
        {
            var upsert = Statement("INSERT INTO actors(id, kb_id, name, code, country, kind) VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT(id) DO NOTHING");
            for (int i = 0; i < actors.Length; i++)
            {
                var a = actors[i];
                actorKeys[i] = ActorKey(a);
                upsert.Bind(1, actorKeys[i]).Bind(2, a.ActorId).Bind(3, a.Name).Bind(4, a.Code).Bind(5, a.Country).Bind(6, KindName(a.Kind)).Execute();
            }
            Rows("""
                INSERT INTO actor_mentions(document_id, seq, start, "end", first_token, token_count, head_token, actor_key, actor_id, name, code, country, sector, role, kind, chain, resolution)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17)
                """, id, actors,
                (r, a) => r.Bind(3, a.Span.Start).Bind(4, a.Span.End).Bind(5, a.FirstToken).Bind(6, a.TokenCount).Bind(7, a.HeadToken)
                    .Bind(8, ActorKey(a)).Bind(9, a.ActorId).Bind(10, a.Name).Bind(11, a.Code).Bind(12, a.Country).Bind(13, a.Sector)
                    .Bind(14, a.Role).Bind(15, KindName(a.Kind)).Bind(16, a.Chain).Bind(17, a.Resolution));
            Layer(ActorLayers.Actors, actors.Length);
        }
        PlaceMention[] places = doc.Has(ActorLayers.Places) ? doc.Get(ActorLayers.Places) : [];
        if (doc.Has(ActorLayers.Places))
        {
            Rows("""
                INSERT INTO places(document_id, seq, start, "end", first_token, token_count, place_id, name, country, lat, lon, kind)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)
                """, id, places,
                (r, x) => r.Bind(3, x.Span.Start).Bind(4, x.Span.End).Bind(5, x.FirstToken).Bind(6, x.TokenCount).Bind(7, x.PlaceId)
                    .Bind(8, x.Name).Bind(9, x.Country).Bind(10, x.Lat).Bind(11, x.Lon).Bind(12, x.Kind));
            Layer(ActorLayers.Places, places.Length);
        }
        if (doc.Has(TimeLayers.Timexes))
        {
            var timexes = doc.Get(TimeLayers.Timexes);
            Rows("""
                INSERT INTO timexes(document_id, seq, start, "end", type, value, mod, anchor, zone_offset, quant, freq) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)
                """, id, timexes,
                (r, t) => r.Bind(3, t.Span.Start).Bind(4, t.Span.End).Bind(5, t.Type.ToTimeMl()).Bind(6, t.Value).Bind(7, t.Mod).Bind(8, t.Anchor)
                    .Bind(9, t.ZoneOffset is { } z ? (z < TimeSpan.Zero ? "-" : "+") + z.ToString("hh\\:mm", CultureInfo.InvariantCulture) : null)
                    .Bind(10, t.Quant).Bind(11, t.Freq));
            Layer(TimeLayers.Timexes, timexes.Count);
        }
        var text = doc.Text.Text;
        if (doc.Has(EventLayers.Quotes))
        {
            var quotes = doc.Get(EventLayers.Quotes);
            Rows("""
                INSERT INTO quotes(document_id, seq, start, "end", text, speaker, speaker_key, cue_start, cue_end) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)
                """, id, quotes,
                (r, q) => r.Bind(3, q.Span.Start).Bind(4, q.Span.End).Bind(5, Slice(text, q.Span)).Bind(6, q.Speaker)
                    .Bind(7, q.Speaker is { } k && k >= 0 && k < actorKeys.Length ? actorKeys[k] : null)
                    .Bind(8, q.Cue?.Start).Bind(9, q.Cue?.End));
            Layer(EventLayers.Quotes, quotes.Length);
        }
        var clusters = new SortedSet<long>();
        if (doc.Has(EventLayers.Events))
        {
            var events = doc.Get(EventLayers.Events);
            WriteEvents(tx, doc, id, events, sentences, actors, actorKeys, places, counted, clusters);
            Layer(EventLayers.Events, events.Length);
        }
        return clusters;
    }

    private long VersionSetId(IReadOnlyDictionary<string, string> versions)
    {
        var key = VersionKey(versions);
        // Nearly every document of a run has the same set, so look it up before trying to insert it.
        var select = Statement("SELECT id FROM version_sets WHERE versions = ?1").Bind(1, key);
        if (select.QueryInt64() is { } existing) return existing;
        Statement("INSERT INTO version_sets(versions) VALUES (?1)").Bind(1, key).Execute();
        return select.QueryInt64() ?? throw new InvalidOperationException("The version set was not stored.");
    }

    /// <summary>Inserts one row per item with ?1 = document id and ?2 = index; <paramref name="bind"/> binds the item's fields.</summary>
    private void Rows<T>(string sql, string id, IReadOnlyList<T> items, Action<SqliteStatement, T> bind)
    {
        var row = Statement(sql);
        row.Bind(1, id);
        for (int i = 0; i < items.Count; i++)
        {
            bind(row.Bind(2, i), items[i]);
            row.Execute();
        }
    }

    /// <summary>An actor's identity across documents: its knowledge-base id, else its code and normalized name.</summary>
    public static string ActorKey(ActorMention a) => a.ActorId ?? $"~{a.Code}:{a.Name.Trim().ToLowerInvariant()}";

    public static string KindName(ActorKind k) => k switch
    {
        ActorKind.State => "state",
        ActorKind.Organization => "organization",
        ActorKind.Group => "group",
        ActorKind.Person => "person",
        ActorKind.Agent => "agent",
        ActorKind.Media => "media",
        _ => "other",
    };

    private static string Slice(string text, TextSpan span) =>
        span.End <= text.Length ? text[span.Start..span.End] : "";

    /// <summary>The outlet a document counts as for NumSources: its site, else its URL's host, else its origin.</summary>
    public static string SourceName(DocumentMetadata m)
    {
        ArgumentNullException.ThrowIfNull(m);
        if (!string.IsNullOrWhiteSpace(m.Site)) return m.Site.Trim();
        if (m.Url is not null && Uri.TryCreate(m.Url, UriKind.Absolute, out var u) && u.Host.Length > 0)
            return u.Host.StartsWith("www.", StringComparison.OrdinalIgnoreCase) ? u.Host[4..] : u.Host;
        return m.Origin;
    }

    private void WriteEvents(SqliteTransaction tx, Document doc, string id, ImmutableArray<CodedEvent> events, Sentence[]? sentences,
        ActorMention[] actors, string[] actorKeys, PlaceMention[] places, bool counted, SortedSet<long> clusters)
    {
        var text = doc.Text.Text;
        var sourceName = SourceName(doc.Metadata);
        var firstParagraph = DocumentRecordWriter.Paragraphs(text).FirstOrDefault();
        var dateAdded = _clock.GetUtcNow().UtcDateTime.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture);
        var insert = Prepared("""
            INSERT INTO events(document_id, seq, event_key, cluster_id, counted, source_name_doc, cameo, base_code, root, quad_class, goldstein,
                plover_type, plover_mode, plover_context, source_code, source_country, source_actor, source_actor_key,
                target_code, target_country, target_actor, target_actor_key, date_value, date_from, date_timex, day, day_end,
                place, modality, rule, sentence, trigger_start, trigger_end, spans, evidence_text, is_root, links, shingles)
            VALUES (@d, @seq, @key, @cluster, @counted, @outlet, @cameo, @base, @root, @quad, @goldstein,
                @ptype, @pmode, @pctx, @scode, @scountry, @sactor, @skey,
                @tcode, @tcountry, @tactor, @tkey, @dvalue, @dfrom, @dtimex, @day, @dayend,
                @place, @modality, @rule, @sentence, @tstart, @tend, @spans, @evidence, @isroot, @links, @shingles)
            RETURNING id
            """, tx);
        var rowIds = new Dictionary<string, long>(StringComparer.Ordinal);
        var clusterOf = new Dictionary<string, long>(StringComparer.Ordinal);
        var eventRows = new long[events.Length];
        // Clusters are recounted once per document, not once per event: a cluster's count is a scan of its events.
        var touched = new SortedSet<long>();
        for (int k = 0; k < events.Length; k++)
        {
            var e = events[k];
            string? sourceKey = Key(e.Source?.Actor), targetKey = Key(e.Target?.Actor);
            string? Key(int? i) => i is { } a && a >= 0 && a < actorKeys.Length ? actorKeys[a] : null;
            var evidence = EvidenceText(text, sentences, e.Evidence);
            var shingles = EventMatching.Shingles(evidence);
            var range = EventMatching.DayRange(e.Date.Value);
            bool isRoot = firstParagraph.End > 0 ? firstParagraph.Contains(e.Evidence.Trigger.Start) : e.Evidence.Sentence == 0;
            var baseCode = e.Cameo.Length >= 3 ? e.Cameo[..3] : e.Cameo;
            PlaceMention? place = e.Place is { } pi && pi >= 0 && pi < places.Length ? places[pi] : null;

            long cluster = FindCluster(tx, e, range, shingles) ?? NewCluster(tx, e, baseCode, range, actors, place, isRoot, dateAdded);
            clusters.Add(cluster);

            var p = insert.Parameters;
            p.Clear();
            p.AddWithValue("@d", id);
            p.AddWithValue("@seq", k);
            p.AddWithValue("@key", e.Id);
            p.AddWithValue("@cluster", cluster);
            p.AddWithValue("@counted", counted ? 1 : 0);
            p.AddWithValue("@outlet", sourceName);
            p.AddWithValue("@cameo", e.Cameo);
            p.AddWithValue("@base", baseCode);
            p.AddWithValue("@root", e.Root);
            p.AddWithValue("@quad", e.QuadClass);
            p.AddWithValue("@goldstein", e.Goldstein);
            p.AddWithValue("@ptype", Db(e.Plover.Type));
            p.AddWithValue("@pmode", Db(e.Plover.Mode));
            p.AddWithValue("@pctx", JsonSerializer.Serialize(e.Plover.Context.IsDefault ? [] : e.Plover.Context.ToArray()));
            p.AddWithValue("@scode", Db(e.Source?.Code));
            p.AddWithValue("@scountry", Db(e.Source?.Country));
            p.AddWithValue("@sactor", e.Source?.Actor is { } sa ? sa : DBNull.Value);
            p.AddWithValue("@skey", Db(sourceKey));
            p.AddWithValue("@tcode", Db(e.Target?.Code));
            p.AddWithValue("@tcountry", Db(e.Target?.Country));
            p.AddWithValue("@tactor", e.Target?.Actor is { } ta ? ta : DBNull.Value);
            p.AddWithValue("@tkey", Db(targetKey));
            p.AddWithValue("@dvalue", e.Date.Value);
            p.AddWithValue("@dfrom", e.Date.From);
            p.AddWithValue("@dtimex", e.Date.Timex is { } ti ? ti : DBNull.Value);
            p.AddWithValue("@day", range is { } r1 ? EventMatching.Iso(r1.Start) : DBNull.Value);
            p.AddWithValue("@dayend", range is { } r2 ? EventMatching.Iso(r2.End) : DBNull.Value);
            p.AddWithValue("@place", e.Place is { } pl ? pl : DBNull.Value);
            p.AddWithValue("@modality", e.Modality.ToRecord());
            p.AddWithValue("@rule", e.Rule);
            p.AddWithValue("@sentence", e.Evidence.Sentence);
            p.AddWithValue("@tstart", e.Evidence.Trigger.Start);
            p.AddWithValue("@tend", e.Evidence.Trigger.End);
            p.AddWithValue("@spans", JsonSerializer.Serialize((e.Evidence.Spans.IsDefault ? [] : e.Evidence.Spans.ToArray()).Select(s => new[] { s.Start, s.End })));
            p.AddWithValue("@evidence", evidence);
            p.AddWithValue("@isroot", isRoot ? 1 : 0);
            p.AddWithValue("@links", JsonSerializer.Serialize(e.Links.IsDefault ? [] : e.Links.ToArray()));
            p.Add("@shingles", SqliteType.Blob).Value = EventMatching.ToBlob(shingles);
            long row = Convert.ToInt64(insert.ExecuteScalar(), CultureInfo.InvariantCulture);
            eventRows[k] = row;
            rowIds.TryAdd(e.Id, row);
            clusterOf.TryAdd(e.Id, cluster);
            touched.Add(cluster);

            if (!e.Attribution.IsDefaultOrEmpty)
            {
                var attr = Prepared("""
                    INSERT INTO attributions(event_id, seq, code, actor, actor_key, text, start, "end") VALUES (@e, @i, @c, @a, @k, @t, @s, @x)
                    """, tx);
                for (int i = 0; i < e.Attribution.Length; i++)
                {
                    var a = e.Attribution[i];
                    attr.Parameters.Clear();
                    attr.Parameters.AddWithValue("@e", row);
                    attr.Parameters.AddWithValue("@i", i);
                    attr.Parameters.AddWithValue("@c", Db(a.Code));
                    attr.Parameters.AddWithValue("@a", a.Actor is { } ai ? ai : DBNull.Value);
                    attr.Parameters.AddWithValue("@k", Db(Key(a.Actor)));
                    attr.Parameters.AddWithValue("@t", a.Text);
                    attr.Parameters.AddWithValue("@s", a.Span.Start);
                    attr.Parameters.AddWithValue("@x", a.Span.End);
                    attr.ExecuteNonQuery();
                }
            }
        }

        foreach (var c in touched) RecountCluster(tx, c);

        // Claims: an event someone is said to assert, allege or deny; a denial names what it denies through Links.
        var claim = Prepared("""
            INSERT INTO claims(event_id, document_id, stance, claimant_code, claimant_name, claimant_key, sources, about)
            VALUES (@e, @d, @s, @c, @n, @k, @src, @about)
            """, tx);
        for (int k = 0; k < events.Length; k++)
        {
            var e = events[k];
            bool attributed = !e.Attribution.IsDefaultOrEmpty;
            // Only a denial links to other events (the alleged ones it denies): "Both Russia and North Korea denied the US
            // allegations" is an asserted 016 event, and its source's claim about those events is a denial.
            bool denial = !e.Links.IsDefaultOrEmpty;
            if (!attributed && !denial && e.Modality is not (Modality.Alleged or Modality.Denied or Modality.Reported)) continue;
            // The claimant is the innermost link (the one who said it); the outer links are the sources carrying it.
            var inner = attributed ? e.Attribution[^1] : null;
            string? claimantName = inner?.Actor is { } ia && ia >= 0 && ia < actors.Length ? actors[ia].Name : null;
            string? claimantCode = inner?.Code ?? (inner?.Actor is { } ib && ib >= 0 && ib < actors.Length ? actors[ib].Code : null);
            int? claimantActor = inner?.Actor;
            // A denial is its source's own, whoever reports it; so is a denied event without attribution.
            if ((denial || (inner is null && e.Modality == Modality.Denied)) && e.Source is { } src)
            {
                claimantCode = src.Code;
                claimantName = src.Actor is { } sa && sa >= 0 && sa < actors.Length ? actors[sa].Name : null;
                claimantActor = src.Actor;
            }
            // What a claim is about, as merged-event ids: a denial's alleged events.
            var about = (e.Links.IsDefault ? [] : e.Links).Where(clusterOf.ContainsKey).Select(l => clusterOf[l]).Distinct().ToArray();
            claim.Parameters.Clear();
            claim.Parameters.AddWithValue("@e", eventRows[k]);
            claim.Parameters.AddWithValue("@d", id);
            claim.Parameters.AddWithValue("@s", (denial ? Modality.Denied : e.Modality).ToRecord());
            claim.Parameters.AddWithValue("@c", Db(claimantCode));
            claim.Parameters.AddWithValue("@n", Db(claimantName));
            claim.Parameters.AddWithValue("@k", Db(claimantActor is { } ic && ic >= 0 && ic < actorKeys.Length ? actorKeys[ic] : null));
            claim.Parameters.AddWithValue("@src", attributed ? string.Join(" > ", e.Attribution.Select(a => a.Text)) : "");
            claim.Parameters.AddWithValue("@about", JsonSerializer.Serialize(about));
            claim.ExecuteNonQuery();
        }
    }

    /// <summary>The evidence sentence's text; without a sentence layer, the line around the trigger.</summary>
    private static string EvidenceText(string text, Sentence[]? sentences, EventEvidence evidence)
    {
        if (sentences is not null && evidence.Sentence >= 0 && evidence.Sentence < sentences.Length)
            return Slice(text, sentences[evidence.Sentence].Span);
        int t = Math.Clamp(evidence.Trigger.Start, 0, text.Length);
        int start = text.LastIndexOf('\n', Math.Max(0, t - 1)) + 1;
        if (t == 0) start = 0;
        int end = text.IndexOf('\n', t);
        return text[start..(end < 0 ? text.Length : end)].Trim();
    }

    /// <summary>The best existing event this mention belongs to, or null. Ties go to the oldest event.</summary>
    /// <summary>How many of a cluster's mentions (its first, in id order) a new event's evidence is compared with.</summary>
    internal const int ClusterSampleSize = 500;

    private long? FindCluster(SqliteTransaction tx, CodedEvent e, (DateOnly Start, DateOnly End)? range, ulong[] shingles)
    {
        if (range is not { } r) return null; // an undated event cannot be matched in time
        var candidates = new List<(long Id, string Cameo, DateOnly Day, DateOnly End)>();
        var clusterQuery = Prepared("""
            SELECT id, cameo, day, day_end FROM event_clusters
            WHERE source_root = @sr AND target_root = @tr
              AND (source_code = @s OR source_code = source_root OR @s = @sr)
              AND (target_code = @t OR target_code = target_root OR @t = @tr)
              AND root = @r AND polarity = @p AND day IS NOT NULL AND day <= @hi AND day_end >= @lo
            ORDER BY id
            """, tx);
        {
            // Same dyad: the same codes, or the same countries where one side is the bare country ("a Philippine
            // boat" = PHL, "Philippine marines" = PHLMIL): outlets name the same party more or less precisely.
            clusterQuery.Parameters.AddWithValue("@s", e.Source?.Code ?? "");
            clusterQuery.Parameters.AddWithValue("@t", e.Target?.Code ?? "");
            clusterQuery.Parameters.AddWithValue("@sr", EventMatching.CodeRoot(e.Source?.Code, e.Source?.Country));
            clusterQuery.Parameters.AddWithValue("@tr", EventMatching.CodeRoot(e.Target?.Code, e.Target?.Country));
            clusterQuery.Parameters.AddWithValue("@r", e.Root);
            clusterQuery.Parameters.AddWithValue("@p", EventMatching.Polarity(e.Modality));
            clusterQuery.Parameters.AddWithValue("@hi", EventMatching.Iso(r.End.AddDays(EventMatching.WindowDays)));
            clusterQuery.Parameters.AddWithValue("@lo", EventMatching.Iso(r.Start.AddDays(-EventMatching.WindowDays)));
            using var rd = clusterQuery.ExecuteReader();
            while (rd.Read())
                candidates.Add((rd.GetInt64(0), rd.GetString(1), EventMatching.ParseIso(rd.GetString(2)), EventMatching.ParseIso(rd.GetString(3))));
        }
        if (candidates.Count == 0) return null;
        long? best = null;
        double bestScore = EventMatching.Threshold - 1e-9;
        // A cluster's wording is judged on its first mentions: a story reported thousands of times would otherwise
        // make each new report read every earlier one.
        var load = Prepared("SELECT shingles FROM events WHERE cluster_id = @c ORDER BY id LIMIT " + ClusterSampleSize.ToString(CultureInfo.InvariantCulture), tx);
        var pc = load.Parameters.Add("@c", SqliteType.Integer);
        foreach (var c in candidates)
        {
            double similarity = 0;
            pc.Value = c.Id;
            // The best possible match ends the scan: a large cluster is mostly copies of the same sentence.
            using (var rd = load.ExecuteReader())
                while (similarity < 1 && rd.Read())
                    similarity = Math.Max(similarity, EventMatching.Jaccard(shingles, EventMatching.FromBlob(rd.GetFieldValue<byte[]>(0))));
            double score = EventMatching.Score(string.Equals(c.Cameo, e.Cameo, StringComparison.Ordinal), r.Start, r.End, c.Day, c.End, similarity);
            if (score > bestScore)
            {
                best = c.Id;
                bestScore = score;
            }
        }
        return best;
    }

    private long NewCluster(SqliteTransaction tx, CodedEvent e, string baseCode, (DateOnly Start, DateOnly End)? range, ActorMention[] actors,
        PlaceMention? place, bool isRoot, string dateAdded)
    {
        ActorMention? Actor(int? i) => i is { } a && a >= 0 && a < actors.Length ? actors[a] : null;
        var sa = Actor(e.Source?.Actor);
        var ta = Actor(e.Target?.Actor);
        var cmd = Prepared("""
            INSERT INTO event_clusters(cameo, base_code, root, quad_class, goldstein, plover_type, plover_mode,
                source_code, source_root, source_country, source_name, source_sector, source_actor_key,
                target_code, target_root, target_country, target_name, target_sector, target_actor_key,
                polarity, modality, date_value, day, day_end, place_id, place_name, place_country, place_lat, place_lon, place_kind,
                is_root, date_added)
            VALUES (@cameo, @base, @root, @quad, @goldstein, @ptype, @pmode,
                @scode, @sroot, @scountry, @sname, @ssector, @skey,
                @tcode, @troot, @tcountry, @tname, @tsector, @tkey,
                @polarity, @modality, @dvalue, @day, @dayend, @pid, @pname, @pcountry, @plat, @plon, @pkind,
                @isroot, @added)
            RETURNING id
            """, tx);
        var p = cmd.Parameters;
        p.AddWithValue("@cameo", e.Cameo);
        p.AddWithValue("@base", baseCode);
        p.AddWithValue("@root", e.Root);
        p.AddWithValue("@quad", e.QuadClass);
        p.AddWithValue("@goldstein", e.Goldstein);
        p.AddWithValue("@ptype", Db(e.Plover.Type));
        p.AddWithValue("@pmode", Db(e.Plover.Mode));
        p.AddWithValue("@scode", e.Source?.Code ?? "");
        p.AddWithValue("@sroot", EventMatching.CodeRoot(e.Source?.Code, e.Source?.Country));
        p.AddWithValue("@scountry", Db(e.Source?.Country));
        p.AddWithValue("@sname", Db(sa?.Name));
        p.AddWithValue("@ssector", Db(sa?.Sector));
        p.AddWithValue("@skey", sa is { } s1 ? ActorKey(s1) : DBNull.Value);
        p.AddWithValue("@tcode", e.Target?.Code ?? "");
        p.AddWithValue("@troot", EventMatching.CodeRoot(e.Target?.Code, e.Target?.Country));
        p.AddWithValue("@tcountry", Db(e.Target?.Country));
        p.AddWithValue("@tname", Db(ta?.Name));
        p.AddWithValue("@tsector", Db(ta?.Sector));
        p.AddWithValue("@tkey", ta is { } t1 ? ActorKey(t1) : DBNull.Value);
        p.AddWithValue("@polarity", EventMatching.Polarity(e.Modality));
        p.AddWithValue("@modality", e.Modality.ToRecord());
        p.AddWithValue("@dvalue", e.Date.Value);
        p.AddWithValue("@day", range is { } r1 ? EventMatching.Iso(r1.Start) : DBNull.Value);
        p.AddWithValue("@dayend", range is { } r2 ? EventMatching.Iso(r2.End) : DBNull.Value);
        p.AddWithValue("@pid", Db(place?.PlaceId));
        p.AddWithValue("@pname", Db(place?.Name));
        p.AddWithValue("@pcountry", Db(place?.Country));
        p.AddWithValue("@plat", place?.Lat is { } lat ? lat : DBNull.Value);
        p.AddWithValue("@plon", place?.Lon is { } lon ? lon : DBNull.Value);
        p.AddWithValue("@pkind", Db(place?.Kind));
        p.AddWithValue("@isroot", isRoot ? 1 : 0);
        p.AddWithValue("@added", dateAdded);
        return Convert.ToInt64(cmd.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    /// <summary>Recomputes an event's counts from its counted mentions (GDELT's NumMentions, NumSources, NumArticles); drops it when no mention is left.</summary>
    private void RecountCluster(SqliteTransaction tx, long cluster)
    {
        var cmd = Prepared("""
            UPDATE event_clusters SET
                num_mentions = (SELECT count(*) FROM events WHERE cluster_id = @c AND counted = 1),
                num_articles = (SELECT count(DISTINCT document_id) FROM events WHERE cluster_id = @c AND counted = 1),
                num_sources = (SELECT count(DISTINCT source_name_doc) FROM events WHERE cluster_id = @c AND counted = 1),
                first_event_id = (SELECT min(id) FROM events WHERE cluster_id = @c)
            WHERE id = @c
            """, tx);
        cmd.Parameters.AddWithValue("@c", cluster);
        cmd.ExecuteNonQuery();
        var drop = Prepared("DELETE FROM event_clusters WHERE id = @c AND NOT EXISTS (SELECT 1 FROM events WHERE cluster_id = @c)", tx);
        drop.Parameters.AddWithValue("@c", cluster);
        drop.ExecuteNonQuery();
    }

    /// <summary>A superseded version's events stop counting: the new version's events replace them.</summary>
    private void SupersedeEvents(SqliteTransaction tx, string previous)
    {
        var cmd = Prepared("UPDATE events SET counted = 0 WHERE document_id = @p", tx);
        cmd.Parameters.AddWithValue("@p", previous);
        if (cmd.ExecuteNonQuery() == 0) return;
        foreach (var c in ClustersOf(tx, previous)) RecountCluster(tx, c);
    }

    private List<long> ClustersOf(SqliteTransaction tx, string documentId)
    {
        var cmd = Prepared("SELECT DISTINCT cluster_id FROM events WHERE document_id = @d ORDER BY cluster_id", tx);
        cmd.Parameters.AddWithValue("@d", documentId);
        using var r = cmd.ExecuteReader();
        var list = new List<long>();
        while (r.Read()) list.Add(r.GetInt64(0));
        return list;
    }

    /// <summary>
    /// The document's story: its original's or previous version's, else a MinHash peer's (estimated Jaccard ≥ 0.5),
    /// else the story of the first article that reported one of its events, else a new story.
    /// </summary>
    private void AssignStory(string id, string? linked, SortedSet<long> clusters)
    {
        long? story = null;
        if (linked is not null)
            story = Statement("SELECT story_id FROM documents WHERE id = ?1").Bind(1, linked).QueryInt64();
        if (story is null && clusters.Count > 0)
        {
            var peers = Statement("""
                SELECT min(d.story_id) FROM events e JOIN documents d ON d.id = e.document_id
                WHERE e.cluster_id = ?1 AND e.document_id <> ?2 AND d.story_id IS NOT NULL
                """).Bind(2, id);
            foreach (var c in clusters)
                if (peers.Bind(1, c).QueryInt64() is { } s && (story is null || s < story)) story = s;
        }
        story ??= Statement("INSERT INTO stories(first_document_id) VALUES (?1) RETURNING id").Bind(1, id).QueryInt64()
            ?? throw new InvalidOperationException("The story was not stored.");
        Statement("UPDATE documents SET story_id = ?1 WHERE id = ?2").Bind(1, story).Bind(2, id).Execute();
    }

    /// <summary>
    /// Replaces a stored document's analysis with <paramref name="analysed"/> (the same document re-run through the
    /// pipeline), in one transaction: its layers are deleted, its events leave their merged events (which are
    /// recounted, and dropped when empty) and the new events are merged again.
    /// </summary>
    public void ReplaceAnalysis(string documentId, Document analysed, IReadOnlyDictionary<string, string> versions)
    {
        ArgumentException.ThrowIfNullOrEmpty(documentId);
        ArgumentNullException.ThrowIfNull(analysed);
        ArgumentNullException.ThrowIfNull(versions);
        lock (_gate)
        {
            ThrowIfDisposed();
            using var tx = _connection.BeginTransaction(deferred: false);
            bool counted;
            using (var cmd = Command("SELECT duplicate_of IS NULL AND is_latest = 1 FROM documents WHERE id = @d", tx))
            {
                cmd.Parameters.AddWithValue("@d", documentId);
                counted = cmd.ExecuteScalar() is long c ? c != 0 : throw new ArgumentException($"No document {documentId}.", nameof(documentId));
            }
            var old = ClustersOf(tx, documentId);
            foreach (var table in LayerTables)
            {
                using var del = Command($"DELETE FROM {table} WHERE document_id = @d", tx);
                del.Parameters.AddWithValue("@d", documentId);
                del.ExecuteNonQuery();
            }
            using (var del = Command("DELETE FROM events WHERE document_id = @d", tx)) // attributions and claims cascade
            {
                del.Parameters.AddWithValue("@d", documentId);
                del.ExecuteNonQuery();
            }
            foreach (var c in old) RecountCluster(tx, c);
            WriteAnalysis(tx, analysed, documentId, versions, counted);
            StoreStepHook?.Invoke("reanalysis");
            tx.Commit();
        }
    }

    /// <summary>
    /// Stored documents whose analysis is missing or was made by other versions than <paramref name="current"/>; with
    /// <paramref name="before"/>, also those analysed by a Sitrep older than that version. Ordered by storage order.
    /// </summary>
    public IReadOnlyList<string> DocumentsToReanalyse(IReadOnlyDictionary<string, string> current, string? before = null)
    {
        ArgumentNullException.ThrowIfNull(current);
        var key = VersionKey(current);
        Version? limit = before is null ? null : Version.Parse(before);
        lock (_gate)
        {
            ThrowIfDisposed();
            using var cmd = Command("""
                SELECT d.id, v.versions, a.sitrep_version FROM documents d
                LEFT JOIN document_analysis a ON a.document_id = d.id
                LEFT JOIN version_sets v ON v.id = a.version_set_id
                ORDER BY d.rowid
                """, null);
            using var r = cmd.ExecuteReader();
            var list = new List<string>();
            while (r.Read())
            {
                bool stale = r.IsDBNull(1) || !string.Equals(r.GetString(1), key, StringComparison.Ordinal);
                if (!stale && limit is not null && Version.TryParse(r.GetString(2), out var v) && v < limit) stale = true;
                if (stale) list.Add(r.GetString(0));
            }
            return list;
        }
    }

    /// <summary>The tokens stored for a document, or null.</summary>
    public Token[]? GetTokens(string documentId)
    {
        lock (_gate)
        {
            ThrowIfDisposed();
            using var cmd = Command("SELECT data FROM tokens WHERE document_id = @d", null);
            cmd.Parameters.AddWithValue("@d", documentId);
            return cmd.ExecuteScalar() is byte[] blob ? TokenCodec.Decode(blob) : null;
        }
    }

    /// <summary>Layer name → item count for a stored document, with the versions that made them.</summary>
    public IReadOnlyList<(string Layer, int Items, string Versions)> GetLayers(string documentId)
    {
        lock (_gate)
        {
            ThrowIfDisposed();
            using var cmd = Command("""
                SELECT l.layer, l.items, v.versions FROM document_layers l JOIN version_sets v ON v.id = l.version_set_id
                WHERE l.document_id = @d ORDER BY l.layer
                """, null);
            cmd.Parameters.AddWithValue("@d", documentId);
            using var r = cmd.ExecuteReader();
            var list = new List<(string, int, string)>();
            while (r.Read()) list.Add((r.GetString(0), r.GetInt32(1), r.GetString(2)));
            return list;
        }
    }
}
