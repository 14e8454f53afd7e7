using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Sitrep.Core;
using Sitrep.Ingest;
using Sitrep.Ingest.Readers;
using Sitrep.Ingest.Stages;

namespace Sitrep.Bench;

/// <summary>
/// Per-corpus cost of Sitrep's readers against SmartReader alone on the same pages. One operation = the whole
/// corpus, so pages/s = pages / mean time.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(InProcessShortRun))]
public class IngestBenchmarks
{
    private IReadOnlyList<(string Name, byte[] Bytes)> _pages = [];
    private string[] _pageStrings = [];
    private IReadOnlyList<(string Name, byte[] Bytes)> _texts = [];
    private readonly HtmlReader _html = new();
    private readonly ReaderOptions _options = new();
    private readonly Pipeline _pipeline = IngestPipeline.Create();

    [GlobalSetup]
    public void Setup()
    {
        _pages = Corpora.FundusPages();
        _pageStrings = _pages.Select(p => System.Text.Encoding.UTF8.GetString(p.Bytes)).ToArray();
        _texts = Corpora.TextArticles();
        // A baseline that silently extracts nothing would make every ratio meaningless.
        var probe = new SmartReader.Reader("https://example.com/", _pageStrings[0]).GetArticle();
        if (!probe.IsReadable || string.IsNullOrEmpty(probe.TextContent))
            throw new InvalidOperationException($"SmartReader extracted nothing from {_pages[0].Name}: {string.Join("; ", probe.Errors.Select(e => e.Message))}");
    }

    [Benchmark(Description = "SmartReader alone: fundus pages")]
    public int SmartReaderAlone()
    {
        int chars = 0;
        foreach (var html in _pageStrings)
            chars += new SmartReader.Reader("https://example.com/", html).GetArticle().TextContent?.Length ?? 0;
        return chars;
    }

    [Benchmark(Baseline = true, Description = "Sitrep HtmlReader: fundus pages")]
    public int SitrepHtmlReader()
    {
        int chars = 0;
        foreach (var (name, bytes) in _pages)
            chars += _html.ReadPage(new InputSource { Origin = name, Bytes = bytes, FileName = name }, _options).Text.Length;
        return chars;
    }

    [Benchmark(Description = "Sitrep HtmlReader + ingest pipeline: fundus pages")]
    public int SitrepHtmlWithPipeline()
    {
        int chars = 0;
        foreach (var (name, bytes) in _pages)
            chars += _pipeline.Run(_html.ReadPage(new InputSource { Origin = name, Bytes = bytes, FileName = name }, _options)).Text.Length;
        return chars;
    }

    [Benchmark(Description = "Sitrep text reader + ingest pipeline: UD text articles")]
    public int SitrepText()
    {
        int chars = 0;
        foreach (var (name, bytes) in _texts)
            chars += _pipeline.Run(PlainTextReader.ReadText(new SourceText(System.Text.Encoding.UTF8.GetString(bytes), bytes, "utf-8"), new InputSource { Origin = name, Bytes = bytes })).Text.Length;
        return chars;
    }
}

/// <summary>
/// A short run (3 warm-ups, 5 iterations: one operation is a whole corpus) in-process: in BenchmarkDotNet's
/// generated out-of-process host SmartReader extracts nothing from these pages, which would make the baseline meaningless.
/// </summary>
public sealed class InProcessShortRun : ManualConfig
{
    public InProcessShortRun() =>
        AddJob(Job.Default.WithToolchain(InProcessEmitToolchain.Instance).WithLaunchCount(1).WithWarmupCount(3).WithIterationCount(5));
}
