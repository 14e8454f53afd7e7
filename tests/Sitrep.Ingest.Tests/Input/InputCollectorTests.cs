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
}
