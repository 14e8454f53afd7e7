using Sitrep.Core;

namespace Sitrep.Time;

/// <summary>The four TIMEX3 types of TimeML.</summary>
public enum TimexType { Date, Time, Duration, Set }

public static class TimexTypes
{
    public static string ToTimeMl(this TimexType t) => t switch
    {
        TimexType.Date => "DATE",
        TimexType.Time => "TIME",
        TimexType.Duration => "DURATION",
        TimexType.Set => "SET",
        _ => throw new ArgumentOutOfRangeException(nameof(t)),
    };

    public static bool TryParse(string? s, out TimexType type)
    {
        switch (s)
        {
            case "DATE": type = TimexType.Date; return true;
            case "TIME": type = TimexType.Time; return true;
            case "DURATION": type = TimexType.Duration; return true;
            case "SET": type = TimexType.Set; return true;
            default: type = TimexType.Date; return false;
        }
    }
}

/// <summary>
/// One temporal expression: its extent in the clean text, TIMEX3 type, normalized value (ISO 8601 / TimeML,
/// e.g. <c>2023-08-30</c>, <c>2023-W35</c>, <c>P3Y</c>, <c>PAST_REF</c>), optional mod (START, END, MID, APPROX, …)
/// and the anchor used: <c>dct</c> (publication date), <c>ref</c> (the locally current time in the text) or <c>none</c>.
/// </summary>
public sealed record Timex(TextSpan Span, TimexType Type, string Value, string? Mod, string Anchor)
{
    /// <summary>The UTC offset a time-zone name or numeric offset in the expression resolves to (e.g. IST → +05:30).</summary>
    public TimeSpan? ZoneOffset { get; init; }

    /// <summary>A SET's quantifier, as TimeML writes it: EVERY ("every week"), EACH ("each year").</summary>
    public string? Quant { get; init; }

    /// <summary>A SET's frequency within its period, as TimeML writes it: "2X" ("twice a week"), "3D" ("three days a week").</summary>
    public string? Freq { get; init; }
}

/// <summary>Layers made by Sitrep.Time.</summary>
public static class TimeLayers
{
    public static readonly AnnotationLayer<IReadOnlyList<Timex>> Timexes = new("timexes");
}

/// <summary>The tense of the clause governing a temporal expression; decides the direction of "Wednesday", "March".</summary>
public enum TenseHint { Unknown, Past, Present, Future }

/// <summary>
/// Gives the tense governing a span. Sitrep.Time has a heuristic implementation over raw text
/// (<see cref="HeuristicTense"/>); a POS-tag-based one can replace it when tags exist.
/// </summary>
public interface ITenseHints
{
    TenseHint At(TextSpan span);
}
