using System.Globalization;

namespace Sitrep.Storage.Export;

/// <summary>RFC 4180 CSV: a header line, then one line per row, LF line ends; a field is quoted only when it holds a comma, quote or line break.</summary>
public static class CsvTables
{
    public static void Write(TextWriter output, IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string?>> rows)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(rows);
        WriteRow(output, header);
        foreach (var row in rows) WriteRow(output, row);
    }

    private static void WriteRow(TextWriter output, IReadOnlyList<string?> fields)
    {
        for (int i = 0; i < fields.Count; i++)
        {
            if (i > 0) output.Write(',');
            var v = fields[i] ?? "";
            if (v.AsSpan().IndexOfAny(",\"\r\n") < 0) output.Write(v);
            else
            {
                output.Write('"');
                output.Write(v.Replace("\"", "\"\"", StringComparison.Ordinal));
                output.Write('"');
            }
        }
        output.Write('\n');
    }

    /// <summary>The flat columns of a merged event, shared by <c>sitrep events --csv</c> and <c>sitrep export --format csv</c>.</summary>
    public static readonly IReadOnlyList<string> EventHeader =
    [
        "id", "day", "day_end", "date", "source_code", "source_name", "source_country", "source_sector", "cameo", "base_code", "root",
        "quad_class", "goldstein", "plover_type", "plover_mode", "target_code", "target_name", "target_country", "target_sector",
        "modality", "place", "place_country", "lat", "lon", "num_mentions", "num_sources", "num_articles", "is_root",
        "date_added", "document", "url", "published", "attribution", "evidence", "rule",
    ];

    public static IReadOnlyList<string?> EventFields(EventRow e)
    {
        ArgumentNullException.ThrowIfNull(e);
        var inv = CultureInfo.InvariantCulture;
        return
        [
            e.Id.ToString(inv), e.Day, e.DayEnd, e.DateValue, e.Source.Code, e.Source.Name, e.Source.Country, e.Source.Sector, e.Cameo, e.BaseCode, e.Root,
            e.QuadClass.ToString(inv), e.Goldstein.ToString("0.0##", inv), e.PloverType, e.PloverMode, e.Target.Code, e.Target.Name, e.Target.Country, e.Target.Sector,
            e.Modality, e.Place?.Name, e.Place?.Country, e.Place?.Lat?.ToString("0.####", inv), e.Place?.Lon?.ToString("0.####", inv),
            e.NumMentions.ToString(inv), e.NumSources.ToString(inv), e.NumArticles.ToString(inv), e.IsRoot ? "1" : "0",
            e.DateAdded, e.FirstDocumentId, e.SourceUrl, e.Published, e.Attribution, e.Evidence, e.Rule,
        ];
    }
}
