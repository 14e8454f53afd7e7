using System.Globalization;

namespace Sitrep.Actors.Kb;

/// <summary>How much of a <see cref="KbDate"/> is known.</summary>
public enum KbDatePrecision { Year, Month, Day }

/// <summary>
/// A date as the KB authors it: YYYY, YYYY-MM or YYYY-MM-DD. Sources often know only the year or month of
/// an appointment, so a partial date stands for its whole period: <see cref="Earliest"/> is its first day and
/// <see cref="ExclusiveEnd"/> the day after its last.
/// </summary>
public readonly record struct KbDate(int Year, int Month, int Day, KbDatePrecision Precision) : IComparable<KbDate>
{
    public DateOnly Earliest => new(Year, Precision == KbDatePrecision.Year ? 1 : Month, Precision == KbDatePrecision.Day ? Day : 1);

    /// <summary>The first day after the period this date names.</summary>
    public DateOnly ExclusiveEnd => Precision switch
    {
        KbDatePrecision.Year => new DateOnly(Year, 1, 1).AddYears(1),
        KbDatePrecision.Month => new DateOnly(Year, Month, 1).AddMonths(1),
        _ => new DateOnly(Year, Month, Day).AddDays(1),
    };

    /// <summary>The last day of the period this date names.</summary>
    public DateOnly Latest => ExclusiveEnd.AddDays(-1);

    public static bool TryParse(string? text, out KbDate date)
    {
        date = default;
        if (string.IsNullOrEmpty(text)) return false;
        var parts = text.Split('-');
        if (parts.Length is < 1 or > 3) return false;
        if (parts[0].Length != 4 || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var y) || y < 1000) return false;
        if (parts.Length == 1) { date = new KbDate(y, 1, 1, KbDatePrecision.Year); return true; }
        if (parts[1].Length != 2 || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var m) || m is < 1 or > 12) return false;
        if (parts.Length == 2) { date = new KbDate(y, m, 1, KbDatePrecision.Month); return true; }
        if (parts[2].Length != 2 || !int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var d) || d < 1 || d > DateTime.DaysInMonth(y, m)) return false;
        date = new KbDate(y, m, d, KbDatePrecision.Day);
        return true;
    }

    public static KbDate Parse(string text) =>
        TryParse(text, out var d) ? d : throw new FormatException($"Not a KB date (YYYY, YYYY-MM or YYYY-MM-DD): '{text}'.");

    public static KbDate FromDate(DateOnly d) => new(d.Year, d.Month, d.Day, KbDatePrecision.Day);

    public int CompareTo(KbDate other) => Earliest.CompareTo(other.Earliest);

    public override string ToString() => Precision switch
    {
        KbDatePrecision.Year => Year.ToString("D4", CultureInfo.InvariantCulture),
        KbDatePrecision.Month => string.Create(CultureInfo.InvariantCulture, $"{Year:D4}-{Month:D2}"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{Year:D4}-{Month:D2}-{Day:D2}"),
    };
}
