using System.Globalization;
using System.Text.RegularExpressions;
using Sitrep.Core;

namespace Sitrep.Time;

/// <summary>Time-zone abbreviations and numeric offsets ("IST", "GMT+8", "UTC-05:30") to UTC offsets.</summary>
public static partial class TimeZones
{
    private static readonly Dictionary<string, TimeSpan> Abbreviations = new(StringComparer.Ordinal)
    {
        ["UTC"] = TimeSpan.Zero, ["GMT"] = TimeSpan.Zero, ["Z"] = TimeSpan.Zero, ["WET"] = TimeSpan.Zero,
        ["EST"] = TimeSpan.FromHours(-5), ["EDT"] = TimeSpan.FromHours(-4), ["ET"] = TimeSpan.FromHours(-5),
        ["CST"] = TimeSpan.FromHours(-6), ["CDT"] = TimeSpan.FromHours(-5), ["CT"] = TimeSpan.FromHours(-6),
        ["MST"] = TimeSpan.FromHours(-7), ["MDT"] = TimeSpan.FromHours(-6), ["MT"] = TimeSpan.FromHours(-7),
        ["PST"] = TimeSpan.FromHours(-8), ["PDT"] = TimeSpan.FromHours(-7), ["PT"] = TimeSpan.FromHours(-8),
        ["IST"] = new TimeSpan(5, 30, 0), ["PKT"] = TimeSpan.FromHours(5), ["WIB"] = TimeSpan.FromHours(7),
        ["KST"] = TimeSpan.FromHours(9), ["JST"] = TimeSpan.FromHours(9), ["HKT"] = TimeSpan.FromHours(8), ["SGT"] = TimeSpan.FromHours(8),
        ["CET"] = TimeSpan.FromHours(1), ["CEST"] = TimeSpan.FromHours(2), ["BST"] = TimeSpan.FromHours(1), ["WEST"] = TimeSpan.FromHours(1),
        ["EET"] = TimeSpan.FromHours(2), ["EEST"] = TimeSpan.FromHours(3), ["MSK"] = TimeSpan.FromHours(3),
        ["AEST"] = TimeSpan.FromHours(10), ["AEDT"] = TimeSpan.FromHours(11),
    };

    // US zone names without a season: standard time, an hour ahead while daylight time applies on the date.
    private static readonly Dictionary<string, TimeSpan> UsGeneric = new(StringComparer.Ordinal)
    {
        ["ET"] = TimeSpan.FromHours(-5), ["CT"] = TimeSpan.FromHours(-6), ["MT"] = TimeSpan.FromHours(-7), ["PT"] = TimeSpan.FromHours(-8),
    };

    /// <summary>
    /// The offset of a zone on a date: as <see cref="Offset(string)"/>, but "ET", "CT", "MT" and "PT" take daylight time
    /// (EDT, CDT, …) when it applies on <paramref name="date"/> ("2 p.m. ET" on 9 June is -04:00).
    /// </summary>
    public static TimeSpan? Offset(string zone, DateOnly? date, TimeOnly? time = null)
    {
        var z = zone.Trim();
        if (date is { } d && UsGeneric.TryGetValue(z, out var standard))
            return UsDaylightSaving.InEffect(d, time) ? standard + TimeSpan.FromHours(1) : standard;
        return Offset(zone);
    }

    /// <summary>The offset of "EST", "GMT+8", "UTC+05:30", "+0530"; null when unknown. "ET", "CT", "MT", "PT" are read as standard time.</summary>
    public static TimeSpan? Offset(string zone)
    {
        var m = ZoneRegex().Match(zone.Trim());
        if (!m.Success) return null;
        TimeSpan b = TimeSpan.Zero;
        if (m.Groups[1].Success && !Abbreviations.TryGetValue(m.Groups[1].Value, out b)) return null;
        if (!m.Groups[2].Success) return m.Groups[1].Success ? b : null;
        int h = int.Parse(m.Groups[3].ValueSpan, CultureInfo.InvariantCulture);
        int mi = m.Groups[4].Success ? int.Parse(m.Groups[4].ValueSpan, CultureInfo.InvariantCulture) : 0;
        if (h > 14 || mi > 59) return null;
        var off = new TimeSpan(h, mi, 0);
        return b + (m.Groups[2].Value == "-" ? -off : off);
    }

    [GeneratedRegex(@"^([A-Z]{1,4})?\s*(?:([+-])\s*(\d{1,2})(?::?(\d{2}))?)?$", RegexOptions.CultureInvariant)]
    private static partial Regex ZoneRegex();
}
