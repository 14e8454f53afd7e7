using System.Globalization;
using System.Text.RegularExpressions;

namespace Sitrep.Core;

/// <summary>
/// A publication or modification date as the source states it: a calendar date, optionally a time, and
/// optionally the source's own UTC offset. Converting to UTC first would lose the local day, so it is kept.
/// </summary>
public readonly partial record struct DocumentDate(DateOnly Date, TimeOnly? Time = null, TimeSpan? Offset = null)
{
    public static DocumentDate FromDateTimeOffset(DateTimeOffset value) =>
        new(DateOnly.FromDateTime(value.DateTime), TimeOnly.FromDateTime(value.DateTime), value.Offset);

    /// <summary>ISO 8601: <c>2023-08-30</c>, <c>2023-08-30T23:10</c>, <c>2023-08-30T23:10:05+05:30</c>; seconds only when non-zero.</summary>
    public string ToIso()
    {
        var s = Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        if (Time is not { } t) return s;
        s += "T" + t.ToString(t.Second == 0 && t.Millisecond == 0 ? "HH:mm" : "HH:mm:ss", CultureInfo.InvariantCulture);
        if (Offset is { } o)
        {
            if (o == TimeSpan.Zero) return s + "Z";
            s += (o < TimeSpan.Zero ? "-" : "+") + o.Duration().ToString(@"hh\:mm", CultureInfo.InvariantCulture);
        }
        return s;
    }

    public override string ToString() => ToIso();

    /// <summary>Parses what <see cref="ToIso"/> writes, and common ISO 8601 variants.</summary>
    public static bool TryParseIso(string? s, out DocumentDate value)
    {
        value = default;
        if (string.IsNullOrWhiteSpace(s)) return false;
        s = s.Trim();
        if (s.Length == 10 && DateOnly.TryParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
        {
            value = new DocumentDate(d);
            return true;
        }
        bool hasOffset = OffsetSuffix().IsMatch(s);
        if (hasOffset && DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.None, out var dto))
        {
            value = FromDateTimeOffset(dto);
            return true;
        }
        if (DateTime.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.None, out var dt))
        {
            value = new DocumentDate(DateOnly.FromDateTime(dt), TimeOnly.FromDateTime(dt));
            return true;
        }
        return false;
    }

    [GeneratedRegex(@"T\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})$", RegexOptions.CultureInvariant)]
    private static partial Regex OffsetSuffix();
}
