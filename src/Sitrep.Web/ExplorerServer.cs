using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Sitrep.Storage;
using Sitrep.Storage.Export;

namespace Sitrep.Web;

/// <summary>
/// The explorer behind <c>sitrep serve</c>: a read-only JSON API over a store and the page that uses it. Every answer
/// uses the record format's names (the same writers as the CLI's <c>--json</c>); nothing is written to the store.
/// </summary>
/// <remarks>
/// API (GET only): <c>/api/summary</c>; <c>/api/events</c> (the event filters, paged, with the total);
/// <c>/api/events/{id}</c> (one merged event with every mention); <c>/api/series</c> (<c>by=day|week|month</c>);
/// <c>/api/claims</c>; <c>/api/actors</c>; <c>/api/documents</c> (the stored documents, as <c>sitrep docs</c>);
/// <c>/api/documents/{id}</c> (clean text and the offsets of its events); <c>/api/errors</c> (inputs that failed);
/// <c>/api/runs</c> (ingest and merge runs).
/// Bad parameters answer 400 and unknown ids 404, each with <c>{"error": …}</c>.
/// </remarks>
public sealed class ExplorerServer : IAsyncDisposable
{
    private static readonly JsonWriterOptions JsonOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private readonly WebApplication _app;

    private ExplorerServer(WebApplication app) => _app = app;

    /// <summary>The addresses the server listens on (with the port chosen when 0 was asked for).</summary>
    public IReadOnlyList<string> Urls => [.. _app.Urls];

    /// <summary>Starts listening on <paramref name="host"/>:<paramref name="port"/> (0: any free port). The caller keeps the store open until the server is disposed.</summary>
    public static async Task<ExplorerServer> StartAsync(SitrepStore store, string host, int port, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentException.ThrowIfNullOrWhiteSpace(host);
        ArgumentOutOfRangeException.ThrowIfNegative(port);
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ApplicationName = "Sitrep.Web", ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://{(host.Contains(':', StringComparison.Ordinal) ? "[" + host + "]" : host)}:{port}");
        var app = builder.Build();
        app.Use(async (ctx, next) =>
        {
            // The page loads nothing from elsewhere and runs no inline script.
            ctx.Response.Headers["Content-Security-Policy"] = "default-src 'self'; img-src 'self' data:; frame-ancestors 'none'";
            ctx.Response.Headers["X-Content-Type-Options"] = "nosniff";
            ctx.Response.Headers["Referrer-Policy"] = "no-referrer";
            try { await next(ctx); }
            catch (ApiQueryException e) when (!ctx.Response.HasStarted)
            {
                await Error(ctx, StatusCodes.Status400BadRequest, e.Message);
            }
        });
        Map(app, store);
        await app.StartAsync(cancellationToken);
        return new ExplorerServer(app);
    }

    /// <summary>Runs until <paramref name="cancellationToken"/> is cancelled or the process is asked to stop (Ctrl+C, SIGTERM).</summary>
    public Task RunUntilStoppedAsync(CancellationToken cancellationToken) => _app.WaitForShutdownAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private static void Map(IEndpointRouteBuilder app, SitrepStore store)
    {
        foreach (var (path, file, type) in new[]
        {
            ("/", "index.html", "text/html; charset=utf-8"),
            ("/explorer-core.js", "explorer-core.js", "text/javascript; charset=utf-8"),
            ("/app.js", "app.js", "text/javascript; charset=utf-8"),
            ("/app.css", "app.css", "text/css; charset=utf-8"),
        })
        {
            var bytes = Asset(file);
            app.MapGet(path, async ctx =>
            {
                ctx.Response.ContentType = type;
                ctx.Response.Headers.CacheControl = "no-cache";
                await ctx.Response.Body.WriteAsync(bytes, ctx.RequestAborted);
            });
        }

        app.MapGet("/api/summary", ctx => Answer(ctx, w =>
        {
            var s = store.GetSummary();
            var counts = store.AnalysisCounts();
            w.WriteStartObject();
            w.WriteNumber("documents", s.Documents);
            w.WriteNumber("latest_documents", s.LatestDocuments);
            w.WriteNumber("duplicates", s.ExactDuplicates + s.NearDuplicates);
            w.WriteNumber("ingest_runs", s.IngestRuns);
            w.WriteNumber("errors", s.ErrorsByCode.Values.Sum());
            w.WriteNumber("merged_events", store.CountEvents(new EventQuery()));
            w.WriteStartObject("tables");
            foreach (var (table, n) in counts.OrderBy(kv => kv.Key, StringComparer.Ordinal)) w.WriteNumber(table, n);
            w.WriteEndObject();
            w.WriteEndObject();
        }));

        app.MapGet("/api/events", ctx =>
        {
            var query = ApiQuery.Events(ctx.Request.Query);
            var events = store.ListEvents(query);
            var mentions = ApiQuery.Text(ctx.Request.Query, "mentions") is "1" or "true" ? store.ListMentions(query).ToLookup(m => m.EventId) : null;
            long total = store.CountEvents(query);
            return Answer(ctx, w =>
            {
                w.WriteStartObject();
                w.WriteNumber("total", total);
                w.WriteNumber("limit", query.Limit);
                w.WriteNumber("offset", query.Offset);
                w.WriteStartArray("events");
                foreach (var e in events) EventJson.WriteEvent(w, e, mentions?[e.Id]);
                w.WriteEndArray();
                w.WriteEndObject();
            });
        });

        app.MapGet("/api/events/{id:long}", (HttpContext ctx, long id) =>
        {
            var query = new EventQuery { Event = id, Limit = 1 };
            var e = store.ListEvents(query).FirstOrDefault();
            if (e is null) return NotFound(ctx, $"no merged event {id}");
            var mentions = store.ListMentions(query);
            // Claims about this event: its own mentions' stances and denials that name it.
            var claims = store.ListClaims(new ClaimQuery { Event = id, Limit = ApiQuery.MaxLimit });
            return Answer(ctx, w =>
            {
                w.WriteStartObject();
                w.WritePropertyName("event");
                EventJson.WriteEvent(w, e, mentions);
                w.WriteStartArray("claims");
                foreach (var c in claims) QueryJson.WriteClaim(w, c);
                w.WriteEndArray();
                w.WriteEndObject();
            });
        });

        app.MapGet("/api/series", ctx =>
        {
            var query = ApiQuery.Events(ctx.Request.Query);
            var by = ApiQuery.Period(ctx.Request.Query);
            var points = store.Series(query, by);
            return Answer(ctx, w =>
            {
                w.WriteStartObject();
                w.WriteString("by", by.ToString().ToLowerInvariant());
                w.WriteStartArray("points");
                foreach (var p in points) QueryJson.WriteSeriesPoint(w, p);
                w.WriteEndArray();
                w.WriteEndObject();
            });
        });

        app.MapGet("/api/claims", ctx => AnswerArray(ctx, store.ListClaims(ApiQuery.Claims(ctx.Request.Query)), QueryJson.WriteClaim));

        app.MapGet("/api/actors", ctx =>
        {
            var query = ApiQuery.Events(ctx.Request.Query, defaultLimit: 50);
            return AnswerArray(ctx, store.ListActorActivity(query with { Limit = ApiQuery.MaxLimit }, query.Limit), QueryJson.WriteActorActivity);
        });

        app.MapGet("/api/documents", ctx => AnswerArray(ctx, store.ListDocuments(ApiQuery.Documents(ctx.Request.Query)), QueryJson.WriteDocumentSummary));
        app.MapGet("/api/errors", ctx => AnswerArray(ctx, store.ListErrors(ApiQuery.Errors(ctx.Request.Query)), QueryJson.WriteInputError));
        app.MapGet("/api/runs", ctx => AnswerArray(ctx, store.ListIngestRuns(), QueryJson.WriteIngestRun));

        app.MapGet("/api/documents/{id}", (HttpContext ctx, string id) =>
        {
            var d = store.GetDocument(id);
            if (d is null) return NotFound(ctx, $"no document {id}");
            var events = store.ListDocumentEvents(id);
            return Answer(ctx, w =>
            {
                var m = d.Metadata;
                w.WriteStartObject();
                w.WriteString("id", d.Id);
                QueryJson.StringOrNull(w, "url", m.Url);
                QueryJson.StringOrNull(w, "title", m.Title);
                QueryJson.StringOrNull(w, "site", m.Site);
                QueryJson.StringOrNull(w, "published", m.Published?.ToIso());
                w.WriteString("outlet", SitrepStore.SourceName(m));
                w.WriteString("origin", m.Origin);
                w.WriteNumber("version", d.Version);
                QueryJson.StringOrNull(w, "duplicate_of", d.DuplicateOf);
                w.WriteString("text", d.CleanText);
                w.WriteStartArray("events");
                foreach (var e in events) QueryJson.WriteDocumentEvent(w, e);
                w.WriteEndArray();
                w.WriteEndObject();
            });
        });

        app.MapFallback(ctx => NotFound(ctx, "no such page or API path"));
    }

    private static byte[] Asset(string file)
    {
        using var s = typeof(ExplorerServer).Assembly.GetManifestResourceStream("wwwroot/" + file)
            ?? throw new InvalidOperationException($"The explorer's {file} is not embedded in Sitrep.Web.");
        using var m = new MemoryStream();
        s.CopyTo(m);
        return m.ToArray();
    }

    private static Task NotFound(HttpContext ctx, string message) => Error(ctx, StatusCodes.Status404NotFound, message);

    private static Task Error(HttpContext ctx, int status, string message) => Write(ctx, status, w =>
    {
        w.WriteStartObject();
        w.WriteString("error", message);
        w.WriteEndObject();
    });

    /// <summary>200 with the JSON <paramref name="write"/> makes.</summary>
    private static Task Answer(HttpContext ctx, Action<Utf8JsonWriter> write) => Write(ctx, StatusCodes.Status200OK, write);

    /// <summary>200 with a JSON array, one object per item.</summary>
    private static Task AnswerArray<T>(HttpContext ctx, IEnumerable<T> items, Action<Utf8JsonWriter, T> write) => Answer(ctx, w =>
    {
        w.WriteStartArray();
        foreach (var item in items) write(w, item);
        w.WriteEndArray();
    });

    private static async Task Write(HttpContext ctx, int status, Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var w = new Utf8JsonWriter(buffer, JsonOptions)) write(w);
        ctx.Response.StatusCode = status;
        ctx.Response.ContentType = "application/json; charset=utf-8";
        await ctx.Response.Body.WriteAsync(buffer.WrittenMemory, ctx.RequestAborted);
    }

}
