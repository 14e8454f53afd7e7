using System.IO.Compression;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Sitrep.Cli.Ingestion;
using Sitrep.Core;
using Sitrep.Ingest;
using Sitrep.Storage;

namespace Sitrep.Cli.Tests;

/// <summary>
/// One batch of good and bad inputs: every bad one gets its stable error code, the good ones land, and a
/// second ingest of the same inputs writes nothing new.
/// </summary>
public sealed class BadInputBatchTests : IDisposable
{
    private readonly TestEnvironment _env = new();
    private readonly TcpListener _silentServer = new(IPAddress.Loopback, 0);

    public BadInputBatchTests() => _silentServer.Start();

    private const string GoodArticle = "Title: Foreign ministers meet in Geneva\n\nThe foreign ministers of Armenia and Azerbaijan met in Geneva on Tuesday for talks on a peace treaty, officials said.\n\nThe talks ended without an agreement, but both sides said they would meet again next month.\n";

    private const string GoodPage = """
        <!doctype html><html lang="en"><head><meta charset="utf-8"><title>Niger junta expels envoy | Sahel Desk</title>
        <meta property="article:published_time" content="2023-08-25T18:30:00+01:00"></head>
        <body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
        <article><h1>Niger junta expels envoy</h1>
        <p>Niger's military rulers ordered the French ambassador to leave the country within 48 hours, the foreign ministry said on Friday.</p>
        <p>France said it did not recognise the authority of the junta and that its ambassador would stay in Niamey.</p>
        <p>The regional bloc ECOWAS has threatened to use force to restore the ousted president if diplomacy fails, officials said.</p>
        </article><footer>© Sahel Desk</footer></body></html>
        """;

    private string[] WriteInputs()
    {
        var cp1252 = TextEncodings.Get("windows-1252");
        var legacy = cp1252.GetBytes("<html><head><meta charset=\"windows-1252\"><title>Caf\u00e9 talks</title></head><body><article><p>\u201cWe will not accept this,\u201d the minister said in the caf\u00e9 on Monday, according to the ministry.</p><p>The talks in Montr\u00e9al continued on Tuesday with a second round of meetings between the delegations.</p></article></body></html>");
        var invalidUtf8 = Encoding.UTF8.GetBytes("The delegation arrived in Bogot").Concat(new byte[] { 0xE1 }).Concat(Encoding.UTF8.GetBytes(" on Monday, the ministry said, and talks began at once.\n")).ToArray();
        var gzip = Gzip(Encoding.UTF8.GetBytes(GoodPage));
        var truncated = gzip[..(gzip.Length / 2)];
        var huge = new StringBuilder("<html><body><article>");
        while (huge.Length < 50 * 1024 * 1024) huge.Append("<p>Filler paragraph in a page far larger than any article should be.</p>\n");
        huge.Append("</article></body></html>");
        var deep = new StringBuilder("<html><body>");
        for (int i = 0; i < 10_000; i++) deep.Append("<div>");
        deep.Append("<p>Deep text.</p>");
        for (int i = 0; i < 10_000; i++) deep.Append("</div>");
        deep.Append("</body></html>");

        return
        [
            _env.File("good/article.txt", Encoding.UTF8.GetBytes(GoodArticle)),
            _env.File("good/page.html", Encoding.UTF8.GetBytes(GoodPage)),
            _env.File("bad/empty.txt", []),
            _env.File("bad/binary.txt", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]),
            _env.File("bad/invalid-utf8.txt", invalidUtf8),
            _env.File("bad/legacy-1252.html", legacy),
            _env.File("bad/truncated.html.gz", truncated),
            _env.File("bad/huge.html", Encoding.UTF8.GetBytes(huge.ToString())),
            _env.File("bad/deep.html", Encoding.UTF8.GetBytes(deep.ToString())),
            $"http://127.0.0.1:{((IPEndPoint)_silentServer.LocalEndpoint).Port}/feed.xml",
        ];
    }

    private static byte[] Gzip(byte[] data)
    {
        using var ms = new MemoryStream();
        using (var gz = new GZipStream(ms, CompressionLevel.Optimal)) gz.Write(data);
        return ms.ToArray();
    }

    private static readonly ReaderOptions Options = new() { FetchTimeout = TimeSpan.FromSeconds(1) };

    [Fact]
    public void BadInputsGetStableCodesAndGoodOnesLand()
    {
        var inputs = WriteInputs();
        IngestSummary summary;
        using (var store = SitrepStore.Open(_env.Db))
            summary = new IngestRunner(store, Options).Run(inputs, "test");

        string? CodeOf(string name) => summary.Items.Single(i => i.Origin.EndsWith(name, StringComparison.Ordinal)).Error?.Code;
        Assert.Equal(ErrorCodes.EmptyInput, CodeOf("empty.txt"));
        Assert.Equal(ErrorCodes.BinaryInput, CodeOf("binary.txt"));
        Assert.Equal(ErrorCodes.TruncatedGzip, CodeOf("truncated.html.gz"));
        Assert.Equal(ErrorCodes.TooLarge, CodeOf("huge.html"));
        Assert.Equal(ErrorCodes.TooDeep, CodeOf("deep.html"));
        Assert.Equal(ErrorCodes.Timeout, CodeOf("feed.xml"));
        Assert.Equal(6, summary.Counts.Errors);

        // The good documents, the legacy-encoded page and the invalid UTF-8 text are stored.
        Assert.Equal(4, summary.Counts.New);
        Assert.Equal(10, summary.Counts.Inputs);
        using var check = SitrepStore.Open(_env.Db);
        var docs = check.ListDocuments(new DocumentQuery());
        Assert.Equal(4, docs.Count);
        var legacy = check.GetDocument(summary.Items.Single(i => i.Origin.EndsWith("legacy-1252.html", StringComparison.Ordinal)).DocumentId!)!;
        Assert.Contains("\u201cWe will not accept this,\u201d the minister said in the caf\u00e9", legacy.CleanText, StringComparison.Ordinal);
        Assert.Equal("windows-1252", legacy.RawEncoding);
        Assert.Empty(legacy.Issues);
        // Invalid UTF-8 is decoded as windows-1252 and carries a warning with its own code.
        var invalid = check.GetDocument(summary.Items.Single(i => i.Origin.EndsWith("invalid-utf8.txt", StringComparison.Ordinal)).DocumentId!)!;
        Assert.Contains("Bogot\u00e1", invalid.CleanText, StringComparison.Ordinal);
        Assert.Contains(invalid.Issues, w => w.Code == ErrorCodes.InvalidEncoding && w.Severity == ErrorSeverity.Warning);

        // Errors are stored with their codes.
        var errors = check.ListErrors(new ErrorQuery());
        Assert.Equal(6, errors.Count);
        Assert.Equal(
            new[] { ErrorCodes.EmptyInput, ErrorCodes.BinaryInput, ErrorCodes.TruncatedGzip, ErrorCodes.TooLarge, ErrorCodes.TooDeep, ErrorCodes.Timeout }.Order(StringComparer.Ordinal),
            errors.Select(e => e.Code).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void ReingestingTheSameInputsWritesNothingNew()
    {
        var inputs = WriteInputs();
        using (var store = SitrepStore.Open(_env.Db))
            new IngestRunner(store, Options).Run(inputs, "first");
        StoreSummary before;
        using (var store = SitrepStore.Open(_env.Db)) before = store.GetSummary();

        IngestSummary second;
        using (var store = SitrepStore.Open(_env.Db))
            second = new IngestRunner(store, Options).Run(inputs, "second");
        Assert.Equal(0, second.Counts.New);
        Assert.Equal(4, second.Counts.Unchanged);
        Assert.Equal(0, second.Counts.ExactDuplicates + second.Counts.NearDuplicates + second.Counts.NewVersions);
        Assert.Equal(6, second.Counts.Errors);

        using var after = SitrepStore.Open(_env.Db);
        var now = after.GetSummary();
        Assert.Equal(before.Documents, now.Documents);
        Assert.Equal(before.RawInputs, now.RawInputs);
        Assert.Equal(before.ErrorsByCode, now.ErrorsByCode);
        Assert.Equal(before.IssuesByCode, now.IssuesByCode);
        Assert.Equal(before.IngestRuns + 1, now.IngestRuns);
    }

    [Fact]
    public void TheCliSaysSoInItsCounts()
    {
        var inputs = WriteInputs()[..2];
        var (exit1, out1, _) = TestEnvironment.Run(["ingest", .. inputs, "--db", _env.Db, "--json"]);
        Assert.Equal(0, exit1);
        var (exit2, out2, _) = TestEnvironment.Run(["ingest", .. inputs, "--db", _env.Db, "--json"]);
        Assert.Equal(0, exit2);
        using var first = JsonDocument.Parse(out1);
        using var second = JsonDocument.Parse(out2);
        Assert.Equal(2, first.RootElement.GetProperty("counts").GetProperty("new").GetInt32());
        Assert.Equal(0, second.RootElement.GetProperty("counts").GetProperty("new").GetInt32());
        Assert.Equal(2, second.RootElement.GetProperty("counts").GetProperty("unchanged").GetInt32());

        // A failed input makes the exit code 2, and the error is listed by 'sitrep errors'.
        var empty = _env.File("empty.txt", []);
        var (exit3, _, _) = TestEnvironment.Run("ingest", empty, "--db", _env.Db, "--no-progress");
        Assert.Equal(2, exit3);
        var (exit4, out4, _) = TestEnvironment.Run("errors", "--db", _env.Db, "--json");
        Assert.Equal(0, exit4);
        using var errs = JsonDocument.Parse(out4);
        Assert.Equal(ErrorCodes.EmptyInput, errs.RootElement[0].GetProperty("code").GetString());
    }

    public void Dispose()
    {
        _silentServer.Stop();
        _env.Dispose();
    }
}
