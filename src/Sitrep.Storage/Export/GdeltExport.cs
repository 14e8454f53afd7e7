using System.Globalization;

namespace Sitrep.Storage.Export;

/// <summary>
/// GDELT 2.0 Event and Mentions tables as tab-separated lines, no header (like GDELT's own files; a header line
/// can be asked for). Fields Sitrep does not have are left empty; the mapping is in docs/export-gdelt.md.
/// Tabs, line breaks and double quotes never occur inside a field, so strict TSV and CSV readers agree.
/// </summary>
public static class GdeltExport
{
    /// <summary>The 61 columns of the GDELT 2.0 Event table, in order.</summary>
    public static readonly IReadOnlyList<string> EventColumns =
    [
        "GlobalEventID", "Day", "MonthYear", "Year", "FractionDate",
        "Actor1Code", "Actor1Name", "Actor1CountryCode", "Actor1KnownGroupCode", "Actor1EthnicCode",
        "Actor1Religion1Code", "Actor1Religion2Code", "Actor1Type1Code", "Actor1Type2Code", "Actor1Type3Code",
        "Actor2Code", "Actor2Name", "Actor2CountryCode", "Actor2KnownGroupCode", "Actor2EthnicCode",
        "Actor2Religion1Code", "Actor2Religion2Code", "Actor2Type1Code", "Actor2Type2Code", "Actor2Type3Code",
        "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
        "NumMentions", "NumSources", "NumArticles", "AvgTone",
        "Actor1Geo_Type", "Actor1Geo_FullName", "Actor1Geo_CountryCode", "Actor1Geo_ADM1Code", "Actor1Geo_ADM2Code",
        "Actor1Geo_Lat", "Actor1Geo_Long", "Actor1Geo_FeatureID",
        "Actor2Geo_Type", "Actor2Geo_FullName", "Actor2Geo_CountryCode", "Actor2Geo_ADM1Code", "Actor2Geo_ADM2Code",
        "Actor2Geo_Lat", "Actor2Geo_Long", "Actor2Geo_FeatureID",
        "ActionGeo_Type", "ActionGeo_FullName", "ActionGeo_CountryCode", "ActionGeo_ADM1Code", "ActionGeo_ADM2Code",
        "ActionGeo_Lat", "ActionGeo_Long", "ActionGeo_FeatureID",
        "DATEADDED", "SOURCEURL",
    ];

    /// <summary>The 16 columns of the GDELT 2.0 Mentions table, in order.</summary>
    public static readonly IReadOnlyList<string> MentionColumns =
    [
        "GlobalEventID", "EventTimeDate", "MentionTimeDate", "MentionType", "MentionSourceName", "MentionIdentifier",
        "SentenceID", "Actor1CharOffset", "Actor2CharOffset", "ActionCharOffset", "InRawText", "Confidence",
        "MentionDocLen", "MentionDocTone", "MentionDocTranslationInfo", "Extras",
    ];

    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static void WriteEvents(TextWriter output, IEnumerable<EventRow> events, bool header = false)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(events);
        if (header) WriteLine(output, EventColumns);
        foreach (var e in events) WriteLine(output, EventFields(e));
    }

    public static void WriteMentions(TextWriter output, IEnumerable<EventMentionRow> mentions, IReadOnlyDictionary<long, EventRow> events, bool header = false)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(mentions);
        ArgumentNullException.ThrowIfNull(events);
        if (header) WriteLine(output, MentionColumns);
        foreach (var m in mentions) WriteLine(output, MentionFields(m, events.GetValueOrDefault(m.EventId)));
    }

    /// <summary>One event as its 61 GDELT fields.</summary>
    public static string[] EventFields(EventRow e)
    {
        ArgumentNullException.ThrowIfNull(e);
        var f = new string[EventColumns.Count];
        Array.Fill(f, "");
        f[0] = e.Id.ToString(Inv);
        if (e.Day is { } day)
        {
            var d = EventMatching.ParseIso(day);
            f[1] = d.ToString("yyyyMMdd", Inv);
            f[2] = d.ToString("yyyyMM", Inv);
            f[3] = d.Year.ToString(Inv);
            // GDELT's own approximation: (month × 30 + day) / 365 past the year.
            f[4] = (d.Year + (d.Month * 30 + d.Day) / 365.0).ToString("0.0000", Inv);
        }
        Actor(f, 5, e.Source);
        Actor(f, 15, e.Target);
        f[25] = e.IsRoot ? "1" : "0";
        f[26] = e.Cameo;
        f[27] = e.BaseCode;
        f[28] = e.Root;
        f[29] = e.QuadClass.ToString(Inv);
        f[30] = e.Goldstein.ToString("0.0", Inv);
        f[31] = e.NumMentions.ToString(Inv);
        f[32] = e.NumSources.ToString(Inv);
        f[33] = e.NumArticles.ToString(Inv);
        // 34 AvgTone, 35–50 Actor1Geo/Actor2Geo: Sitrep has no tone and does not place actors, only actions.
        if (e.Place is { } p)
        {
            f[51] = GeoType(p.Kind);
            f[52] = Clean(p.Name);
            // 53 ActionGeo_CountryCode is FIPS 10-4 in GDELT; Sitrep has ISO 3166 alpha-3 (in the other exports), so it stays empty.
            if (p.Lat is { } lat) f[56] = lat.ToString("0.####", Inv);
            if (p.Lon is { } lon) f[57] = lon.ToString("0.####", Inv);
            f[58] = Clean(p.Id ?? "");
        }
        f[59] = e.DateAdded;
        f[60] = Url(e.SourceUrl ?? "");
        return f;
    }

    /// <summary>One mention as its 16 GDELT fields.</summary>
    public static string[] MentionFields(EventMentionRow m, EventRow? e)
    {
        ArgumentNullException.ThrowIfNull(m);
        var f = new string[MentionColumns.Count];
        Array.Fill(f, "");
        f[0] = m.EventId.ToString(Inv);
        f[1] = e?.DateAdded ?? "";
        f[2] = Timestamp(m.IngestedAt);
        f[3] = m.Url is null ? "6" : "1"; // 1 WEB; 6 is GDELT's "JSTOR/other": a document without a URL
        f[4] = Clean(m.Outlet);
        f[5] = Url(m.Url ?? m.DocumentId);
        f[6] = (m.Sentence + 1).ToString(Inv);
        f[7] = (m.SourceOffset ?? -1).ToString(Inv);
        f[8] = (m.TargetOffset ?? -1).ToString(Inv);
        f[9] = m.TriggerStart.ToString(Inv);
        f[10] = "1"; // coded from the article's own text
        f[12] = m.DocumentLength.ToString(Inv);
        return f;
    }

    private static void Actor(string[] f, int at, EventActor a)
    {
        if (a.Code.Length == 0) return;
        f[at] = Clean(a.Code);
        f[at + 1] = Clean(a.Name?.ToUpperInvariant() ?? "");
        f[at + 2] = Clean(a.Country ?? "");
        f[at + 7] = Clean(a.Sector ?? "");
    }

    /// <summary>GDELT geo types: 1 country, 4 world city, 5 world state (first-order division).</summary>
    private static string GeoType(string? kind) => kind switch
    {
        "country" => "1",
        "city" or "town" or "village" => "4",
        "region" or "state" or "province" => "5",
        _ => "",
    };

    private static string Timestamp(string storedUtc) =>
        storedUtc.Length >= 19 ? storedUtc[..4] + storedUtc[5..7] + storedUtc[8..10] + storedUtc[11..13] + storedUtc[14..16] + storedUtc[17..19] : "";

    /// <summary>No tab, line break or double quote inside a field.</summary>
    public static string Clean(string s) =>
        s.IndexOfAny(['\t', '\r', '\n', '"']) < 0 ? s : s.Replace('\t', ' ').Replace('\r', ' ').Replace('\n', ' ').Replace('"', '\'');

    private static string Url(string s) =>
        s.IndexOfAny(['\t', '\r', '\n', '"', ' ']) < 0 ? s : s.Replace("\"", "%22", StringComparison.Ordinal).Replace(" ", "%20", StringComparison.Ordinal).Replace("\t", "%09", StringComparison.Ordinal).Replace("\r", "", StringComparison.Ordinal).Replace("\n", "", StringComparison.Ordinal);

    private static void WriteLine(TextWriter output, IReadOnlyList<string> fields)
    {
        for (int i = 0; i < fields.Count; i++)
        {
            if (i > 0) output.Write('\t');
            output.Write(fields[i]);
        }
        output.Write('\n');
    }
}
