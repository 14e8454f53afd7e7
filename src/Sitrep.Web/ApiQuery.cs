using System.Globalization;
using Microsoft.AspNetCore.Http;
using Sitrep.Storage;

namespace Sitrep.Web;

/// <summary>A request's parameters that are not valid: the API answers 400 with the message.</summary>
public sealed class ApiQueryException(string message) : Exception(message);

/// <summary>
/// The explorer API's query parameters, named as the CLI's options (<c>actor</c>, <c>target</c>, <c>dyad</c>,
/// <c>cameo</c>, <c>root</c>, <c>quad</c>, <c>plover</c>, <c>modality</c>, <c>from</c>, <c>to</c>, <c>place</c>,
/// <c>doc</c>, <c>limit</c>, <c>offset</c>), checked the same way.
/// </summary>
internal static class ApiQuery
{
    public const int MaxLimit = 1000;

    private static readonly string[] Modalities = ["asserted", "reported", "alleged", "denied", "intended", "requested", "hypothetical", "negated"];

    public static EventQuery Events(IQueryCollection q, int defaultLimit = 100)
    {
        var dyad = Text(q, "dyad");
        (string Source, string Target)? split = null;
        if (dyad is not null)
            split = EventQuery.SplitDyad(dyad) ?? throw new ApiQueryException("dyad must be SOURCE-TARGET, e.g. RUS-PRK.");
        var quad = Int(q, "quad");
        if (quad is { } k && k is < 1 or > 4) throw new ApiQueryException("quad must be 1, 2, 3 or 4.");
        var modality = Text(q, "modality")?.ToLowerInvariant();
        if (modality is not null && Array.IndexOf(Modalities, modality) < 0)
            throw new ApiQueryException("modality must be one of " + string.Join(", ", Modalities) + ".");
        var limit = Int(q, "limit") ?? defaultLimit;
        if (limit is < 1 or > MaxLimit) throw new ApiQueryException($"limit must be 1 to {MaxLimit}.");
        var offset = Int(q, "offset") ?? 0;
        if (offset < 0) throw new ApiQueryException("offset must be 0 or more.");
        return new EventQuery
        {
            Actor = split?.Source ?? Text(q, "actor"),
            Target = split?.Target ?? Text(q, "target"),
            Involving = Text(q, "involving"),
            Undirected = Bool(q, "undirected"),
            Cameo = Text(q, "cameo"),
            Root = Text(q, "root"),
            QuadClass = quad,
            Plover = Text(q, "plover"),
            Modality = modality,
            From = Date(q, "from"),
            To = Date(q, "to"),
            Place = Text(q, "place"),
            Document = Text(q, "doc"),
            DatedOnly = Bool(q, "dated"),
            Limit = limit,
            Offset = offset,
        };
    }

    public static SeriesPeriod Period(IQueryCollection q) => Text(q, "by") switch
    {
        null or "week" => SeriesPeriod.Week,
        "day" => SeriesPeriod.Day,
        "month" => SeriesPeriod.Month,
        _ => throw new ApiQueryException("by must be day, week or month."),
    };

    public static ClaimQuery Claims(IQueryCollection q)
    {
        var stance = Text(q, "stance")?.ToLowerInvariant();
        if (stance is not null && Array.IndexOf(Modalities, stance) < 0)
            throw new ApiQueryException("stance must be one of " + string.Join(", ", Modalities) + ".");
        var limit = Int(q, "limit") ?? 200;
        if (limit is < 1 or > MaxLimit) throw new ApiQueryException($"limit must be 1 to {MaxLimit}.");
        var ev = Text(q, "event");
        long? id = null;
        if (ev is not null)
            id = long.TryParse(ev, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : throw new ApiQueryException("event must be a merged event's id.");
        return new ClaimQuery { Actor = Text(q, "actor"), Stance = stance, Document = Text(q, "doc"), Event = id, Limit = limit };
    }

    /// <summary>The stored documents' filters of <c>sitrep docs</c>: language, site, publication days, text, issues.</summary>
    public static DocumentQuery Documents(IQueryCollection q)
    {
        var limit = Int(q, "limit") ?? 100;
        if (limit is < 1 or > MaxLimit) throw new ApiQueryException($"limit must be 1 to {MaxLimit}.");
        var offset = Int(q, "offset") ?? 0;
        if (offset < 0) throw new ApiQueryException("offset must be 0 or more.");
        return new DocumentQuery
        {
            Language = Text(q, "language"),
            Site = Text(q, "site"),
            PublishedFrom = Date(q, "from"),
            PublishedTo = Date(q, "to"),
            TextContains = Text(q, "contains"),
            IncludeDuplicates = !Bool(q, "no_duplicates"),
            WithIssuesOnly = Bool(q, "with_issues"),
            Limit = limit,
            Offset = offset,
        };
    }

    public static ErrorQuery Errors(IQueryCollection q)
    {
        var limit = Int(q, "limit") ?? 200;
        if (limit is < 1 or > MaxLimit) throw new ApiQueryException($"limit must be 1 to {MaxLimit}.");
        return new ErrorQuery { Code = Text(q, "code"), Limit = limit };
    }

    /// <summary>A parameter's trimmed value; null when absent or empty (an empty form field filters nothing).</summary>
    public static string? Text(IQueryCollection q, string name)
    {
        var v = q[name].ToString().Trim();
        return v.Length == 0 ? null : v;
    }

    public static int? Int(IQueryCollection q, string name)
    {
        var v = Text(q, name);
        if (v is null) return null;
        return int.TryParse(v, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : throw new ApiQueryException($"{name} must be a whole number.");
    }

    private static bool Bool(IQueryCollection q, string name) => Text(q, name) is { } v && v is "1" or "true" or "yes" or "on";

    private static DateOnly? Date(IQueryCollection q, string name)
    {
        var v = Text(q, name);
        if (v is null) return null;
        return DateOnly.TryParseExact(v, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            ? d : throw new ApiQueryException($"{name} must be YYYY-MM-DD.");
    }
}
