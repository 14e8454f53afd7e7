using System.Diagnostics;
using System.Globalization;
using Sitrep.Cli.Analysis;
using Sitrep.Core;
using Sitrep.Core.Records;
using Sitrep.Ingest;
using Sitrep.Ingest.Readers;
using Sitrep.Nlp;
using Sitrep.Storage;

namespace Sitrep.Bench;

/// <summary>
/// The whole analysis pipeline, warm, on one thread: raw article bytes → reader (decoding, cleaning, metadata) → the
/// stages of <see cref="AnalysisPipeline"/> (the same <see cref="Pipeline"/> object <c>sitrep ingest</c> and
/// <c>sitrep annotate</c> run: language, fingerprints, tokens, POS, lemmas, parse, NER, TIMEX3, actors, places,
/// events), then separately the JSON record (what annotate prints) and the store write (what ingest adds). Prints
/// sentences/s, articles/s, tokens/s, time and allocated bytes per stage, and the peak RSS (VmHWM). Pin it:
/// <c>taskset -c 1 dotnet …/Sitrep.Bench.dll pipeline --dir DIR [--fundus] [--passes N] [--no-store] [--only-total]</c>.
/// </summary>
public static class PipelineThroughput
{
    private sealed record Article(string Name, byte[] Bytes);

    public static void Run(string[] args)
    {
        string? dir = null;
        bool fundus = false, store = true, onlyTotal = false;
        int passes = 3, limit = int.MaxValue;
        for (int i = 1; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--dir": dir = args[++i]; break; // plain-text articles, e.g. from bench/ingest/make-ud-articles.py
                case "--fundus": fundus = true; break; // the 80 fundus news pages (HTML) as a second corpus
                case "--passes": passes = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--limit": limit = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--no-store": store = false; break;
                case "--only-total": onlyTotal = true; break; // the plain pipeline loop alone, for a profiler
                default: throw new ArgumentException($"Unknown option '{args[i]}'.");
            }
        }
        var inv = CultureInfo.InvariantCulture;
        var sw = Stopwatch.StartNew();
        var analysis = AnalysisPipeline.Default;
        Console.WriteLine(string.Create(inv, $"models loaded in {sw.Elapsed.TotalSeconds:0.00} s; VmHWM after loading {PeakRssMb():0} MB"));

        var corpora = new List<(string Name, Article[] Articles)>();
        if (dir is not null)
            corpora.Add(($"text articles in {Path.GetFileName(Path.TrimEndingDirectorySeparator(dir))}",
                [.. Directory.GetFiles(dir).Order(StringComparer.Ordinal).Take(limit).Select(f => new Article(Path.GetFileName(f), File.ReadAllBytes(f)))]));
        if (fundus)
            corpora.Add(("fundus HTML pages", [.. Corpora.FundusPages().Take(limit).Select(p => new Article(p.Name, p.Bytes))]));
        if (corpora.Count == 0) throw new ArgumentException("Give --dir DIR (plain-text articles) and/or --fundus.");

        foreach (var (name, articles) in corpora)
            Measure(name, articles, analysis, passes, store, onlyTotal);
        Console.WriteLine(string.Create(inv, $"peak RSS (VmHWM): {PeakRssMb():0} MB"));
    }

    private static void Measure(string corpus, Article[] articles, AnalysisPipeline analysis, int passes, bool withStore, bool onlyTotal)
    {
        var inv = CultureInfo.InvariantCulture;
        var readers = new ReaderRegistry();
        var options = new ReaderOptions();
        var pipeline = analysis.Pipeline;
        var stages = pipeline.Stages;

        List<Document> Read()
        {
            var docs = new List<Document>(articles.Length);
            foreach (var a in articles)
                foreach (var o in readers.Read(new InputSource { Origin = a.Name, Bytes = a.Bytes, FileName = a.Name }, options))
                    if (o.Document is not null) docs.Add(o.Document);
            return docs;
        }

        // Warm-up: JIT, lazy tables, caches; its output gives the counts.
        var analysed = Read().Select(d => pipeline.Run(d)).ToList();
        long tokens = 0, sentences = 0, events = 0, chars = 0, english = 0, errors = 0;
        foreach (var d in analysed)
        {
            chars += d.Text.Length;
            errors += d.Errors.Length;
            if (!d.Has(NlpLayers.Tokens)) continue;
            english++;
            tokens += d.Get(NlpLayers.Tokens).Length;
            sentences += d.Get(NlpLayers.Sentences).Length;
            if (d.Has(Sitrep.Events.EventLayers.Events)) events += d.Get(Sitrep.Events.EventLayers.Events).Length;
        }
        Console.WriteLine();
        Console.WriteLine(string.Create(inv, $"== {corpus}: {articles.Length} inputs, {analysed.Count} documents ({english} English), {chars} chars, {sentences} sentences, {tokens} tokens, {events} events, {errors} document errors"));

        // 1. The plain loop (reader + pipeline.Run), as ingest and annotate run it: best and median of the passes. A second
        // warm-up pass first: tiered compilation recompiles hot methods with profile data during the first passes.
        foreach (var d in Read()) pipeline.Run(d);
        int gen0 = GC.CollectionCount(0), gen1 = GC.CollectionCount(1), gen2 = GC.CollectionCount(2);
        var total = Passes(passes, () => { foreach (var d in Read()) pipeline.Run(d); });
        gen0 = GC.CollectionCount(0) - gen0 - passes; gen1 = GC.CollectionCount(1) - gen1 - passes; gen2 = GC.CollectionCount(2) - gen2 - passes; // less the full collections Passes asks for
        if (onlyTotal)
        {
            Row("read + pipeline", total);
            return;
        }

        // 2. Per stage: the same stages in the same order (Pipeline.Run's loop, with a stopwatch and an allocation counter around each).
        int n = stages.Count + 1;
        var stageTicks = new long[n];
        var stageCpu = new long[n];
        var stageBytes = new long[n];
        var perStagePass = Passes(passes, () =>
        {
            long b0 = GC.GetAllocatedBytesForCurrentThread(), t0 = Stopwatch.GetTimestamp(), c0 = ThreadCpuTicks();
            var docs = Read();
            stageTicks[0] += Stopwatch.GetTimestamp() - t0;
            stageCpu[0] += ThreadCpuTicks() - c0;
            stageBytes[0] += GC.GetAllocatedBytesForCurrentThread() - b0;
            foreach (var d0 in docs)
            {
                var d = d0;
                for (int s = 0; s < stages.Count; s++)
                {
                    var stage = stages[s];
                    if (!stage.Requires.All(d.Has)) continue;
                    b0 = GC.GetAllocatedBytesForCurrentThread();
                    t0 = Stopwatch.GetTimestamp();
                    c0 = ThreadCpuTicks();
                    d = stage.Process(d);
                    stageTicks[s + 1] += Stopwatch.GetTimestamp() - t0;
                    stageCpu[s + 1] += ThreadCpuTicks() - c0;
                    stageBytes[s + 1] += GC.GetAllocatedBytesForCurrentThread() - b0;
                }
            }
        });

        // 3. Plus the JSON record of every layer (sitrep annotate's output), on the analysed documents.
        long jsonBytes = 0;
        var jsonPass = Passes(passes, () =>
        {
            jsonBytes = 0;
            foreach (var d in analysed) jsonBytes += DocumentRecordWriter.ToJson(d, analysis.Versions, indented: false, analysis.LayerWriters).Length;
        });

        // 4. The store write (sitrep ingest's part after the pipeline): every analysed document into a new store file per pass.
        (double Best, double Median, double Cpu)? storePass = null;
        long storeBytes = 0;
        if (withStore)
        {
            var tmp = Path.Combine(Path.GetTempPath(), $"sitrep-bench-{Environment.ProcessId}");
            Directory.CreateDirectory(tmp);
            int k = 0;
            storePass = Passes(passes, () =>
            {
                var path = Path.Combine(tmp, $"p{k++}.db");
                using var st = SitrepStore.Open(path);
                long run = st.BeginIngest("bench");
                foreach (var d in analysed) st.Store(d, d.Get(CoreLayers.Hashes), run, analysis.Versions);
            });
            storeBytes = new FileInfo(Path.Combine(tmp, "p0.db")).Length;
            Directory.Delete(tmp, recursive: true);
        }

        double perPass = perStagePass.Best;
        Console.WriteLine(string.Create(inv, $"{passes} timed passes after one warm-up; best (median) per pass; one thread"));
        Console.WriteLine($"  {"run",-44} {"s/pass",8} {"sent/s",9} {"articles/s",11} {"tokens/s",10} {"median sent/s",14} {"sent/CPU-s",11} {"art/CPU-s",10}");
        Row("read + pipeline (ingest/annotate loop)", total);
        Row("read + pipeline, per-stage timers", perStagePass);
        Row("JSON record alone (annotate's writer)", jsonPass);
        Row("read + pipeline + JSON record", (total.Best + jsonPass.Best, total.Median + jsonPass.Median, total.Cpu + jsonPass.Cpu));
        if (storePass is { } sp)
        {
            Row("store write alone (new SQLite file)", sp);
            Row("read + pipeline + store (ingest, warm)", (total.Best + sp.Best, total.Median + sp.Median, total.Cpu + sp.Cpu));
        }
        Console.WriteLine(string.Create(inv, $"  JSON record: {jsonBytes / 1048576.0:0.0} MB of JSON per pass; store file {storeBytes / 1048576.0:0.0} MB; garbage collections per pass of the plain loop: gen0 {Math.Max(0, gen0) / (double)(passes + 1):0.#}, gen1 {Math.Max(0, gen1) / (double)(passes + 1):0.#}, gen2 {Math.Max(0, gen2) / (double)(passes + 1):0.#}"));

        // Per stage, averaged over the warm-up and timed passes (all warm by then): wall and thread-CPU milliseconds per pass.
        Console.WriteLine($"  {"stage",-28} {"wall ms",9} {"CPU ms",9} {"CPU share",10} {"CPU µs/sent",12} {"alloc MB/pass",14} {"B/token",9}");
        double freq = Stopwatch.Frequency;
        long allTicks = stageTicks.Sum(), allCpu = stageCpu.Sum();
        for (int s = 0; s < n; s++)
        {
            var name = s == 0 ? "read (reader, clean text)" : stages[s - 1].Name;
            double ms = stageTicks[s] / freq * 1000 / (passes + 1);
            double cpuMs = stageCpu[s] / 1e4 / (passes + 1);
            double mb = stageBytes[s] / 1048576.0 / (passes + 1);
            Console.WriteLine(string.Create(inv,
                $"  {name,-28} {ms,9:0.0} {cpuMs,9:0.0} {100.0 * stageCpu[s] / Math.Max(1, allCpu),9:0.0}% {cpuMs * 1000 / Math.Max(1, sentences),12:0.0} {mb,14:0.0} {stageBytes[s] / (double)(passes + 1) / Math.Max(1, tokens),9:0}"));
        }
        Console.WriteLine(string.Create(inv, $"  {"sum of stages",-28} {allTicks / freq * 1000 / (passes + 1),9:0.0} {allCpu / 1e4 / (passes + 1),9:0.0} (per-stage pass best wall {perPass * 1000:0.0} ms)"));
        // The linguistic core's own rate in this run, to set beside bench/run-nlp-throughput.sh on a quiet machine: on a
        // shared core their ratio estimates how much the machine's load slowed this run.
        long coreCpu = 0;
        for (int s = 0; s < stages.Count; s++)
            if (stages[s].Name is "tokenizer" or "pos" or "parser" or "ner") coreCpu += stageCpu[s + 1];
        if (coreCpu > 0)
            Console.WriteLine(string.Create(inv,
                $"  whole pipeline {sentences / (allCpu / 1e7 / (passes + 1)):0} sentences per thread-CPU-s; linguistic core (tokenizer, pos, parser, ner) {tokens / (coreCpu / 1e7 / (passes + 1)):0} tokens per thread-CPU-s"));

        void Row(string name, (double Best, double Median, double Cpu) t) =>
            Console.WriteLine(string.Create(inv,
                $"  {name,-44} {t.Best,8:0.000} {sentences / t.Best,9:0} {articles.Length / t.Best,11:0.0} {tokens / t.Best,10:0} {sentences / t.Median,14:0} {sentences / t.Cpu,11:0} {articles.Length / t.Cpu,10:0.0}"));
    }

    /// <summary>
    /// One warm-up pass, then <paramref name="passes"/> timed ones (each after a full collection): best and median wall
    /// seconds, and the best CPU seconds of the process (all its threads, GC included). On a shared machine the wall time
    /// also counts time the core spent on other processes; the CPU time does not.
    /// </summary>
    private static (double Best, double Median, double Cpu) Passes(int passes, Action pass)
    {
        pass();
        var times = new double[passes];
        var cpu = new double[passes];
        using var self = Process.GetCurrentProcess();
        for (int i = 0; i < passes; i++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            self.Refresh();
            var c0 = self.TotalProcessorTime;
            var sw = Stopwatch.StartNew();
            pass();
            times[i] = sw.Elapsed.TotalSeconds;
            self.Refresh();
            cpu[i] = (self.TotalProcessorTime - c0).TotalSeconds;
        }
        Array.Sort(times);
        return (times[0], passes % 2 == 1 ? times[passes / 2] : (times[passes / 2 - 1] + times[passes / 2]) / 2, cpu.Min());
    }

    /// <summary>CPU time of the calling thread, in ticks of 100 ns (clock_gettime CLOCK_THREAD_CPUTIME_ID); 0 where it is not available.</summary>
    private static long ThreadCpuTicks()
    {
        if (!OperatingSystem.IsLinux()) return 0;
        return ClockGetTime(3, out var ts) == 0 ? ts.Seconds * 10_000_000 + ts.Nanoseconds / 100 : 0;
    }

    [System.Runtime.InteropServices.StructLayout(System.Runtime.InteropServices.LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "clock_gettime")]
    private static extern int ClockGetTime(int clock, out TimeSpec ts);

    /// <summary>The process's peak resident set (VmHWM), in MB; the peak working set where /proc is not there.</summary>
    public static double PeakRssMb()
    {
        try
        {
            foreach (var line in File.ReadLines("/proc/self/status"))
                if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                    return long.Parse(line.AsSpan(6).Trim().TrimEnd("kB").Trim(), CultureInfo.InvariantCulture) / 1024.0;
        }
        catch (IOException)
        {
        }
        return Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0;
    }
}
