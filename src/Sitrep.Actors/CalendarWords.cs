using System.Collections.Frozen;

namespace Sitrep.Actors;

/// <summary>English month and weekday names (lower case): never places, and "in May" never Theresa May.</summary>
internal static class CalendarWords
{
    public static readonly FrozenSet<string> Months = FrozenSet.Create(StringComparer.Ordinal,
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december");

    public static readonly FrozenSet<string> Weekdays = FrozenSet.Create(StringComparer.Ordinal,
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday");
}
