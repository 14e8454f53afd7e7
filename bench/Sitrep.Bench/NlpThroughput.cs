using System.Diagnostics;
using System.Globalization;
using System.Text;
using Sitrep.Core;
using Sitrep.Nlp;
using Sitrep.Nlp.Parsing;
using Sitrep.Nlp.Stages;

namespace Sitrep.Bench;

/// <summary>
/// Whole-run throughput of the linguistic core on one thread, warm: tokens/s per stage (tokenizer + sentence splitter,
/// POS tags + lemmas, dependency parser, NER) and for the whole chain, over the raw text rebuilt from a CoNLL-U file's
/// <c># text =</c> lines, with the process's peak working set. Run it pinned to one core:
/// <c>taskset -c 1 dotnet bench/…/Sitrep.Bench.dll nlp [--gold FILE] [--seconds S] [--runs R] [--dump-text FILE] [--json FILE] [--only STAGE] [--dump-tokens FILE] [--no-ner] [--ner minilm|minilm-ft]</c>.
/// With <c>--ner minilm</c> the NER stage is the MiniLM variant (data/models/ner/en-ner-minilm.bin, the encoder on one thread);
/// with <c>--ner minilm-ft</c> the fine-tuned variant (en-ner-minilm-ft.bin added to en-ner.bin).
/// </summary>
public static class NlpThroughput
{
    /// <summary>Stage names in pipeline order; each figure is tokens (Sitrep's own tokenization) per second of that stage alone.</summary>
    private static readonly string[] StageNames = ["tokenize+split", "pos+lemma", "parse", "ner"];

    public static void Run(string[] args)
    {
        string gold = Corpora.SharedPath("data", "ud", "en_ewt-ud-test.conllu");
        string? dump = null, json = null, only = null, dumpTokens = null;
        bool noNer = false;
        string? nerVariant = null;
        double minSeconds = 3;
        int runs = 3;
        for (int i = 1; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--gold": gold = args[++i]; break;
                case "--seconds": minSeconds = double.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--runs": runs = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--dump-text": dump = args[++i]; break;
                case "--json": json = args[++i]; break;
                case "--no-ner": noNer = true; break;
                case "--ner": nerVariant = args[++i]; break; // "minilm" or "minilm-ft": a MiniLM NER variant instead of the default model
                case "--only": only = args[++i]; break; // one stage in a loop, for a profiler
                case "--dump-tokens": dumpTokens = args[++i]; break; // every token's analyses, to compare two builds
                default: throw new ArgumentException($"Unknown option '{args[i]}'.");
            }
        }

        var (docs, goldWords) = RawDocuments(gold);
        // The same text for the peers: documents separated by a form feed line.
        if (dump is not null) File.WriteAllText(dump, string.Join("\n\f\n", docs), new UTF8Encoding(false));
        long chars = docs.Sum(d => (long)d.Length);

        var sw = Stopwatch.StartNew();
        var pos = PosTaggerStage.Load(RepoPaths.Repo("data", "models", "pos", "en-ewt-pos.bin"));
        var parser = DependencyParserStage.Load(RepoPaths.Repo("data", "models", "parser", "en-ewt-parser.bin"));
        var ner = noNer ? null : nerVariant == Sitrep.Nlp.Ner.Contextual.ContextualNerStage.Variant
            ? Sitrep.Nlp.Ner.Contextual.ContextualNerStage.Load(RepoPaths.Repo("data", "models", "ner", Sitrep.Nlp.Ner.Contextual.ContextualNerStage.DefaultModelFile))
            : nerVariant == Sitrep.Nlp.Ner.FineTuned.FineTunedNerStage.Variant
            ? Sitrep.Nlp.Ner.FineTuned.FineTunedNerStage.Load(RepoPaths.Repo("data", "models", "ner", Sitrep.Nlp.Ner.FineTuned.FineTunedNerStage.DefaultModelFile), RepoPaths.Repo("data", "models", "ner", "en-ner.bin"))
            : NerHook.TryLoad();
        double loadSeconds = sw.Elapsed.TotalSeconds;

        var stages = new IPipelineStage?[] { new TokenizerStage(), pos, parser, ner };
        var inputs = docs.Select((t, i) => new Document($"ewt-{i}", new SourceText(t), new SourceText(t), OffsetMap.Identity(t.Length),
            new DocumentMetadata { Reader = "bench", Origin = "bench" })).ToArray();

        // Each stage's input: the previous stage's output (computed once, outside the timings).
        var stageInputs = new Document[stages.Length][];
        var current = inputs;
        for (int s = 0; s < stages.Length; s++)
        {
            stageInputs[s] = current;
            if (stages[s] is { } stage) current = current.Select(d => stage.Process(d)).ToArray();
        }
        long tokens = current.Sum(d => (long)d.Get(NlpLayers.Tokens).Length);
        if (dumpTokens is not null)
        {
            var sbt = new StringBuilder();
            foreach (var d in current)
            {
                foreach (var t in d.Get(NlpLayers.Tokens))
                    sbt.Append(CultureInfo.InvariantCulture, $"{t.Span.Start}\t{t.Span.End}\t{t.Sentence}\t{t.Upos}\t{t.Xpos}\t{t.Lemma}\t{t.Head}\t{t.Deprel}\n");
                if (d.Has(NlpLayers.Entities))
                    foreach (var e in d.Get(NlpLayers.Entities)) sbt.Append(CultureInfo.InvariantCulture, $"entity\t{e.Span.Start}\t{e.Span.End}\t{e.Type}\n");
                sbt.Append('\n');
            }
            File.WriteAllText(dumpTokens, sbt.ToString());
        }
        long sentences = current.Sum(d => (long)d.Get(NlpLayers.Sentences).Length);

        if (only is not null)
        {
            int s = Array.IndexOf(StageNames, only);
            if (s < 0 || stages[s] is not { } stage) throw new ArgumentException($"No stage '{only}'.");
            var input = stageInputs[s];
            double t = Time(minSeconds, () => { foreach (var d in input) stage.Process(d); });
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{only}: {tokens / t:0} tokens/s, {tokens / CpuSeconds[^1]:0} per CPU-s"));
            return;
        }

        var perStage = new List<double>[stages.Length];
        var total = new List<double>();
        var cpuPerStage = new List<double>[stages.Length];
        var cpuTotal = new List<double>();
        for (int s = 0; s < stages.Length; s++) { perStage[s] = []; cpuPerStage[s] = []; }
        for (int r = 0; r < runs; r++)
        {
            for (int s = 0; s < stages.Length; s++)
            {
                if (stages[s] is not { } stage) continue;
                var input = stageInputs[s];
                perStage[s].Add(Time(minSeconds, () => { foreach (var d in input) stage.Process(d); }));
                cpuPerStage[s].Add(CpuSeconds[^1]);
            }
            total.Add(Time(minSeconds, () =>
            {
                foreach (var d in inputs)
                {
                    var x = d;
                    foreach (var stage in stages) if (stage is not null) x = stage.Process(x);
                }
            }));
            cpuTotal.Add(CpuSeconds[^1]);
        }
        long peak = Process.GetCurrentProcess().PeakWorkingSet64;

        var inv = CultureInfo.InvariantCulture;
        Console.WriteLine(string.Create(inv, $"text: {Path.GetFileName(gold)} raw text, {docs.Count} documents, {chars} chars, {goldWords} gold words; Sitrep: {tokens} tokens, {sentences} sentences"));
        Console.WriteLine(string.Create(inv, $"models loaded in {loadSeconds:0.00} s; {runs} runs of at least {minSeconds:0.#} s per figure; best (median) tokens/s, one thread"));
        if (ner is Sitrep.Nlp.Ner.Contextual.ContextualNerStage minilm) Console.WriteLine($"NER: MiniLM variant, {minilm.Version}");
        if (ner is Sitrep.Nlp.Ner.FineTuned.FineTunedNerStage fineTuned) Console.WriteLine($"NER: fine-tuned MiniLM variant, {fineTuned.Version}");
        var rows = new List<(string Name, double? Best, double? Median, double? Cpu)>();
        for (int s = 0; s < stages.Length; s++)
            rows.Add(stages[s] is null ? (StageNames[s], null, null, null)
                : (StageNames[s], tokens / perStage[s].Min(), tokens / Median(perStage[s]), tokens / cpuPerStage[s].Min()));
        rows.Add(("total" + (ner is null ? " (no NER stage yet)" : ""), tokens / total.Min(), tokens / Median(total), tokens / cpuTotal.Min()));
        Console.WriteLine($"  {"stage",-34} {"best",10} {"median",10} {"per CPU-s",10}   tokens/s");
        foreach (var (name, best, median, cpu) in rows)
            Console.WriteLine(best is null
                ? $"  {name,-34} (not available)"
                : string.Create(inv, $"  {name,-34} {best,10:0} {median,10:0} {cpu,10:0}"));
        Console.WriteLine(string.Create(inv, $"  gold words/s, whole chain           {goldWords / total.Min(),10:0}"));
        Console.WriteLine(string.Create(inv, $"peak working set: {peak / 1048576.0:0} MB"));

        if (json is not null)
        {
            var sb = new StringBuilder();
            sb.Append(CultureInfo.InvariantCulture, $"{{\"system\":\"sitrep\",\"tokens\":{tokens},\"gold_words\":{goldWords},\"seconds\":{total.Min():0.######},\"cpu_seconds\":{cpuTotal.Min():0.######},\"peak_mb\":{peak / 1048576.0:0.0},\"ner\":{(ner is null ? "false" : "true")},\"stages\":{{");
            for (int s = 0; s < rows.Count; s++)
            {
                if (s > 0) sb.Append(',');
                sb.Append(CultureInfo.InvariantCulture, $"\"{rows[s].Name}\":{(rows[s].Best is { } b ? b.ToString("0", inv) : "null")}");
            }
            sb.Append("}}\n");
            File.WriteAllText(json, sb.ToString());
        }
    }

    /// <summary>
    /// Seconds per pass: one warm-up pass, then passes until at least <paramref name="minSeconds"/> have gone by. Wall time;
    /// the process's CPU time per pass goes to <see cref="CpuSeconds"/> (on a shared machine it shows time lost to other processes).
    /// </summary>
    private static double Time(double minSeconds, Action pass)
    {
        pass();
        GC.Collect();
        GC.WaitForPendingFinalizers();
        int n = 0;
        var self = Process.GetCurrentProcess();
        var cpu0 = self.TotalProcessorTime;
        var sw = Stopwatch.StartNew();
        do { pass(); n++; } while (sw.Elapsed.TotalSeconds < minSeconds);
        double wall = sw.Elapsed.TotalSeconds / n;
        self.Refresh();
        CpuSeconds.Add((self.TotalProcessorTime - cpu0).TotalSeconds / n);
        return wall;
    }

    private static readonly List<double> CpuSeconds = [];

    private static double Median(List<double> xs)
    {
        var s = xs.Order().ToArray();
        return s.Length % 2 == 1 ? s[s.Length / 2] : (s[s.Length / 2 - 1] + s[s.Length / 2]) / 2;
    }

    /// <summary>
    /// Raw documents from a CoNLL-U file: one per <c># newdoc</c>, paragraphs (<c># newpar</c>) separated by a blank line,
    /// sentences (their <c># text =</c> lines) by a space. Also counts the gold syntactic words.
    /// </summary>
    public static (List<string> Docs, long Words) RawDocuments(string conllu)
    {
        var docs = new List<string>();
        var sb = new StringBuilder();
        long words = 0;
        bool newPar = false;
        foreach (var line in File.ReadLines(conllu))
        {
            if (line.StartsWith("# newdoc", StringComparison.Ordinal))
            {
                if (sb.Length > 0) { docs.Add(sb.ToString()); sb.Clear(); }
                newPar = false;
            }
            else if (line.StartsWith("# newpar", StringComparison.Ordinal)) newPar = true;
            else if (line.StartsWith("# text = ", StringComparison.Ordinal))
            {
                if (sb.Length > 0) sb.Append(newPar ? "\n\n" : " ");
                newPar = false;
                sb.Append(line, 9, line.Length - 9);
            }
            else if (line.Length > 0 && char.IsAsciiDigit(line[0]))
            {
                int tab = line.IndexOf('\t');
                var id = line.AsSpan(0, tab < 0 ? line.Length : tab);
                if (!id.Contains('-') && !id.Contains('.')) words++;
            }
        }
        if (sb.Length > 0) docs.Add(sb.ToString());
        return (docs, words);
    }
}

/// <summary>
/// The hook for the named-entity stage, which is written separately: when Sitrep.Nlp has a <c>Sitrep.Nlp.Stages.NerStage</c>
/// with a static <c>Load()</c> (default model) or <c>Load(string path)</c>, the benchmark runs it after the parser;
/// until then the NER row says "not available" and the total is without it.
/// </summary>
internal static class NerHook
{
    public static IPipelineStage? TryLoad()
    {
        try { return Load(); }
        catch (Exception e) when (e is System.Reflection.TargetInvocationException or IOException)
        {
            // A model being retrained may not match the code for a while: measure the rest and say so.
            Console.Error.WriteLine($"NER stage present but its model did not load ({(e.InnerException ?? e).Message}); measuring without NER.");
            return null;
        }
    }

    private static IPipelineStage? Load()
    {
        var type = typeof(TokenizerStage).Assembly.GetType("Sitrep.Nlp.Stages.NerStage");
        if (type is null) return null;
        var noArgs = type.GetMethod("Load", Type.EmptyTypes);
        if (noArgs is not null && noArgs.IsStatic) return (IPipelineStage?)noArgs.Invoke(null, null);
        var withPath = type.GetMethod("Load", [typeof(string)]);
        if (withPath is not null && withPath.IsStatic)
        {
            var dir = RepoPaths.Repo("data", "models", "ner");
            // The default model by name: the variants' files (en-ner-minilm.bin, en-ner-minilm-ft.bin) run only with --ner.
            var model = Path.Combine(dir, "en-ner.bin");
            if (File.Exists(model)) return (IPipelineStage?)withPath.Invoke(null, [model]);
        }
        return null;
    }
}
