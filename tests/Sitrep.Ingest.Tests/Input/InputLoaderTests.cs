using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Sitrep.Core;
using Sitrep.Ingest.Input;

namespace Sitrep.Ingest.Tests.Input;

public sealed class InputLoaderTests
{
    private static InputLoader Loader(long maxBytes = 1_000_000, double timeoutSeconds = 30) =>
        new(new ReaderOptions { MaxBytes = maxBytes, FetchTimeout = TimeSpan.FromSeconds(timeoutSeconds) });

    [Fact]
    public void LoadFile_ReadsBytesAndSetsOriginAndFileName()
    {
        using var dir = new TempDir();
        var path = dir.Write("story.html", "<html><body>x</body></html>");
        var src = Loader().LoadFile(path);
        Assert.Equal(path, src.Origin);
        Assert.Equal("story.html", src.FileName);
        Assert.Equal("<html><body>x</body></html>", Encoding.UTF8.GetString(src.Bytes));
    }

    [Fact]
    public void LoadFile_Missing_IsNotFound()
    {
        var e = Assert.Throws<SitrepException>(() => Loader().LoadFile("/nonexistent/dir/file.txt"));
        Assert.Equal(ErrorCodes.NotFound, e.Code);
    }

    [Fact]
    public void LoadFile_OverLimit_IsTooLargeWithSizesAndOptionName()
    {
        using var dir = new TempDir();
        var path = dir.Write("big.txt", new string('x', 2048));
        var e = Assert.Throws<SitrepException>(() => Loader(maxBytes: 1000).LoadFile(path));
        Assert.Equal(ErrorCodes.TooLarge, e.Code);
        Assert.Contains("2,048", e.Message, StringComparison.Ordinal);
        Assert.Contains("1,000", e.Message, StringComparison.Ordinal);
        Assert.Contains("MaxBytes", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LoadFile_Gzip_IsDecompressedAndInnerNameKept()
    {
        using var dir = new TempDir();
        var path = dir.Write("dump.jsonl.gz", TestBytes.Gzip("{\"text\":\"hello\"}\n"));
        var src = Loader().LoadFile(path);
        Assert.Equal("{\"text\":\"hello\"}\n", Encoding.UTF8.GetString(src.Bytes));
        Assert.Equal("dump.jsonl", src.FileName);
    }

    [Fact]
    public void LoadFile_GzipMagicWithoutGzExtension_IsDecompressed()
    {
        using var dir = new TempDir();
        var path = dir.Write("page.html", TestBytes.Gzip("<p>compressed</p>"));
        Assert.Equal("<p>compressed</p>", Encoding.UTF8.GetString(Loader().LoadFile(path).Bytes));
    }

    [Fact]
    public void LoadFile_GzipCutInHalf_IsTruncatedGzip()
    {
        using var dir = new TempDir();
        var gz = TestBytes.Gzip(TestBytes.NoisyText(30_000));
        var path = dir.Write("cut.txt.gz", gz[..(gz.Length / 2)]);
        var e = Assert.Throws<SitrepException>(() => Loader().LoadFile(path));
        Assert.Equal(ErrorCodes.TruncatedGzip, e.Code);
    }

    [Fact]
    public void LoadFile_GzipDecompressingOverLimit_IsTooLarge()
    {
        using var dir = new TempDir();
        var path = dir.Write("bomb.txt.gz", TestBytes.Gzip(new string(' ', 3_000_000)));
        var e = Assert.Throws<SitrepException>(() => Loader(maxBytes: 1_000_000).LoadFile(path));
        Assert.Equal(ErrorCodes.TooLarge, e.Code);
    }

    [Fact]
    public void LoadFile_GzippedWarc_IsKeptCompressedForTheWarcReader()
    {
        using var dir = new TempDir();
        var gz = TestBytes.Gzip("WARC/1.1\r\nWARC-Type: warcinfo\r\nContent-Length: 0\r\n\r\n\r\n\r\n");
        var path = dir.Write("crawl.warc.gz", gz);
        var src = Loader().LoadFile(path);
        Assert.Equal(gz, src.Bytes);
        Assert.Equal("crawl.warc.gz", src.FileName);
        Assert.Equal(InputFormat.Warc, FormatSniffer.Sniff(src));
    }

    [Fact]
    public void ContainerFiles_MayUseALargerLimit_ButOthersMayNot()
    {
        using var dir = new TempDir();
        var jsonl = dir.Write("dump.jsonl", string.Concat(Enumerable.Repeat("{\"text\":\"a line of text\"}\n", 100)));
        var html = dir.Write("page.html", "<p>" + new string('x', 3000) + "</p>");
        var loader = new InputLoader(new ReaderOptions { MaxBytes = 1000 }, maxContainerBytes: 10_000);
        Assert.Equal(2600, loader.LoadFile(jsonl).Bytes.Length);
        var e = Assert.Throws<SitrepException>(() => loader.LoadFile(html));
        Assert.Equal(ErrorCodes.TooLarge, e.Code);
        Assert.Throws<SitrepException>(() => new InputLoader(new ReaderOptions { MaxBytes = 1000 }).LoadFile(jsonl));
    }

    [Fact]
    public void LoadStream_IsStdinStyle()
    {
        var src = Loader().LoadStream(new MemoryStream(Encoding.UTF8.GetBytes("from stdin")));
        Assert.Equal("-", src.Origin);
        Assert.Equal("from stdin", Encoding.UTF8.GetString(src.Bytes));
    }

    [Fact]
    public void LoadStream_OverLimit_IsTooLarge()
    {
        var e = Assert.Throws<SitrepException>(() => Loader(maxBytes: 10).LoadStream(new MemoryStream(new byte[100])));
        Assert.Equal(ErrorCodes.TooLarge, e.Code);
    }

    [Fact]
    public async Task Fetch_ServerThatNeverAnswers_TimesOut()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var accepted = new List<TcpClient>();
        var acceptTask = Task.Run(async () =>
        {
            try
            {
                while (true) accepted.Add(await listener.AcceptTcpClientAsync().ConfigureAwait(false));
            }
            catch (Exception e) when (e is SocketException or ObjectDisposedException) { }
        });
        int port = ((IPEndPoint)listener.LocalEndpoint).Port;
        var sw = Stopwatch.StartNew();
        // A broken timeout would hang: the outer guard turns that into a failure (TimeoutException) instead. No upper bound on
        // the elapsed time itself: on a loaded CI machine it depends on scheduling, not on the loader.
        var e = await Assert.ThrowsAsync<SitrepException>(() => Loader(timeoutSeconds: 1).FetchAsync(new Uri($"http://127.0.0.1:{port}/feed.xml")).WaitAsync(TimeSpan.FromSeconds(60)));
        sw.Stop();
        Assert.Equal(ErrorCodes.Timeout, e.Code);
        Assert.Contains("FetchTimeout", e.Message, StringComparison.Ordinal);
        Assert.True(sw.Elapsed.TotalSeconds >= 0.8, $"gave up after {sw.Elapsed.TotalSeconds:F2} s, before the 1 s timeout");
        listener.Stop();
        foreach (var c in accepted) c.Dispose();
        await acceptTask;
    }

    [Fact]
    public async Task Fetch_RefusedConnection_IsFetchFailed()
    {
        // Bind a port, then free it, so nothing listens there.
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        int port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        var e = await Assert.ThrowsAsync<SitrepException>(() => Loader(timeoutSeconds: 5).FetchAsync(new Uri($"http://127.0.0.1:{port}/")));
        Assert.Equal(ErrorCodes.FetchFailed, e.Code);
    }

    [Fact]
    public async Task Fetch_Success_PassesContentTypeCharsetAndFinalUrl()
    {
        var body = TextEncodings.Get("windows-1252").GetBytes("<html><body><p>\u201Cquoted\u201D</p></body></html>");
        await using var server = OneShotHttpServer.Start("200 OK", "text/html; charset=ISO-8859-1", body);
        var src = await Loader().FetchAsync(new Uri($"http://127.0.0.1:{server.Port}/news/story.html"));
        Assert.Equal(body, src.Bytes);
        Assert.Equal("text/html", src.ContentType);
        Assert.Equal("ISO-8859-1", src.DeclaredCharset);
        Assert.Equal($"http://127.0.0.1:{server.Port}/news/story.html", src.Url);
        Assert.Equal("story.html", src.FileName);
        Assert.NotNull(src.FetchedAt);
    }

    [Fact]
    public async Task Fetch_HttpError_IsFetchFailed_And404IsNotFound()
    {
        await using (var server = OneShotHttpServer.Start("503 Service Unavailable", "text/plain", "busy"u8.ToArray()))
        {
            var e = await Assert.ThrowsAsync<SitrepException>(() => Loader().FetchAsync(new Uri($"http://127.0.0.1:{server.Port}/")));
            Assert.Equal(ErrorCodes.FetchFailed, e.Code);
            Assert.Contains("503", e.Message, StringComparison.Ordinal);
        }
        await using (var server = OneShotHttpServer.Start("404 Not Found", "text/plain", "gone"u8.ToArray()))
        {
            var e = await Assert.ThrowsAsync<SitrepException>(() => Loader().FetchAsync(new Uri($"http://127.0.0.1:{server.Port}/missing")));
            Assert.Equal(ErrorCodes.NotFound, e.Code);
        }
    }
}

/// <summary>A loopback HTTP/1.1 server that answers every request with one fixed response.</summary>
public sealed class OneShotHttpServer : IAsyncDisposable
{
    private readonly TcpListener _listener;
    private readonly Task _loop;

    private OneShotHttpServer(TcpListener listener, Task loop)
    {
        _listener = listener;
        _loop = loop;
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public static OneShotHttpServer Start(string status, string contentType, byte[] body)
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var loop = Task.Run(async () =>
        {
            try
            {
                while (true)
                {
                    using var client = await listener.AcceptTcpClientAsync().ConfigureAwait(false);
                    var stream = client.GetStream();
                    var buffer = new byte[8192];
                    var request = new StringBuilder();
                    while (!request.ToString().Contains("\r\n\r\n", StringComparison.Ordinal))
                    {
                        int n = await stream.ReadAsync(buffer).ConfigureAwait(false);
                        if (n == 0) break;
                        request.Append(Encoding.ASCII.GetString(buffer, 0, n));
                    }
                    var head = $"HTTP/1.1 {status}\r\nContent-Type: {contentType}\r\nContent-Length: {body.Length}\r\nConnection: close\r\n\r\n";
                    await stream.WriteAsync(Encoding.ASCII.GetBytes(head)).ConfigureAwait(false);
                    await stream.WriteAsync(body).ConfigureAwait(false);
                    await stream.FlushAsync().ConfigureAwait(false);
                }
            }
            // Stop() may land between two accepts: the listener then reports "not listening".
            catch (Exception e) when (e is SocketException or ObjectDisposedException or IOException or InvalidOperationException) { }
        });
        return new OneShotHttpServer(listener, loop);
    }

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        await _loop.ConfigureAwait(false);
    }
}
