using Parquet.Serialization;

namespace Sitrep.Storage.Export;

/// <summary>A merged event as one Parquet row (flat columns; the names of the CSV export).</summary>
public sealed class EventParquetRow
{
    public long Id { get; set; }
    public string? Day { get; set; }
    public string? DayEnd { get; set; }
    public string Date { get; set; } = "";
    public string? SourceCode { get; set; }
    public string? SourceName { get; set; }
    public string? SourceCountry { get; set; }
    public string Cameo { get; set; } = "";
    public string BaseCode { get; set; } = "";
    public string Root { get; set; } = "";
    public int QuadClass { get; set; }
    public double Goldstein { get; set; }
    public string? PloverType { get; set; }
    public string? PloverMode { get; set; }
    public string? TargetCode { get; set; }
    public string? TargetName { get; set; }
    public string? TargetCountry { get; set; }
    public string Modality { get; set; } = "";
    public string? Place { get; set; }
    public string? PlaceCountry { get; set; }
    public double? Lat { get; set; }
    public double? Lon { get; set; }
    public int NumMentions { get; set; }
    public int NumSources { get; set; }
    public int NumArticles { get; set; }
    public bool IsRoot { get; set; }
    public string DateAdded { get; set; } = "";
    public string Document { get; set; } = "";
    public string? Url { get; set; }
    public string Attribution { get; set; } = "";
    public string Evidence { get; set; } = "";
    public string Rule { get; set; } = "";

    public static EventParquetRow From(EventRow e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return new EventParquetRow
        {
            Id = e.Id, Day = e.Day, DayEnd = e.DayEnd, Date = e.DateValue,
            SourceCode = e.Source.Code.Length == 0 ? null : e.Source.Code, SourceName = e.Source.Name, SourceCountry = e.Source.Country,
            Cameo = e.Cameo, BaseCode = e.BaseCode, Root = e.Root, QuadClass = e.QuadClass, Goldstein = e.Goldstein,
            PloverType = e.PloverType, PloverMode = e.PloverMode,
            TargetCode = e.Target.Code.Length == 0 ? null : e.Target.Code, TargetName = e.Target.Name, TargetCountry = e.Target.Country,
            Modality = e.Modality, Place = e.Place?.Name, PlaceCountry = e.Place?.Country, Lat = e.Place?.Lat, Lon = e.Place?.Lon,
            NumMentions = e.NumMentions, NumSources = e.NumSources, NumArticles = e.NumArticles, IsRoot = e.IsRoot,
            DateAdded = e.DateAdded, Document = e.FirstDocumentId, Url = e.SourceUrl, Attribution = e.Attribution, Evidence = e.Evidence, Rule = e.Rule,
        };
    }
}

/// <summary>Merged events as an Apache Parquet file through Parquet.Net's class serializer.</summary>
public static class ParquetExport
{
    public static async Task WriteAsync(Stream output, IEnumerable<EventRow> events, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(events);
        var rows = events.Select(EventParquetRow.From).ToList();
        await ParquetSerializer.SerializeAsync(rows, output, cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    public static async Task<IList<EventParquetRow>> ReadAsync(Stream input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var result = await ParquetSerializer.DeserializeAsync<EventParquetRow>(input, cancellationToken: cancellationToken).ConfigureAwait(false);
        return result.Data;
    }
}
