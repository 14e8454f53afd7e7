using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json;
using Sitrep.Cli.Ingestion;
using Sitrep.Ingest;
using Sitrep.Ingest.Input;
using Sitrep.Storage;

namespace Sitrep.Cli.Tests;

/// <summary>
/// <c>--shard K/N</c>: a machine loads only the inputs it owns (input i goes to part i mod N) and every input named as a
/// container of articles, whose documents it splits one by one; the parts hold exactly the whole ingest's documents.
/// </summary>
public sealed class IngestShardTests : IDisposable
{
    private readonly TestEnvironment _env = new();

    public void Dispose() => _env.Dispose();

    /// <summary>Answers every URL with a news page (one of the bundled sample texts; a repeat is stored as a duplicate) and records it.</summary>
    private sealed class RecordingHandler : HttpMessageHandler
    {
        private readonly string[] _texts;
        public ConcurrentBag<string> Requests { get; } = [];

        public RecordingHandler(string[] texts) => _texts = texts;

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var url = request.RequestUri!.ToString();
            Requests.Add(url);
            int n = int.Parse(url[(url.LastIndexOf('/') + 1)..], System.Globalization.CultureInfo.InvariantCulture);
            var paragraphs = string.Concat(_texts[n % _texts.Length].Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(p => $"<p>{WebUtility.HtmlEncode(p)}</p>"));
            var html = $"<!doctype html><html><head><title>Story {n}</title></head><body><article><h1>Story {n}</h1>{paragraphs}</article></body></html>";
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK)
            {
                Content = new StringContent(html, Encoding.UTF8, "text/html"),
                RequestMessage = request,
            });
        }
    }

    private static string[] SampleTexts() =>
        [.. Directory.GetFiles(Path.Combine(TestEnvironment.RepoRoot, "samples", "text"), "*.txt").Order(StringComparer.Ordinal).Select(File.ReadAllText)];

    /// <summary>Six page URLs, then a JSON Lines dump of five articles (the sample texts again, at other URLs).</summary>
    private string[] Inputs(string[] texts)
    {
        var urls = Enumerable.Range(0, 6).Select(i => $"http://news.test/story/{i}");
        var lines = Enumerable.Range(0, 5).Select(i => JsonSerializer.Serialize(new Dictionary<string, string>
        {
            ["url"] = $"http://dump.test/article/{i}",
            ["title"] = $"Dumped {i}",
            ["text"] = texts[i % texts.Length] + $"\n\nDump edition {i}.",
        }));
        return [.. urls, _env.File("dump.jsonl", Encoding.UTF8.GetBytes(string.Join('\n', lines) + "\n"))];
    }

    private (IngestSummary Summary, List<string> Requests, HashSet<string> Documents) Ingest(string name, string[] texts, IngestShard? shard)
    {
        var handler = new RecordingHandler(texts);
        var options = new ReaderOptions();
        var db = Path.Combine(_env.Directory, name + ".db");
        IngestSummary summary;
        using (var store = SitrepStore.Open(db))
            summary = new IngestRunner(store, options, new InputLoader(options, new HttpClient(handler)), analyse: false, shard: shard).Run(Inputs(texts), "test");
        using var reopened = SitrepStore.Open(db);
        return (summary, [.. handler.Requests.Order(StringComparer.Ordinal)],
            [.. reopened.ListDocumentIdsInStoreOrder().Select(d => d.Id)]);
    }

    [Fact]
    public void Each_part_fetches_only_its_own_pages_and_splits_the_dump_by_document()
    {
        var texts = SampleTexts();
        Assert.NotEmpty(texts);
        var whole = Ingest("whole", texts, null);
        Assert.Equal(6, whole.Requests.Count);
        Assert.Equal(11, whole.Documents.Count);

        var one = Ingest("one", texts, new IngestShard(1, 2));
        var two = Ingest("two", texts, new IngestShard(2, 2));
        // Pages: input i is part (i mod 2)'s, and the other part never fetches it.
        Assert.Equal(["http://news.test/story/0", "http://news.test/story/2", "http://news.test/story/4"], one.Requests);
        Assert.Equal(["http://news.test/story/1", "http://news.test/story/3", "http://news.test/story/5"], two.Requests);
        // The dump is input 6: both parts read it, and its document j goes to part ((6 + j) mod 2): 0, 2, 4 and 1, 3.
        Assert.Equal(3 + 3, one.Documents.Count);
        Assert.Equal(3 + 2, two.Documents.Count);
        Assert.Empty(one.Documents.Intersect(two.Documents));
        Assert.True(whole.Documents.SetEquals(one.Documents.Concat(two.Documents)), "the parts hold exactly the whole ingest's documents");
        // Each input is counted by its owner only: the dump (input 6) by part 1.
        Assert.Equal(4, one.Summary.Counts.Inputs);
        Assert.Equal(3, two.Summary.Counts.Inputs);
        Assert.Equal(whole.Summary.Counts.Inputs, one.Summary.Counts.Inputs + two.Summary.Counts.Inputs);
    }

    [Theory]
    [InlineData("dump.jsonl", true)]
    [InlineData("/data/DUMP.JSONL.GZ", true)]
    [InlineData("export.json", true)]
    [InlineData("crawl.warc.gz", true)]
    [InlineData("https://example.org/feed.xml", true)]
    [InlineData("news.rss", true)]
    [InlineData("-", true)]
    [InlineData("story.html", false)]
    [InlineData("story.html.gz", false)]
    [InlineData("story.txt", false)]
    [InlineData("https://example.org/world/2023/08/30/story", false)]
    [InlineData("notes", false)]
    public void Containers_are_split_by_document_and_other_inputs_go_whole_to_their_owner(string origin, bool split)
    {
        Assert.Equal(split, IngestShard.IsSplit(origin));
        var parts = Enumerable.Range(1, 3).Select(k => new IngestShard(k, 3)).ToArray();
        for (int input = 0; input < 4; input++)
        {
            Assert.Single(parts, p => p.Owns(input));
            for (int position = 0; position < 7; position++)
            {
                var takers = parts.Where(p => p.Takes(input, origin, position)).ToList();
                var taker = Assert.Single(takers);
                Assert.True(taker.Reads(input, origin));
                Assert.Equal(split ? (input + position) % 3 + 1 : input % 3 + 1, taker.Number);
            }
            Assert.Equal(split ? 3 : 1, parts.Count(p => p.Reads(input, origin)));
        }
    }
}
