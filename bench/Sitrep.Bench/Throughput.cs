using System.Diagnostics;
using System.Globalization;
using Sitrep.Core;
using Sitrep.Ingest;
using Sitrep.Ingest.Readers;
using Sitrep.Ingest.Stages;

namespace Sitrep.Bench;

/// <summary>
/// Whole-run throughput on one thread, warm: pages/s and MB/s over the corpora, with the process's peak
/// working set. Run it pinned to one core: <c>taskset -c 0 dotnet run -c Release --project bench/Sitrep.Bench -- throughput</c>.
/// </summary>
public static class Throughput
{
    public static void Run(int passes)
    {
        var pages = Corpora.FundusPages();
        var pageStrings = pages.Select(p => System.Text.Encoding.UTF8.GetString(p.Bytes)).ToArray();
        var texts = Corpora.TextArticles();
        long pageBytes = pages.Sum(p => (long)p.Bytes.Length), textBytes = texts.Sum(t => (long)t.Bytes.Length);
        var options = new ReaderOptions();
        var html = new HtmlReader();
        var pipeline = IngestPipeline.Create();

        Measure("SmartReader alone (fundus)", pages.Count, pageBytes, passes, () =>
        {
            foreach (var h in pageStrings) new SmartReader.Reader("https://example.com/", h).GetArticle();
        });
        Measure("Sitrep HTML reader (fundus)", pages.Count, pageBytes, passes, () =>
        {
            foreach (var (name, bytes) in pages) html.ReadPage(new InputSource { Origin = name, Bytes = bytes, FileName = name }, options);
        });
        Measure("Sitrep HTML reader + language + fingerprint (fundus)", pages.Count, pageBytes, passes, () =>
        {
            foreach (var (name, bytes) in pages) pipeline.Run(html.ReadPage(new InputSource { Origin = name, Bytes = bytes, FileName = name }, options));
        });
        Measure("Sitrep text reader + language + fingerprint (UD text)", texts.Count, textBytes, passes, () =>
        {
            foreach (var (name, bytes) in texts)
                pipeline.Run(PlainTextReader.ReadText(new SourceText(System.Text.Encoding.UTF8.GetString(bytes), bytes, "utf-8"), new InputSource { Origin = name, Bytes = bytes }));
        });
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"peak working set: {Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0:0} MB"));
    }

    private static void Measure(string name, int docs, long bytes, int passes, Action run)
    {
        run(); // warm-up: JIT, lazy models, caches
        GC.Collect();
        var sw = Stopwatch.StartNew();
        for (int i = 0; i < passes; i++) run();
        sw.Stop();
        double seconds = sw.Elapsed.TotalSeconds / passes;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{name,-55} {docs} docs, {bytes / 1048576.0:0.00} MB: {seconds:0.000} s/pass, {docs / seconds:0.0} docs/s, {bytes / 1048576.0 / seconds:0.00} MB/s"));
    }
}
