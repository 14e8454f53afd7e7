using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using System.Xml.Linq;

namespace Sitrep.Events.Evaluation;

/// <summary>A gold actor: its text in the sentence and its code (country or CAMEO actor code) where given.</summary>
public sealed record GoldActor(string Text, string? Code);

/// <summary>A gold event: PLOVER type and/or CAMEO code, sources and targets; reciprocal when the sources are also the targets (SRC/TAR).</summary>
public sealed record GoldEvent(string? Type, string? Cameo, ImmutableArray<GoldActor> Sources, ImmutableArray<GoldActor> Targets, bool Reciprocal);

/// <summary>One gold sentence with its events. <see cref="Scoreable"/> is false for records the source marks as error tests.</summary>
public sealed record GoldRecord(string Id, string Text, DateOnly? Date, ImmutableArray<GoldEvent> Events, bool Scoreable, string Category);

/// <summary>Reads the PLOVER gold-standard records (JSON) and PETRARCH's validation records (XML).</summary>
public static class EventGold
{
    public static ImmutableArray<GoldRecord> Load(string path) =>
        path.EndsWith(".xml", StringComparison.OrdinalIgnoreCase) ? LoadPetrarch(path) : LoadPlover(path);

    /// <summary>PLOVER's older type names in the gold-standard records, mapped to the ontology Sitrep codes with.</summary>
    public static string NormalizeType(string type) => type.ToUpperInvariant() switch
    {
        "DEMAND" => "REQUEST",
        "DISAPPROVE" or "INVESTIGATE" => "ACCUSE",
        "FIGHT" => "ASSAULT",
        var t => t,
    };

    /// <summary>
    /// The gold-standard records follow PLOVER 0.5, which placed a few CAMEO codes under other types than the 2021
    /// CAMEO-to-PLOVER table Sitrep codes with (easing curfews and emergencies as CONCEDE; destroying property,
    /// abduction and human shields as COERCE; sanctions as SANCTION). Predicted types are compared in the gold's version.
    /// </summary>
    public static string? TypeInGoldVersion(string cameo, string? type) => cameo switch
    {
        "0813" or "0814" => "CONCEDE",
        "1712" or "181" or "184" => "COERCE",
        // sanctions: the 2021 table lists 163 under COERCE, but the PLOVER manual (SANCTION, mode 'discontinue') and the gold records code them as SANCTION
        "163" => "SANCTION",
        _ => type,
    };

    public static ImmutableArray<GoldRecord> LoadPlover(string path)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(path));
        var list = new List<GoldRecord>();
        foreach (var r in doc.RootElement.EnumerateArray())
        {
            var text = r.GetProperty("text").GetString() ?? "";
            var markup = r.TryGetProperty("textInfo", out var ti) && ti.TryGetProperty("markup", out var mk) ? mk.GetString() ?? "" : "";
            var type = r.TryGetProperty("event", out var ev) ? NormalizeType(ev.GetString() ?? "") : null;
            DateOnly? date = r.TryGetProperty("date", out var d) && DateOnly.TryParseExact(d.GetString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var dd) ? dd : null;
            var src = Actors(r, "source");
            var tgt = Actors(r, "target");
            list.Add(new GoldRecord(r.GetProperty("id").GetString() ?? "", text, date,
                [new GoldEvent(type, null, src, tgt, markup.Contains("SRC/TAR", StringComparison.Ordinal))], true, type ?? ""));
        }
        return [.. list];
    }

    private static ImmutableArray<GoldActor> Actors(JsonElement r, string name)
    {
        if (!r.TryGetProperty(name, out var a) || a.ValueKind != JsonValueKind.Array) return [];
        return [.. a.EnumerateArray().Select(x => new GoldActor(
            x.TryGetProperty("actorText", out var t) ? (t.GetString() ?? "").Trim() : "",
            x.TryGetProperty("code", out var c) ? c.GetString() : null))];
    }

    public static ImmutableArray<GoldRecord> LoadPetrarch(string path)
    {
        var xml = XDocument.Load(path);
        var list = new List<GoldRecord>();
        foreach (var s in xml.Descendants("Sentence"))
        {
            var id = (string?)s.Attribute("id") ?? "";
            var category = (string?)s.Attribute("category") ?? "";
            var text = string.Join(" ", ((string?)s.Element("Text") ?? "").Split(['\n', '\r', ' ', '\t'], StringSplitOptions.RemoveEmptyEntries));
            DateOnly? date = DateOnly.TryParseExact((string?)s.Attribute("date"), "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var dd) ? dd : null;
            var events = new List<GoldEvent>();
            var scoreable = true;
            foreach (var e in s.Elements("EventCoding"))
            {
                if (e.Attribute("error") is not null) { scoreable = false; continue; }
                if (e.Attribute("noevents") is not null) continue;
                string Clean(string? v) => (v ?? "").Trim('"', '\'', ' ');
                var source = Clean((string?)e.Attribute("sourcecode"));
                var target = Clean((string?)e.Attribute("targetcode"));
                var code = Clean((string?)e.Attribute("eventcode"));
                events.Add(new GoldEvent(null, code,
                    source.Length == 0 ? [] : [new GoldActor("", source)],
                    target.Length == 0 ? [] : [new GoldActor("", target)], false));
            }
            list.Add(new GoldRecord(id, text, date, [.. events], scoreable, category));
        }
        return [.. list];
    }
}
