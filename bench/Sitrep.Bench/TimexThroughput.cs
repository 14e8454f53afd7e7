using System.Diagnostics;
using System.Globalization;
using Sitrep.Core;
using Sitrep.Nlp.Parsing;
using Sitrep.Nlp.Stages;
using Sitrep.Time;
using Sitrep.Time.TimeMl;

namespace Sitrep.Bench;

/// <summary>
/// TIMEX3 throughput on one thread, warm, over the TEXT of TimeML files with each DCT as the reference date: the
/// same input chrono-node gets in bench/peers/chrono. One mode per process, so the peak working set is that mode's:
/// <list type="bullet">
/// <item><c>tagger</c>: the TIMEX3 tagger alone (tense from the raw-text heuristic);</item>
/// <item><c>pipeline</c>: tokenizer, POS tagger, parser and the TIMEX3 stage (tense from the parse), as <c>sitrep annotate</c> runs them.</item>
/// </list>
/// <c>taskset -c 0 dotnet Sitrep.Bench.dll timex --mode tagger --passes 3 DIR...</c> prints one line of JSON.
/// </summary>
public static class TimexThroughput
{
    public static void Run(string[] args)
    {
        string mode = "tagger";
        int passes = 3;
        bool breakdown = false;
        var dirs = new List<string>();
        for (int i = 1; i < args.Length; i++)
        {
            if (args[i] == "--mode" && i + 1 < args.Length) mode = args[++i];
            else if (args[i] == "--breakdown") breakdown = true;
            else if (args[i] == "--passes" && i + 1 < args.Length) passes = int.Parse(args[++i], CultureInfo.InvariantCulture);
            else dirs.Add(args[i]);
        }
        if (dirs.Count == 0) dirs.AddRange([Corpora.SharedPath("data", "timex", "TimeBank"), Corpora.SharedPath("data", "timex", "AQUAINT")]);
        var docs = dirs.SelectMany(TimexScorer.ListTml).Select(TimeMlDocument.Load).Select(d => (d.Text, d.DctDate)).ToArray();
        long chars = docs.Sum(d => (long)d.Text.Length);

        Func<string, DateOnly?, int> annotate;
        if (mode == "tagger")
        {
            annotate = (text, dct) => TimexTagger.Default.Annotate(text, dct).Count;
        }
        else if (mode == "pipeline")
        {
            var pipeline = Pipeline.Build(
            [
                new TokenizerStage(),
                PosTaggerStage.Load(SitrepData.File("models", "pos", "en-ewt-pos.bin")),
                DependencyParserStage.Load(SitrepData.File("models", "parser", "en-ewt-parser.bin")),
                new TimexStage(),
            ]);
            annotate = (text, dct) =>
            {
                var doc = new Document("tml", new SourceText(text), new SourceText(text), OffsetMap.Identity(text.Length),
                    new DocumentMetadata { Reader = "tml", Origin = "-", Published = dct is { } d ? new DocumentDate(d) : null });
                return pipeline.Run(doc).Get(TimeLayers.Timexes).Count;
            };
        }
        else throw new ArgumentException($"--mode: tagger or pipeline, not '{mode}'.");

        int found = 0;
        void Pass()
        {
            found = 0;
            foreach (var (text, dct) in docs) found += annotate(text, dct);
        }
        Pass(); // warm-up: JIT, regex compilation, models
        GC.Collect();
        long allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        int gcBefore = GC.CollectionCount(0);
        var pauseBefore = GC.GetTotalPauseDuration();
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var sw = Stopwatch.StartNew();
        for (int i = 0; i < passes; i++) Pass();
        sw.Stop();
        // Allocation and gen-0 collections per pass: what the garbage collector costs this mode.
        double allocatedMb = (GC.GetAllocatedBytesForCurrentThread() - allocatedBefore) / 1048576.0 / passes;
        double gcs = (GC.CollectionCount(0) - gcBefore) / (double)passes;
        double pauseMs = (GC.GetTotalPauseDuration() - pauseBefore).TotalMilliseconds / passes;
        // CPU time beside wall time: on a shared machine it varies less, so it tells two builds apart in fewer runs.
        double cpuMs = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalMilliseconds / passes;
        double seconds = sw.Elapsed.TotalSeconds / passes;
        if (breakdown && mode == "tagger") Breakdown(docs, passes);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{{\"system\":\"sitrep {mode}\",\"docs\":{docs.Length},\"chars\":{chars},\"found\":{found},\"seconds\":{seconds:0.######},\"docs_per_s\":{docs.Length / seconds:0.##},\"chars_per_s\":{chars / seconds:0},\"peak_mb\":{Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0:0.#},\"alloc_mb_per_pass\":{allocatedMb:0.#},\"gcs_per_pass\":{gcs:0.#},\"gc_pause_ms_per_pass\":{pauseMs:0.#},\"cpu_ms_per_pass\":{cpuMs:0.#}}}"));
    }

    /// <summary>Where a tagger pass goes (stderr, ms per pass): the raw-text tense heuristic alone, and the tagger with a fixed tense.</summary>
    private static void Breakdown((string Text, DateOnly? Dct)[] docs, int passes)
    {
        var fixedTense = new FixedTense();
        double Time(Action<string, DateOnly?> f)
        {
            foreach (var (t, d) in docs) f(t, d);
            var sw = Stopwatch.StartNew();
            for (int i = 0; i < passes; i++) foreach (var (t, d) in docs) f(t, d);
            return sw.Elapsed.TotalMilliseconds / passes;
        }
        double tense = Time((t, _) => new HeuristicTense(t).At(new TextSpan(0, 1)));
        double tagger = Time((t, d) => TimexTagger.Default.Annotate(t, d, fixedTense));
        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"breakdown ms/pass: heuristic tense {tense:0.0}, tagger without tense {tagger:0.0}"));
    }

    private sealed class FixedTense : ITenseHints
    {
        public TenseHint At(TextSpan span) => TenseHint.Unknown;
    }
}
