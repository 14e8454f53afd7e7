using System.Globalization;
using System.Text.RegularExpressions;
using Sitrep.Core;
using Sitrep.Ingest.Dates;

namespace Sitrep.Ingest.Input;

/// <summary>
/// Dates as containers write them: ISO 8601 (JSON, Atom, WARC), RFC 822/1123 (RSS pubDate, HTTP), Unix seconds or
/// milliseconds (JSON). The source's own UTC offset is kept.
/// </summary>
public static partial class ContainerDates
{
    // Unix times above this are milliseconds: 1e11 seconds is the year 5138, 1e11 ms is 1973.
    private const double MillisecondThreshold = 1e11;

    public static bool TryParse(string? text, out DocumentDate value)
    {
        value = default;
        if (string.IsNullOrWhiteSpace(text)) return false;
        var s = text.Trim();
        if (double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && s.Length >= 9)
            return TryFromUnix(number, out value);
        // RFC 822 first: the ISO parser's lenient fallback would accept it but drop the offset.
        if (TryParseRfc822(s, out value)) return true;
        if (DocumentDate.TryParseIso(s, out value)) return true;
        return DateTextParser.TryParse(s, out value);
    }

    /// <summary>Unix seconds, or milliseconds when the number is too large to be seconds; always UTC.</summary>
    public static bool TryFromUnix(double number, out DocumentDate value)
    {
        value = default;
        if (double.IsNaN(number) || number <= 0) return false;
        double ms = number >= MillisecondThreshold ? number : number * 1000;
        if (ms > 253402300799000) return false;
        value = DocumentDate.FromDateTimeOffset(DateTimeOffset.FromUnixTimeMilliseconds((long)ms));
        return true;
    }

    /// <summary>Parses an ISO 8601 timestamp into an instant (WARC-Date); a value without an offset is taken as UTC.</summary>
    public static DateTimeOffset? ParseInstant(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        return DateTimeOffset.TryParse(text.Trim(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowWhiteSpaces, out var v)
            ? v : null;
    }

    /// <summary>RFC 822/1123: <c>Tue, 03 Jun 2025 09:39:21 +0200</c>, with named US zones and GMT/UT/Z.</summary>
    public static bool TryParseRfc822(string text, out DocumentDate value)
    {
        value = default;
        var m = Rfc822().Match(text);
        if (!m.Success) return false;
        int month = Array.IndexOf(MonthNames, m.Groups["mon"].Value.ToLowerInvariant()[..3]) + 1;
        if (month <= 0) return false;
        int year = int.Parse(m.Groups["year"].Value, CultureInfo.InvariantCulture);
        if (year < 100) year += year < 70 ? 2000 : 1900;
        int day = int.Parse(m.Groups["day"].Value, CultureInfo.InvariantCulture);
        int hour = int.Parse(m.Groups["h"].Value, CultureInfo.InvariantCulture);
        int minute = int.Parse(m.Groups["m"].Value, CultureInfo.InvariantCulture);
        int second = m.Groups["s"].Success ? int.Parse(m.Groups["s"].Value, CultureInfo.InvariantCulture) : 0;
        if (day > DateTime.DaysInMonth(year, month) || hour > 23 || minute > 59 || second > 59) return false;
        TimeSpan? offset = Zone(m.Groups["zone"].Value);
        value = new DocumentDate(new DateOnly(year, month, day), new TimeOnly(hour, minute, second), offset);
        return true;
    }

    private static readonly string[] MonthNames = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

    private static TimeSpan? Zone(string zone)
    {
        if (zone.Length == 0) return null;
        if (zone[0] is '+' or '-')
        {
            var digits = zone[1..].Replace(":", "", StringComparison.Ordinal);
            if (digits.Length != 4) return null;
            var span = new TimeSpan(int.Parse(digits[..2], CultureInfo.InvariantCulture), int.Parse(digits[2..], CultureInfo.InvariantCulture), 0);
            return zone[0] == '-' ? -span : span;
        }
        return zone.ToUpperInvariant() switch
        {
            "GMT" or "UT" or "UTC" or "Z" => TimeSpan.Zero,
            "EST" => TimeSpan.FromHours(-5),
            "EDT" => TimeSpan.FromHours(-4),
            "CST" => TimeSpan.FromHours(-6),
            "CDT" => TimeSpan.FromHours(-5),
            "MST" => TimeSpan.FromHours(-7),
            "MDT" => TimeSpan.FromHours(-6),
            "PST" => TimeSpan.FromHours(-8),
            "PDT" => TimeSpan.FromHours(-7),
            _ => null,
        };
    }

    [GeneratedRegex(@"^\s*(?:[A-Za-z]{3,9},?\s+)?(?<day>\d{1,2})\s+(?<mon>[A-Za-z]{3,9})\.?\s+(?<year>\d{2,4})\s+(?<h>\d{1,2}):(?<m>\d{2})(?::(?<s>\d{2}))?\s*(?<zone>[+-]\d{2}:?\d{2}|[A-Za-z]{1,4})?\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex Rfc822();
}
