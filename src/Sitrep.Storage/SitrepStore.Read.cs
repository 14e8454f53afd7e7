using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Sitrep.Actors;
using Sitrep.Core;
using Sitrep.Events;
using Sitrep.Nlp;
using Sitrep.Time;

namespace Sitrep.Storage;

/// <summary>A stored document rebuilt with every analysis layer it was stored with, and the versions that made them (null if never analysed).</summary>
public sealed record AnalysedDocument(Document Document, IReadOnlyDictionary<string, string>? Versions);

public sealed partial class SitrepStore
{
    /// <summary>
    /// Every stored document's id in the order the store received them (documents before their duplicates and later
    /// versions), which is the order another store must receive them in to classify and merge them the same way.
    /// </summary>
    public IReadOnlyList<(string Id, long IngestRunId)> ListDocumentIdsInStoreOrder()
    {
        lock (_gate)
        {
            ThrowIfDisposed();
            using var cmd = _connection.CreateCommand();
            cmd.CommandText = "SELECT id, ingest_run_id FROM documents ORDER BY ingest_run_id, rowid";
            using var r = cmd.ExecuteReader();
            var ids = new List<(string, long)>();
            while (r.Read()) ids.Add((r.GetString(0), r.GetInt64(1)));
            return ids;
        }
    }

    /// <summary>Whether a document with this id is stored.</summary>
    public bool HasDocument(string id)
    {
        lock (_gate)
        {
            ThrowIfDisposed();
            using var cmd = _connection.CreateCommand();
            cmd.CommandText = "SELECT 1 FROM documents WHERE id = @id";
            cmd.Parameters.AddWithValue("@id", id);
            return cmd.ExecuteScalar() is not null;
        }
    }

    /// <summary>Whether this failure (the same input and error code) is already recorded; <see cref="RecordError"/> records it once.</summary>
    public bool HasError(string origin, string? inputSha256, string code)
    {
        lock (_gate)
        {
            ThrowIfDisposed();
            using var cmd = _connection.CreateCommand();
            cmd.CommandText = "SELECT 1 FROM errors WHERE origin = @o AND ifnull(input_sha256, '') = @s AND code = @c";
            cmd.Parameters.AddWithValue("@o", origin);
            cmd.Parameters.AddWithValue("@s", inputSha256 ?? "");
            cmd.Parameters.AddWithValue("@c", code);
            return cmd.ExecuteScalar() is not null;
        }
    }

    /// <summary>
    /// The document as the pipeline left it: <see cref="StoredDocument.ToDocument"/> plus every analysis layer stored for
    /// it (sentences, tokens, entities, actors, places, TIMEX3, quotes, events with their attribution chains), read
    /// back from the store's rows. Storing it in another store writes the same rows; null for an unknown id.
    /// </summary>
    public AnalysedDocument? LoadAnalysedDocument(string id)
    {
        var stored = GetDocument(id);
        if (stored is null) return null;
        lock (_gate)
        {
            ThrowIfDisposed();
            var doc = stored.ToDocument();
            var versions = StoredVersions(id);
            if (versions is null) return new AnalysedDocument(doc, null);
            var layers = new HashSet<string>(StringComparer.Ordinal);
            foreach (var row in Read("SELECT layer FROM document_layers WHERE document_id = @d", id, r => r.GetString(0))) layers.Add(row);
            var text = doc.Text.Text;

            if (layers.Contains(NlpLayers.Sentences.Name))
                doc = doc.With(NlpLayers.Sentences, Read("SELECT start, \"end\", first_token, token_count FROM sentences WHERE document_id = @d ORDER BY seq", id,
                    r => new Sentence(Span(r, 0, text), r.GetInt32(2), r.GetInt32(3))).ToArray());
            if (layers.Contains(NlpLayers.Tokens.Name) && GetTokens(id) is { } tokens)
                doc = doc.With(NlpLayers.Tokens, tokens);
            if (layers.Contains(NlpLayers.Entities.Name))
                doc = doc.With(NlpLayers.Entities, Read("SELECT start, \"end\", type, first_token, token_count FROM entities WHERE document_id = @d ORDER BY seq", id,
                    r => new EntityMention(Span(r, 0, text), r.GetString(2), r.GetInt32(3), r.GetInt32(4))).ToArray());
            if (layers.Contains(ActorLayers.Places.Name))
                doc = doc.With(ActorLayers.Places, Read("""
                    SELECT start, "end", first_token, token_count, place_id, name, country, lat, lon, kind FROM places WHERE document_id = @d ORDER BY seq
                    """, id, r => new PlaceMention(Span(r, 0, text), r.GetInt32(2), r.GetInt32(3), Str(r, 4), r.GetString(5), Str(r, 6),
                        r.IsDBNull(7) ? null : r.GetDouble(7), r.IsDBNull(8) ? null : r.GetDouble(8), r.GetString(9))).ToArray());
            if (layers.Contains(ActorLayers.Actors.Name))
                doc = doc.With(ActorLayers.Actors, Read("""
                    SELECT start, "end", first_token, token_count, head_token, actor_id, name, code, country, sector, role, kind, chain, resolution
                    FROM actor_mentions WHERE document_id = @d ORDER BY seq
                    """, id, r => new ActorMention(Span(r, 0, text), r.GetInt32(2), r.GetInt32(3), r.GetInt32(4), Str(r, 5), r.GetString(6), r.GetString(7),
                        Str(r, 8), Str(r, 9), Str(r, 10), ParseKind(r.GetString(11)), r.GetInt32(12), r.GetString(13))).ToArray());
            if (layers.Contains(TimeLayers.Timexes.Name))
                doc = doc.With<IReadOnlyList<Timex>>(TimeLayers.Timexes, Read("""
                    SELECT start, "end", type, value, mod, anchor, zone_offset, quant, freq FROM timexes WHERE document_id = @d ORDER BY seq
                    """, id, r => new Timex(Span(r, 0, text), ParseTimexType(r.GetString(2)), r.GetString(3), Str(r, 4), r.GetString(5))
                    {
                        ZoneOffset = Str(r, 6) is { } z ? ParseOffset(z) : null,
                        Quant = Str(r, 7),
                        Freq = Str(r, 8),
                    }).ToArray());
            if (layers.Contains(EventLayers.Quotes.Name))
                doc = doc.With(EventLayers.Quotes, [.. Read("""
                    SELECT start, "end", speaker, cue_start, cue_end FROM quotes WHERE document_id = @d ORDER BY seq
                    """, id, r => new Quote(Span(r, 0, text), r.IsDBNull(2) ? null : r.GetInt32(2), r.IsDBNull(3) ? null : (TextSpan?)Span(r, 3, text)))]);
            if (layers.Contains(EventLayers.Events.Name))
                doc = doc.With(EventLayers.Events, ReadEvents(id, text));
            return new AnalysedDocument(doc, versions);
        }
    }

    private Dictionary<string, string>? StoredVersions(string id)
    {
        var json = Read("""
            SELECT v.versions FROM document_analysis a JOIN version_sets v ON v.id = a.version_set_id WHERE a.document_id = @d
            """, id, r => r.GetString(0)).SingleOrDefault();
        return json is null ? null : JsonSerializer.Deserialize<Dictionary<string, string>>(json);
    }

    private ImmutableArray<CodedEvent> ReadEvents(string id, string text)
    {
        var chains = new Dictionary<long, List<AttributionLink>>();
        foreach (var (eventId, link) in Read("""
            SELECT a.event_id, a.code, a.actor, a.text, a.start, a."end" FROM attributions a JOIN events e ON e.id = a.event_id
            WHERE e.document_id = @d ORDER BY a.event_id, a.seq
            """, id, r => (r.GetInt64(0), new AttributionLink(Str(r, 1), r.IsDBNull(2) ? null : r.GetInt32(2), r.GetString(3), Span(r, 4, text)))))
        {
            if (!chains.TryGetValue(eventId, out var chain)) chains[eventId] = chain = [];
            chain.Add(link);
        }
        return [.. Read("""
            SELECT id, event_key, cameo, root, quad_class, goldstein, plover_type, plover_mode, plover_context,
                source_code, source_country, source_actor, target_code, target_country, target_actor,
                date_value, date_from, date_timex, place, modality, rule, sentence, trigger_start, trigger_end, spans, links
            FROM events WHERE document_id = @d ORDER BY seq
            """, id, r =>
        {
            static EventParticipant? Participant(SqliteDataReader r, int i) =>
                r.IsDBNull(i) ? null : new EventParticipant(r.GetString(i), Str(r, i + 1), r.IsDBNull(i + 2) ? null : r.GetInt32(i + 2));
            var spans = JsonSerializer.Deserialize<int[][]>(r.GetString(24))!.Select(s => new TextSpan(s[0], s[1])).ToImmutableArray();
            var links = JsonSerializer.Deserialize<string[]>(r.GetString(25))!;
            return new CodedEvent(
                r.GetString(1), r.GetString(2), r.GetString(3), r.GetInt32(4), r.GetDouble(5),
                new PloverCoding(Str(r, 6)!, Str(r, 7), [.. JsonSerializer.Deserialize<string[]>(r.GetString(8))!]),
                Participant(r, 9), Participant(r, 12),
                new EventDate(r.GetString(15), r.GetString(16), r.IsDBNull(17) ? null : r.GetInt32(17)),
                r.IsDBNull(18) ? null : r.GetInt32(18),
                ParseModality(r.GetString(19)),
                chains.TryGetValue(r.GetInt64(0), out var chain) ? [.. chain] : [],
                new EventEvidence(r.GetInt32(21), Span(r, 22, text), spans),
                r.GetString(20))
            {
                Links = [.. links],
            };
        })];
    }

    private List<T> Read<T>(string sql, string documentId, Func<SqliteDataReader, T> row)
    {
        using var cmd = _connection.CreateCommand();
        cmd.CommandText = sql;
        cmd.Parameters.AddWithValue("@d", documentId);
        using var r = cmd.ExecuteReader();
        var list = new List<T>();
        while (r.Read()) list.Add(row(r));
        return list;
    }

    /// <summary>A stored [start, end) span, checked against the clean text it was cut from.</summary>
    private static TextSpan Span(SqliteDataReader r, int i, string text)
    {
        var span = new TextSpan(r.GetInt32(i), r.GetInt32(i + 1));
        if (span.End > text.Length) throw new InvalidDataException($"A stored span [{span.Start}, {span.End}) runs past the document's {text.Length} characters.");
        return span;
    }

    private static ActorKind ParseKind(string s) =>
        Enum.GetValues<ActorKind>().Where(k => KindName(k) == s).Select(k => (ActorKind?)k).FirstOrDefault()
        ?? throw new InvalidDataException($"Unknown actor kind '{s}' in the store.");

    private static TimexType ParseTimexType(string s) =>
        TimexTypes.TryParse(s, out var t) ? t : throw new InvalidDataException($"Unknown TIMEX3 type '{s}' in the store.");

    private static Modality ParseModality(string s) =>
        Enum.GetValues<Modality>().Where(m => m.ToRecord() == s).Select(m => (Modality?)m).FirstOrDefault()
        ?? throw new InvalidDataException($"Unknown modality '{s}' in the store.");

    /// <summary>"+05:30" or "-04:00", as <see cref="WriteAnalysis"/> writes a zone offset.</summary>
    private static TimeSpan ParseOffset(string s)
    {
        var magnitude = TimeSpan.ParseExact(s[1..], "hh\\:mm", CultureInfo.InvariantCulture);
        return s[0] == '-' ? -magnitude : magnitude;
    }
}
