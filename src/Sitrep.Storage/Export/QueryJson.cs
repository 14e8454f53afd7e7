using System.Text.Json;
using Sitrep.Core;

namespace Sitrep.Storage.Export;

/// <summary>
/// JSON objects of the store's query results other than events (<see cref="EventJson"/>): claims, series points, actor
/// activity and a document's events. One writer per shape, so that the <c>--json</c> of the query commands and the
/// explorer's API (<c>sitrep serve</c>) use the same names.
/// </summary>
public static class QueryJson
{
    public static void WriteClaim(Utf8JsonWriter w, ClaimRow c)
    {
        ArgumentNullException.ThrowIfNull(w);
        ArgumentNullException.ThrowIfNull(c);
        w.WriteStartObject();
        w.WriteString("stance", c.Stance);
        w.WriteStartObject("claimant");
        StringOrNull(w, "code", c.ClaimantCode);
        StringOrNull(w, "name", c.ClaimantName);
        w.WriteEndObject();
        w.WriteString("sources", c.Sources);
        w.WriteNumber("event", c.EventId);
        StringOrNull(w, "source", c.SourceCode);
        w.WriteString("cameo", c.Cameo);
        StringOrNull(w, "target", c.TargetCode);
        w.WriteString("date", c.DateValue);
        w.WriteStartArray("about");
        foreach (var a in c.About) w.WriteNumberValue(a);
        w.WriteEndArray();
        w.WriteString("document", c.DocumentId);
        StringOrNull(w, "url", c.Url);
        w.WriteString("outlet", c.Outlet);
        StringOrNull(w, "published", c.Published);
        w.WriteString("evidence", c.Evidence);
        w.WriteEndObject();
    }

    public static void WriteSeriesPoint(Utf8JsonWriter w, SeriesPoint p)
    {
        ArgumentNullException.ThrowIfNull(w);
        ArgumentNullException.ThrowIfNull(p);
        w.WriteStartObject();
        w.WriteString("period", p.Period);
        w.WriteNumber("events", p.Events);
        w.WriteNumber("verbal_cooperation", p.VerbalCooperation);
        w.WriteNumber("material_cooperation", p.MaterialCooperation);
        w.WriteNumber("verbal_conflict", p.VerbalConflict);
        w.WriteNumber("material_conflict", p.MaterialConflict);
        w.WriteNumber("goldstein", p.Goldstein);
        w.WriteNumber("mentions", p.Mentions);
        w.WriteEndObject();
    }

    public static void WriteActorActivity(Utf8JsonWriter w, ActorActivity a)
    {
        ArgumentNullException.ThrowIfNull(w);
        ArgumentNullException.ThrowIfNull(a);
        w.WriteStartObject();
        w.WriteString("code", a.Code);
        StringOrNull(w, "name", a.Name);
        w.WriteNumber("as_source", a.AsSource);
        w.WriteNumber("as_target", a.AsTarget);
        w.WriteNumber("mentions", a.Mentions);
        w.WriteNumber("mean_goldstein", a.MeanGoldstein);
        w.WriteStartArray("top_dyads");
        foreach (var d in a.TopDyads)
        {
            w.WriteStartObject();
            w.WriteString("dyad", $"{d.Source}-{d.Target}");
            w.WriteNumber("events", d.Events);
            w.WriteNumber("goldstein", d.Goldstein);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }

    /// <summary>
    /// One event of a document with its offsets in the clean text, in the record format's evidence names: the trigger as
    /// <c>trigger</c> {start, end}, the actors as <c>source</c>/<c>target</c> {code, start, end}.
    /// </summary>
    public static void WriteDocumentEvent(Utf8JsonWriter w, DocumentEventRow e)
    {
        ArgumentNullException.ThrowIfNull(w);
        ArgumentNullException.ThrowIfNull(e);
        w.WriteStartObject();
        w.WriteNumber("event", e.EventId);
        w.WriteNumber("mention", e.MentionId);
        w.WriteString("cameo", e.Cameo);
        w.WriteNumber("quad_class", e.QuadClass);
        Party(w, "source", e.SourceCode, e.SourceStart, e.SourceEnd);
        Party(w, "target", e.TargetCode, e.TargetStart, e.TargetEnd);
        w.WriteString("modality", e.Modality);
        w.WriteString("date", e.DateValue);
        w.WriteNumber("sentence", e.Sentence);
        w.WriteStartObject("trigger");
        w.WriteNumber("start", e.TriggerStart);
        w.WriteNumber("end", e.TriggerEnd);
        w.WriteEndObject();
        w.WriteString("attribution", e.Attribution);
        w.WriteString("rule", e.Rule);
        w.WriteEndObject();
    }

    /// <summary>One stored document as <c>sitrep docs --json</c> lists it.</summary>
    public static void WriteDocumentSummary(Utf8JsonWriter w, StoredDocumentSummary d)
    {
        ArgumentNullException.ThrowIfNull(w);
        ArgumentNullException.ThrowIfNull(d);
        w.WriteStartObject();
        w.WriteString("id", d.Id);
        StringOrNull(w, "url", d.Url);
        StringOrNull(w, "title", d.Title);
        StringOrNull(w, "site", d.Site);
        StringOrNull(w, "published", d.Published);
        StringOrNull(w, "language", d.Language);
        if (d.IsEnglish is { } en) w.WriteBoolean("is_english", en);
        w.WriteString("source_format", d.SourceFormat.ToName());
        w.WriteString("origin", d.Origin);
        w.WriteNumber("version", d.Version);
        w.WriteBoolean("is_latest", d.IsLatest);
        StringOrNull(w, "duplicate_of", d.DuplicateOf);
        StringOrNull(w, "duplicate_kind", d.DuplicateKind);
        if (d.Similarity is { } sim) w.WriteNumber("similarity", Math.Round(sim, 4)); else w.WriteNull("similarity");
        w.WriteNumber("issues", d.IssueCount);
        w.WriteNumber("length", d.CleanLength);
        w.WriteString("ingested_at", Time(d.IngestedAt));
        w.WriteEndObject();
    }

    /// <summary>One failed input as <c>sitrep errors --json</c> lists it.</summary>
    /// <summary>An ingest run's counts, as <c>"counts": {…}</c> (the names of <c>sitrep ingest --json</c>).</summary>
    public static void WriteCounts(Utf8JsonWriter w, IngestCounts c)
    {
        ArgumentNullException.ThrowIfNull(w);
        ArgumentNullException.ThrowIfNull(c);
        w.WriteStartObject("counts");
        w.WriteNumber("inputs", c.Inputs);
        w.WriteNumber("new", c.New);
        w.WriteNumber("unchanged", c.Unchanged);
        w.WriteNumber("duplicate", c.ExactDuplicates);
        w.WriteNumber("near_duplicate", c.NearDuplicates);
        w.WriteNumber("new_version", c.NewVersions);
        w.WriteNumber("failed", c.Errors);
        w.WriteNumber("warnings", c.Warnings);
        w.WriteEndObject();
    }

    /// <summary>
    /// One ingest or merge run: <c>status</c> is <c>finished</c>, <c>interrupted</c> (stopped and closed with what it
    /// stored) or <c>unfinished</c> (the process died; its documents are whole, its counts unknown).
    /// </summary>
    public static void WriteIngestRun(Utf8JsonWriter w, IngestRun r)
    {
        ArgumentNullException.ThrowIfNull(w);
        ArgumentNullException.ThrowIfNull(r);
        w.WriteStartObject();
        w.WriteNumber("run", r.Id);
        w.WriteString("started_at", Time(r.StartedAt));
        StringOrNull(w, "finished_at", r.FinishedAt is { } finished ? Time(finished) : null);
        w.WriteString("status", RunStatus(r));
        w.WriteString("arguments", r.Arguments);
        w.WriteString("sitrep_version", r.SitrepVersion);
        if (r.Counts is { } c) WriteCounts(w, c); else w.WriteNull("counts");
        w.WriteEndObject();
    }

    /// <summary>A stored time as the JSON writes it: to the second, with its offset.</summary>
    private static string Time(DateTimeOffset t) => t.ToString("yyyy-MM-ddTHH:mm:ssK", System.Globalization.CultureInfo.InvariantCulture);

    public static string RunStatus(IngestRun r) => r.FinishedAt is null ? "unfinished" : r.Interrupted ? "interrupted" : "finished";

    public static void WriteInputError(Utf8JsonWriter w, StoredError e)
    {
        ArgumentNullException.ThrowIfNull(w);
        ArgumentNullException.ThrowIfNull(e);
        w.WriteStartObject();
        w.WriteString("origin", e.Origin);
        w.WriteString("code", e.Code);
        w.WriteString("message", e.Message);
        w.WriteString("severity", e.Severity == ErrorSeverity.Error ? "error" : "warning");
        StringOrNull(w, "stage", e.Stage);
        StringOrNull(w, "input_sha256", e.InputSha256);
        w.WriteNumber("run", e.IngestRunId);
        w.WriteString("recorded_at", Time(e.RecordedAt));
        w.WriteEndObject();
    }

    private static void Party(Utf8JsonWriter w, string name, string? code, int? start, int? end)
    {
        if (code is null) { w.WriteNull(name); return; }
        w.WriteStartObject(name);
        w.WriteString("code", code);
        if (start is { } s && end is { } x) { w.WriteNumber("start", s); w.WriteNumber("end", x); }
        else { w.WriteNull("start"); w.WriteNull("end"); }
        w.WriteEndObject();
    }

    /// <summary>A string property, or null when there is no value: the record format writes absent values as null.</summary>
    public static void StringOrNull(Utf8JsonWriter w, string name, string? value)
    {
        ArgumentNullException.ThrowIfNull(w);
        if (value is null) w.WriteNull(name); else w.WriteString(name, value);
    }
}
