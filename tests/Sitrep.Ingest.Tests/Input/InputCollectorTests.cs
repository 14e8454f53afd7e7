using System.Net;
using System.Net.Sockets;
using System.Text;
using Sitrep.Core;
using Sitrep.Ingest.Input;

namespace Sitrep.Ingest.Tests.Input;

public sealed class InputCollectorTests
{
    private static InputCollector Collector(long maxBytes = 1_000_000, Func<Stream>? stdin = null) =>
        new(new InputLoader(new ReaderOptions { MaxBytes = maxBytes, FetchTimeout = TimeSpan.FromSeconds(30) }), stdin);

    [Fact]
    public void Directory_IsWalkedRecursivelyInOrdinalOrder_SkippingHiddenAndIrrelevant()
    {
        using var dir = new TempDir();
        dir.Write("b.html", "<p>b</p>");
        dir.Write("B.txt", "upper B");
        dir.Write("a/z.txt", "z");
        dir.Write("a/c.jsonl", "{}");
        dir.Write(".hidden.txt", "secret");
        dir.Write(".git/config", "x");
        dir.Write("photo.JPG", "not really");
        dir.Write("sitrep.db", "store");
        var items = Collector().Collect([dir.Path]).ToList();
        var loaded = items.Where(i => i.Kind == CollectedKind.Loaded).Select(i => Path.GetRelativePath(dir.Path, i.Origin)).ToList();
        Assert.Equal(["B.txt", Path.Combine("a", "c.jsonl"), Path.Combine("a", "z.txt"), "b.html"], loaded);
        var skipped = items.Where(i => i.Kind == CollectedKind.Skipped).ToDictionary(i => Path.GetFileName(i.Origin), i => i.SkipReason, StringComparer.Ordinal);
        Assert.Equal("hidden", skipped[".hidden.txt"]);
        Assert.Equal("hidden", skipped[".git"]);
        Assert.Contains(".jpg", skipped["photo.JPG"], StringComparison.OrdinalIgnoreCase);
        Assert.Contains(".db", skipped["sitrep.db"], StringComparison.Ordinal);
    }

    [Fact]
    public void BadFiles_DoNotStopTheSequence()
    {
        using var dir = new TempDir();
        var gz = TestBytes.Gzip(TestBytes.NoisyText(5_000));
        dir.Write("1-cut.txt.gz", gz[..(gz.Length / 2)]);
        dir.Write("2-big.txt", new string('x', 5000));
        dir.Write("3-good.txt", "fine");
        var items = Collector(maxBytes: 4000).Collect([dir.Path, Path.Combine(dir.Path, "missing.txt")]).ToList();
        Assert.Equal(4, items.Count);
        Assert.Equal(ErrorCodes.TruncatedGzip, items[0].Error!.Code);
        Assert.Equal(ErrorCodes.TooLarge, items[1].Error!.Code);
        Assert.Equal(CollectedKind.Loaded, items[2].Kind);
        Assert.Equal(ErrorCodes.NotFound, items[3].Error!.Code);
        Assert.Equal(ErrorCodes.NotFound, items[3].ToOutcome()!.Error!.Code);
    }

    [Fact]
    public void ExplicitHiddenFile_IsRead()
    {
        using var dir = new TempDir();
        var path = dir.Write(".notes.txt", "named on purpose");
        var item = Assert.Single(Collector().Collect([path]));
        Assert.Equal(CollectedKind.Loaded, item.Kind);
    }

    [Fact]
    public void Dash_ReadsStdin()
    {
        var item = Assert.Single(Collector(stdin: () => new MemoryStream(Encoding.UTF8.GetBytes("piped text"))).Collect(["-"]));
        Assert.Equal(CollectedKind.Loaded, item.Kind);
        Assert.Equal("-", item.Source!.Origin);
        Assert.Equal("piped text", Encoding.UTF8.GetString(item.Source.Bytes));
    }

    [Fact]
    public async Task Url_IsFetched()
    {
        await using var server = OneShotHttpServer.Start("200 OK", "application/rss+xml; charset=utf-8", "<rss version=\"2.0\"></rss>"u8.ToArray());
        var item = Assert.Single(Collector().Collect([$"http://127.0.0.1:{server.Port}/feed"]));
        Assert.Equal(CollectedKind.Loaded, item.Kind);
        Assert.Equal("application/rss+xml", item.Source!.ContentType);
        Assert.Equal("utf-8", item.Source.DeclaredCharset);
    }

    [Fact]
    public void Sequence_IsLazy()
    {
        using var dir = new TempDir();
        dir.Write("a.txt", "a");
        var first = Collector().Collect([dir.Path, "/definitely/missing/path"]).First();
        Assert.Equal(CollectedKind.Loaded, first.Kind);
    }

    [Fact]
    public async Task Urls_are_fetched_several_at_a_time_and_come_back_in_order()
    {
        // A loopback server that answers each page after 150 ms and counts the requests it serves at once.
        int running = 0, most = 0;
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        int port = ((IPEndPoint)listener.LocalEndpoint).Port;
        using var stop = new CancellationTokenSource();
        var serving = Task.Run(async () =>
        {
            var clients = new List<Task>();
            try
            {
                while (true)
                {
                    var client = await listener.AcceptTcpClientAsync(stop.Token);
                    clients.Add(Task.Run(async () =>
                    {
                        using (client)
                        {
                            var stream = client.GetStream();
                            var buffer = new byte[4096];
                            var request = new StringBuilder();
                            while (!request.ToString().Contains("\r\n\r\n", StringComparison.Ordinal))
                            {
                                int n = await stream.ReadAsync(buffer);
                                if (n == 0) return;
                                request.Append(Encoding.ASCII.GetString(buffer, 0, n));
                            }
                            var now = Interlocked.Increment(ref running);
                            lock (clients) most = Math.Max(most, now);
                            await Task.Delay(150);
                            Interlocked.Decrement(ref running);
                            var path = request.ToString().Split(' ')[1];
                            var body = Encoding.UTF8.GetBytes($"The page at {path} says the talks ended on Tuesday.\n");
                            await stream.WriteAsync(Encoding.ASCII.GetBytes($"HTTP/1.1 200 OK\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: {body.Length}\r\nConnection: close\r\n\r\n"));
                            await stream.WriteAsync(body);
                        }
                    }));
                }
            }
            catch (OperationCanceledException) { }
            await Task.WhenAll(clients);
        });

        using var dir = new TempDir();
        dir.Write("local.txt", "A local file between the pages.");
        var urls = Enumerable.Range(1, 6).Select(i => $"http://127.0.0.1:{port}/page{i}").ToList();
        string[] arguments = [.. urls.Take(3), Path.Combine(dir.Path, "local.txt"), .. urls.Skip(3)];
        var collector = Collector();
        var items = collector.LoadAll(collector.Plan(arguments), concurrentFetches: 4).ToList();
        stop.Cancel();
        listener.Stop();
        await serving;

        Assert.Equal(arguments, items.Select(i => i.Origin));
        Assert.All(items, i => Assert.Equal(CollectedKind.Loaded, i.Kind));
        Assert.Contains("page5", Encoding.UTF8.GetString(items[5].Source!.Bytes), StringComparison.Ordinal);
        Assert.InRange(most, 2, 4);
    }
}
