namespace Sitrep.Storage.Export;

/// <summary>The export formats of <c>sitrep export</c>.</summary>
public enum ExportFormat { Gdelt, GdeltMentions, Plover, Csv, JsonLines, Parquet, GraphMl }

/// <summary>Writes the events matching a query from a store in one of the <see cref="ExportFormat"/>s.</summary>
public static class EventExport
{
    public static bool TryParse(string? name, out ExportFormat format)
    {
        switch (name?.ToLowerInvariant())
        {
            case "gdelt": format = ExportFormat.Gdelt; return true;
            case "gdelt-mentions": format = ExportFormat.GdeltMentions; return true;
            case "plover": format = ExportFormat.Plover; return true;
            case "csv": format = ExportFormat.Csv; return true;
            case "jsonl": format = ExportFormat.JsonLines; return true;
            case "parquet": format = ExportFormat.Parquet; return true;
            case "graphml": format = ExportFormat.GraphMl; return true;
            default: format = default; return false;
        }
    }

    /// <summary>Writes the export to <paramref name="output"/> and returns the number of records (events, mentions or edges) written.</summary>
    public static int Write(SitrepStore store, EventQuery query, ExportFormat format, Stream output, bool header = false)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(output);
        if (format == ExportFormat.Parquet)
        {
            var rows = store.ListEvents(query);
            ParquetExport.WriteAsync(output, rows).GetAwaiter().GetResult();
            return rows.Count;
        }
        using var writer = new StreamWriter(output, new System.Text.UTF8Encoding(false), leaveOpen: true) { NewLine = "\n" };
        int n = Write(store, query, format, writer, header);
        writer.Flush();
        return n;
    }

    /// <summary>Writes a text format (every format but Parquet) to <paramref name="writer"/>.</summary>
    public static int Write(SitrepStore store, EventQuery query, ExportFormat format, TextWriter writer, bool header = false)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(writer);
        if (format == ExportFormat.Parquet) throw new ArgumentException("Parquet is binary: write it to a stream.", nameof(format));
        int count;
        switch (format)
        {
            case ExportFormat.Gdelt:
            {
                var events = store.ListEvents(query);
                GdeltExport.WriteEvents(writer, events, header);
                count = events.Count;
                break;
            }
            case ExportFormat.GdeltMentions:
            {
                var events = store.ListEvents(query).ToDictionary(e => e.Id);
                var mentions = store.ListMentions(query);
                GdeltExport.WriteMentions(writer, mentions, events, header);
                count = mentions.Count;
                break;
            }
            case ExportFormat.Plover:
            {
                var events = store.ListEvents(query);
                EventJson.WritePlover(writer, events, store.ListMentions(query).ToLookup(m => m.EventId));
                count = events.Count;
                break;
            }
            case ExportFormat.Csv:
            {
                var events = store.ListEvents(query);
                CsvTables.Write(writer, CsvTables.EventHeader, events.Select(CsvTables.EventFields));
                count = events.Count;
                break;
            }
            case ExportFormat.JsonLines:
            {
                var events = store.ListEvents(query);
                EventJson.WriteJsonLines(writer, events, store.ListMentions(query).ToLookup(m => m.EventId));
                count = events.Count;
                break;
            }
            case ExportFormat.GraphMl:
            {
                var dyads = store.ListDyads(query);
                GraphMlExport.Write(writer, dyads, store.ActorNames());
                count = dyads.Count;
                break;
            }
            default:
                throw new ArgumentOutOfRangeException(nameof(format));
        }
        return count;
    }
}
