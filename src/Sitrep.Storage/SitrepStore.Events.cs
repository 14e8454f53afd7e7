using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;

namespace Sitrep.Storage;

public sealed partial class SitrepStore
{
    private const string EventColumns = """
        c.id, c.cameo, c.base_code, c.root, c.quad_class, c.goldstein, c.plover_type, c.plover_mode,
        c.source_code, c.source_root, c.source_country, c.source_name, c.source_sector, c.source_actor_key,
        c.target_code, c.target_root, c.target_country, c.target_name, c.target_sector, c.target_actor_key,
        c.modality, c.date_value, c.day, c.day_end, c.place_id, c.place_name, c.place_country, c.place_lat, c.place_lon, c.place_kind,
        c.is_root, c.num_mentions, c.num_sources, c.num_articles, c.date_added,
        e.document_id, d.url, d.published, e.evidence_text,
        ifnull((SELECT group_concat(text, ' > ') FROM (SELECT a.text FROM attributions a WHERE a.event_id = e.id ORDER BY a.seq)), ''), e.rule,
        e.plover_context
        """;

    /// <summary>
    /// Merged events matching <paramref name="q"/>, ordered by day (undated last), then id. The page is chosen from
    /// the merged events alone (from the covering dyad index when a dyad is given), then joined to its first mentions.
    /// </summary>
    public IReadOnlyList<EventRow> ListEvents(EventQuery q)
    {
        ArgumentNullException.ThrowIfNull(q);
        lock (_gate)
        {
            ThrowIfDisposed();
            using var cmd = _connection.CreateCommand();
            var where = EventWhere(q, cmd);
            cmd.CommandText = $"""
                SELECT {EventColumns}
                FROM event_clusters c JOIN events e ON e.id = c.first_event_id JOIN documents d ON d.id = e.document_id
                WHERE c.id IN (SELECT c.id FROM event_clusters c WHERE {where} ORDER BY c.day IS NULL, c.day, c.id LIMIT @limit OFFSET @offset)
                ORDER BY c.day IS NULL, c.day, c.id
                """;
            cmd.Parameters.AddWithValue("@limit", q.Limit);
            cmd.Parameters.AddWithValue("@offset", q.Offset);
            using var r = cmd.ExecuteReader();
            var list = new List<EventRow>();
            while (r.Read()) list.Add(ReadEvent(r));
            return list;
        }
    }

    /// <summary>How many merged events match <paramref name="q"/> (its limit and offset ignored): the total behind a page.</summary>
    public long CountEvents(EventQuery q)
    {
        ArgumentNullException.ThrowIfNull(q);
        lock (_gate)
        {
            ThrowIfDisposed();
            using var cmd = _connection.CreateCommand();
            cmd.CommandText = $"SELECT count(*) FROM event_clusters c WHERE {EventWhere(q, cmd)}";
            return Convert.ToInt64(cmd.ExecuteScalar(), CultureInfo.InvariantCulture);
        }
    }

    /// <summary>Every event coded in one document, in text order, with the offsets of its trigger and actors.</summary>
    public IReadOnlyList<DocumentEventRow> ListDocumentEvents(string documentId)
    {
        ArgumentNullException.ThrowIfNull(documentId);
        lock (_gate)
        {
            ThrowIfDisposed();
            using var cmd = _connection.CreateCommand();
            cmd.CommandText = """
                SELECT e.id, e.cluster_id, e.cameo, e.quad_class, e.source_code, e.target_code, e.modality, e.date_value, e.sentence,
                    e.trigger_start, e.trigger_end, sa.start, sa."end", ta.start, ta."end",
                    ifnull((SELECT group_concat(text, ' > ') FROM (SELECT a.text FROM attributions a WHERE a.event_id = e.id ORDER BY a.seq)), ''), e.rule
                FROM events e
                LEFT JOIN actor_mentions sa ON sa.document_id = e.document_id AND sa.seq = e.source_actor
                LEFT JOIN actor_mentions ta ON ta.document_id = e.document_id AND ta.seq = e.target_actor
                WHERE e.document_id = @d
                ORDER BY e.trigger_start, e.seq
                """;
            cmd.Parameters.AddWithValue("@d", documentId);
            using var r = cmd.ExecuteReader();
            var list = new List<DocumentEventRow>();
            static int? Int(SqliteDataReader r, int i) => r.IsDBNull(i) ? null : r.GetInt32(i);
            while (r.Read())
                list.Add(new DocumentEventRow(r.GetInt64(0), r.GetInt64(1), r.GetString(2), r.GetInt32(3), Str(r, 4), Str(r, 5), r.GetString(6), r.GetString(7),
                    r.GetInt32(8), r.GetInt32(9), r.GetInt32(10), Int(r, 11), Int(r, 12), Int(r, 13), Int(r, 14), r.GetString(15), r.GetString(16)));
            return list;
        }
    }

    /// <summary>The counted mentions of the events matching <paramref name="q"/> (its limit applies to events), by event then mention.</summary>
    public IReadOnlyList<EventMentionRow> ListMentions(EventQuery q)
    {
        ArgumentNullException.ThrowIfNull(q);
        lock (_gate)
        {
            ThrowIfDisposed();
            using var cmd = _connection.CreateCommand();
            var where = EventWhere(q, cmd);
            cmd.CommandText = $"""
                SELECT e.cluster_id, e.id, e.document_id, d.url, e.source_name_doc, d.published, d.ingested_at, e.counted, e.sentence,
                    sa.start, ta.start, e.trigger_start, length(d.clean_text), e.modality, e.date_value, e.evidence_text,
                    ifnull((SELECT group_concat(text, ' > ') FROM (SELECT a.text FROM attributions a WHERE a.event_id = e.id ORDER BY a.seq)), ''), e.rule
                FROM events e JOIN documents d ON d.id = e.document_id
                LEFT JOIN actor_mentions sa ON sa.document_id = e.document_id AND sa.seq = e.source_actor
                LEFT JOIN actor_mentions ta ON ta.document_id = e.document_id AND ta.seq = e.target_actor
                WHERE e.counted = 1 AND e.cluster_id IN (
                    SELECT c.id FROM event_clusters c WHERE {where} ORDER BY c.day IS NULL, c.day, c.id LIMIT @limit OFFSET @offset)
                ORDER BY e.cluster_id, e.id
                """;
            cmd.Parameters.AddWithValue("@limit", q.Limit);
            cmd.Parameters.AddWithValue("@offset", q.Offset);
            using var r = cmd.ExecuteReader();
            var list = new List<EventMentionRow>();
            while (r.Read())
                list.Add(new EventMentionRow(r.GetInt64(0), r.GetInt64(1), r.GetString(2), Str(r, 3), r.GetString(4), Str(r, 5), r.GetString(6),
                    r.GetInt64(7) != 0, r.GetInt32(8), r.IsDBNull(9) ? null : r.GetInt32(9), r.IsDBNull(10) ? null : r.GetInt32(10), r.GetInt32(11),
                    r.GetInt32(12), r.GetString(13), r.GetString(14), r.GetString(15), r.GetString(16), r.GetString(17)));
            return list;
        }
    }

    /// <summary>
    /// The classic event-data series: per day, ISO week or month, the events matching <paramref name="q"/> counted by quad
    /// class, their Goldstein values summed, their mentions summed. Periods without events between the first and last are
    /// included with zeros. <see cref="EventQuery.Limit"/> is ignored.
    /// </summary>
    public IReadOnlyList<SeriesPoint> Series(EventQuery q, SeriesPeriod by)
    {
        ArgumentNullException.ThrowIfNull(q);
        // SQLite sums per day, in the order of the covering dyad index, so at most one row per day crosses into .NET;
        // days are folded into periods as they come, without collections keyed by DateOnly, which ReadyToRun cannot
        // precompile (start-up time is most of a query's time).
        var list = new List<SeriesPoint>();
        lock (_gate)
        {
            ThrowIfDisposed();
            using var cmd = _connection.CreateCommand();
            var where = EventWhere(q with { DatedOnly = true }, cmd);
            cmd.CommandText = $"""
                SELECT c.day, count(*), sum(c.quad_class = 1), sum(c.quad_class = 2), sum(c.quad_class = 3), sum(c.quad_class = 4),
                    total(c.goldstein), sum(c.num_mentions)
                FROM event_clusters c WHERE {where}
                GROUP BY c.day ORDER BY c.day
                """;
            using var r = cmd.ExecuteReader();
            var period = new Period(by);
            while (r.Read())
            {
                var start = PeriodStart(EventMatching.ParseIso(r.GetString(0)), by);
                if (!period.Open || start != period.Start) period.OpenAt(list, start);
                period.Add(r.GetInt32(1), r.GetInt32(2), r.GetInt32(3), r.GetInt32(4), r.GetInt32(5), r.GetDouble(6), r.GetInt32(7));
            }
            period.Close(list);
        }
        return list;
    }

    /// <summary>The period being summed, and the next one due (periods without events are written with zeros).</summary>
    private sealed class Period(SeriesPeriod by)
    {
        private readonly int[] _counts = new int[6];
        private double _goldstein;
        private DateOnly _next;

        public bool Open { get; private set; }
        public DateOnly Start { get; private set; }

        public void Add(int events, int q1, int q2, int q3, int q4, double goldstein, int mentions)
        {
            _counts[0] += events; _counts[1] += q1; _counts[2] += q2; _counts[3] += q3; _counts[4] += q4; _counts[5] += mentions;
            _goldstein += goldstein;
        }

        /// <summary>Writes the open period, if any.</summary>
        public void Close(List<SeriesPoint> into)
        {
            if (!Open) return;
            into.Add(new SeriesPoint(PeriodName(Start, by), _counts[0], _counts[1], _counts[2], _counts[3], _counts[4], Math.Round(_goldstein, 4), _counts[5]));
            _next = NextPeriod(Start, by);
            Open = false;
        }

        /// <summary>Writes the open period and the empty ones between it and <paramref name="start"/>, then opens <paramref name="start"/>.</summary>
        public void OpenAt(List<SeriesPoint> into, DateOnly start)
        {
            bool first = !Open && into.Count == 0;
            Close(into);
            if (!first)
                for (; _next < start; _next = NextPeriod(_next, by)) into.Add(new SeriesPoint(PeriodName(_next, by), 0, 0, 0, 0, 0, 0, 0));
            Array.Clear(_counts);
            _goldstein = 0;
            Start = start;
            Open = true;
        }
    }

    private static DateOnly PeriodStart(DateOnly d, SeriesPeriod by) => by switch
    {
        SeriesPeriod.Week => d.AddDays(-(((int)d.DayOfWeek + 6) % 7)),
        SeriesPeriod.Month => new DateOnly(d.Year, d.Month, 1),
        _ => d,
    };

    private static DateOnly NextPeriod(DateOnly d, SeriesPeriod by) => by switch
    {
        SeriesPeriod.Week => d.AddDays(7),
        SeriesPeriod.Month => d.AddMonths(1),
        _ => d.AddDays(1),
    };

    private static string PeriodName(DateOnly d, SeriesPeriod by) => by switch
    {
        SeriesPeriod.Week => string.Create(CultureInfo.InvariantCulture, $"{ISOWeek.GetYear(d.ToDateTime(TimeOnly.MinValue))}-W{ISOWeek.GetWeekOfYear(d.ToDateTime(TimeOnly.MinValue)):00}"),
        SeriesPeriod.Month => d.ToString("yyyy-MM", CultureInfo.InvariantCulture),
        _ => EventMatching.Iso(d),
    };

    /// <summary>Claims in counted documents: who asserted, alleged, reported or denied which event, through which sources.</summary>
    public IReadOnlyList<ClaimRow> ListClaims(ClaimQuery q)
    {
        ArgumentNullException.ThrowIfNull(q);
        lock (_gate)
        {
            ThrowIfDisposed();
            using var cmd = _connection.CreateCommand();
            var where = new List<string> { "e.counted = 1" };
            if (q.Stance is not null) { where.Add("cl.stance = @stance"); cmd.Parameters.AddWithValue("@stance", q.Stance.ToLowerInvariant()); }
            if (q.Document is not null) { where.Add("cl.document_id = @doc"); cmd.Parameters.AddWithValue("@doc", q.Document); }
            if (q.Event is { } ev)
            {
                where.Add("(e.cluster_id = @ev OR EXISTS (SELECT 1 FROM json_each(cl.about) j WHERE j.value = @ev))");
                cmd.Parameters.AddWithValue("@ev", ev);
            }
            if (q.Actor is not null)
            {
                where.Add(IsCode(q.Actor)
                    ? "(cl.claimant_code = @a OR substr(cl.claimant_code, 1, length(@a)) = @a OR substr(e.source_code, 1, length(@a)) = @a OR substr(e.target_code, 1, length(@a)) = @a OR e.source_country = @a OR e.target_country = @a)"
                    : "(cl.claimant_name = @a COLLATE NOCASE OR EXISTS (SELECT 1 FROM actor_mentions m WHERE m.document_id = e.document_id AND m.seq IN (e.source_actor, e.target_actor) AND m.name = @a COLLATE NOCASE))");
                cmd.Parameters.AddWithValue("@a", q.Actor);
            }
            cmd.CommandText = $"""
                SELECT cl.event_id, e.cluster_id, e.document_id, d.url, e.source_name_doc, d.published, cl.stance, cl.claimant_code, cl.claimant_name,
                    cl.sources, e.source_code, e.cameo, e.target_code, e.date_value, e.evidence_text, cl.about
                FROM claims cl JOIN events e ON e.id = cl.event_id JOIN documents d ON d.id = e.document_id
                WHERE {string.Join(" AND ", where)}
                ORDER BY e.day IS NULL, e.day, e.document_id, e.seq LIMIT @limit
                """;
            cmd.Parameters.AddWithValue("@limit", q.Limit);
            using var r = cmd.ExecuteReader();
            var list = new List<ClaimRow>();
            while (r.Read())
                list.Add(new ClaimRow(r.GetInt64(0), r.GetInt64(1), r.GetString(2), Str(r, 3), r.GetString(4), Str(r, 5), r.GetString(6), Str(r, 7), Str(r, 8),
                    r.GetString(9), Str(r, 10), r.GetString(11), Str(r, 12), r.GetString(13), r.GetString(14), JsonSerializer.Deserialize<long[]>(r.GetString(15)) ?? []));
            return list;
        }
    }

    /// <summary>Directed dyads over merged events (participants with a code), ordered by source then target code.</summary>
    public IReadOnlyList<DyadCount> ListDyads(EventQuery? q = null)
    {
        lock (_gate)
        {
            ThrowIfDisposed();
            using var cmd = _connection.CreateCommand();
            var where = EventWhere(q ?? new EventQuery(), cmd);
            cmd.CommandText = $"""
                SELECT c.source_code, c.target_code, count(*), sum(c.num_mentions), sum(c.goldstein),
                    sum(c.quad_class = 1), sum(c.quad_class = 2), sum(c.quad_class = 3), sum(c.quad_class = 4)
                FROM event_clusters c WHERE {where} AND c.source_code <> '' AND c.target_code <> ''
                GROUP BY c.source_code, c.target_code ORDER BY c.source_code, c.target_code
                """;
            using var r = cmd.ExecuteReader();
            var list = new List<DyadCount>();
            while (r.Read())
                list.Add(new DyadCount(r.GetString(0), r.GetString(1), r.GetInt32(2), r.GetInt32(3), Math.Round(r.GetDouble(4), 4), r.GetInt32(5), r.GetInt32(6), r.GetInt32(7), r.GetInt32(8)));
            return list;
        }
    }

    /// <summary>The most frequent name of each actor code among merged events (ties: ordinal order).</summary>
    public IReadOnlyDictionary<string, string> ActorNames()
    {
        lock (_gate)
        {
            ThrowIfDisposed();
            using var cmd = _connection.CreateCommand();
            cmd.CommandText = """
                SELECT code, name, count(*) FROM (
                    SELECT source_code AS code, source_name AS name FROM event_clusters WHERE source_name IS NOT NULL AND num_mentions > 0
                    UNION ALL SELECT target_code, target_name FROM event_clusters WHERE target_name IS NOT NULL AND num_mentions > 0)
                GROUP BY code, name ORDER BY code, count(*) DESC, name
                """;
            using var r = cmd.ExecuteReader();
            var names = new Dictionary<string, string>(StringComparer.Ordinal);
            while (r.Read()) names.TryAdd(r.GetString(0), r.GetString(1));
            return names;
        }
    }

    /// <summary>Actors by activity (events as source plus as target, then code), each with its <paramref name="topDyads"/> busiest dyads.</summary>
    public IReadOnlyList<ActorActivity> ListActorActivity(EventQuery? q = null, int limit = 50, int topDyads = 3)
    {
        var dyads = ListDyads(q);
        var names = ActorNames();
        var byActor = new Dictionary<string, ActivityTotals>(StringComparer.Ordinal);
        foreach (var d in dyads)
        {
            foreach (var (code, asSource) in new[] { (d.Source, true), (d.Target, false) })
            {
                if (!byActor.TryGetValue(code, out var a)) byActor[code] = a = new ActivityTotals();
                if (asSource) a.Source += d.Events; else a.Target += d.Events;
                a.Mentions += d.Mentions;
                a.Goldstein += d.Goldstein;
                if (asSource || !string.Equals(d.Source, d.Target, StringComparison.Ordinal)) a.Dyads.Add(d);
            }
        }
        return byActor
            .Select(kv => new ActorActivity(kv.Key, names.GetValueOrDefault(kv.Key), kv.Value.Source, kv.Value.Target, kv.Value.Mentions,
                Math.Round(kv.Value.Goldstein / Math.Max(1, kv.Value.Source + kv.Value.Target), 4),
                [.. kv.Value.Dyads.OrderByDescending(d => d.Events).ThenBy(d => d.Source, StringComparer.Ordinal).ThenBy(d => d.Target, StringComparer.Ordinal).Take(topDyads)]))
            .OrderByDescending(a => a.AsSource + a.AsTarget).ThenBy(a => a.Code, StringComparer.Ordinal)
            .Take(limit)
            .ToList();
    }

    private sealed class ActivityTotals
    {
        public int Source;
        public int Target;
        public int Mentions;
        public double Goldstein;
        public List<DyadCount> Dyads { get; } = [];
    }

    /// <summary>Counts of the analysis tables, for summaries and tests.</summary>
    public IReadOnlyDictionary<string, long> AnalysisCounts()
    {
        lock (_gate)
        {
            ThrowIfDisposed();
            var counts = new SortedDictionary<string, long>(StringComparer.Ordinal);
            foreach (var t in new[] { "document_analysis", "sentences", "tokens", "entities", "actors", "actor_mentions", "places", "timexes", "events", "event_clusters", "attributions", "quotes", "claims", "stories" })
            {
                using var cmd = _connection.CreateCommand();
                cmd.CommandText = $"SELECT count(*) FROM {t}";
                counts[t] = Convert.ToInt64(cmd.ExecuteScalar(), CultureInfo.InvariantCulture);
            }
            return counts;
        }
    }

    /// <summary>The story of a stored document, or null.</summary>
    public long? GetStory(string documentId)
    {
        lock (_gate)
        {
            ThrowIfDisposed();
            using var cmd = _connection.CreateCommand();
            cmd.CommandText = "SELECT story_id FROM documents WHERE id = @d";
            cmd.Parameters.AddWithValue("@d", documentId);
            return cmd.ExecuteScalar() is long s ? s : null;
        }
    }

    /// <summary>Whether a filter value is a code (letters upper-case, digits) rather than a name.</summary>
    public static bool IsCode(string value) => CodePattern().IsMatch(value);

    [GeneratedRegex("^[A-Z0-9]{3,}$")]
    private static partial Regex CodePattern();

    /// <summary>The WHERE clause over merged events <c>c</c> for <paramref name="q"/>; binds its parameters on <paramref name="cmd"/>.</summary>
    private static string EventWhere(EventQuery q, SqliteCommand cmd)
    {
        var where = new List<string> { "c.num_mentions > 0" };
        int n = 0;
        string Bind(object value)
        {
            var name = "@p" + (n++).ToString(CultureInfo.InvariantCulture);
            cmd.Parameters.AddWithValue(name, value);
            return name;
        }
        if (q.Event is { } id) where.Add($"c.id = {Bind(id)}");
        string Role(string role, string value)
        {
            var p = Bind(value);
            if (!IsCode(value)) return $"c.{role}_name = {p} COLLATE NOCASE";
            return value.Length == 3 ? $"c.{role}_root = {p}" : $"c.{role}_code = {p}";
        }
        if (q.Actor is not null && q.Target is not null && q.Undirected)
            where.Add($"(({Role("source", q.Actor)} AND {Role("target", q.Target)}) OR ({Role("source", q.Target)} AND {Role("target", q.Actor)}))");
        else
        {
            if (q.Actor is not null) where.Add(Role("source", q.Actor));
            if (q.Target is not null) where.Add(Role("target", q.Target));
        }
        if (q.Involving is not null) where.Add($"({Role("source", q.Involving)} OR {Role("target", q.Involving)})");
        if (q.Cameo is not null) where.Add($"substr(c.cameo, 1, length({Bind(q.Cameo)})) = @p{n - 1}");
        if (q.Root is not null) where.Add($"c.root = {Bind(q.Root.PadLeft(2, '0'))}");
        if (q.QuadClass is { } quad) where.Add($"c.quad_class = {Bind(quad)}");
        if (q.Plover is not null) where.Add($"c.plover_type = {Bind(q.Plover)} COLLATE NOCASE");
        if (q.Modality is not null) where.Add($"EXISTS (SELECT 1 FROM events m WHERE m.cluster_id = c.id AND m.modality = {Bind(q.Modality.ToLowerInvariant())})");
        if (q.From is { } from) where.Add($"c.day >= {Bind(EventMatching.Iso(from))}");
        if (q.To is { } to) where.Add($"c.day <= {Bind(EventMatching.Iso(to))}");
        if (q.Place is not null)
        {
            var p = Bind(q.Place);
            where.Add($"(c.place_name = {p} COLLATE NOCASE OR c.place_id = {p} OR c.place_country = {p})");
        }
        if (q.Document is not null) where.Add($"EXISTS (SELECT 1 FROM events m WHERE m.cluster_id = c.id AND m.document_id = {Bind(q.Document)})");
        if (q.DatedOnly) where.Add("c.day IS NOT NULL");
        return string.Join(" AND ", where);
    }

    private static EventRow ReadEvent(SqliteDataReader r)
    {
        EventPlace? place = r.IsDBNull(25) ? null : new EventPlace(Str(r, 24), r.GetString(25), Str(r, 26),
            r.IsDBNull(27) ? null : r.GetDouble(27), r.IsDBNull(28) ? null : r.GetDouble(28), Str(r, 29));
        return new EventRow(
            r.GetInt64(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetInt32(4), r.GetDouble(5), Str(r, 6), Str(r, 7),
            new EventActor(r.GetString(8), r.GetString(9), Str(r, 10), Str(r, 11), Str(r, 12), Str(r, 13)),
            new EventActor(r.GetString(14), r.GetString(15), Str(r, 16), Str(r, 17), Str(r, 18), Str(r, 19)),
            r.GetString(20), r.GetString(21), Str(r, 22), Str(r, 23), place, r.GetInt64(30) != 0,
            r.GetInt32(31), r.GetInt32(32), r.GetInt32(33), r.GetString(34), r.GetString(35), Str(r, 36), Str(r, 37), r.GetString(38), r.GetString(39), r.GetString(40))
        {
            PloverContext = JsonStrings(r.GetString(41)),
        };
    }

    /// <summary>
    /// A stored JSON array of strings, read with <see cref="Utf8JsonReader"/>: JsonSerializer's reflection set-up on first
    /// use costs more start-up time than a whole <c>sitrep events</c> query.
    /// </summary>
    internal static string[] JsonStrings(string json)
    {
        if (json is "[]" or "") return [];
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json));
        if (!reader.Read() || reader.TokenType == JsonTokenType.Null) return [];
        if (reader.TokenType != JsonTokenType.StartArray) throw new JsonException("Expected a JSON array of strings.");
        var list = new List<string>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            list.Add(reader.GetString() ?? throw new JsonException("Expected a string."));
        return [.. list];
    }
}
