using Sitrep.Cli.Analysis;
using Sitrep.Core;
using Sitrep.Ingest;
using Sitrep.Ingest.Input;
using Sitrep.Ingest.Readers;
using Sitrep.Ingest.Stages;
using Sitrep.Storage;

namespace Sitrep.Cli.Ingestion;

/// <summary>
/// Part <see cref="Number"/> of <see cref="Count"/> of an ingest split across machines. Input <c>i</c> (in the order the
/// arguments expand to) belongs to part <c>i mod N</c>: only that machine loads (or fetches) it and stores its document.
/// An input whose name says it may hold many documents (a JSON Lines dump, a feed, a WARC file, standard input) is read
/// by every machine, and its <c>j</c>-th document (or failure) belongs to part <c>(i + j) mod N</c>, so one large dump
/// splits as evenly as a folder of files. The rule needs nothing but an input's position and name, so every machine
/// agrees on it without reading what the others read; <c>sitrep merge</c> puts the parts' stores together.
/// </summary>
public readonly record struct IngestShard(int Number, int Count)
{
    /// <summary>"K/N", 1 ≤ K ≤ N ≤ 4096.</summary>
    public static bool TryParse(string? text, out IngestShard shard)
    {
        shard = default;
        var parts = (text ?? "").Split('/');
        if (parts.Length != 2
            || !int.TryParse(parts[0], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var k)
            || !int.TryParse(parts[1], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n)
            || n < 1 || n > 4096 || k < 1 || k > n) return false;
        shard = new IngestShard(k, n);
        return true;
    }

    public override string ToString() => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{Number}/{Count}");

    /// <summary>This part owns input <paramref name="input"/>: it counts it, and takes all its documents unless it is split.</summary>
    public bool Owns(int input) => input % Count == Number - 1;

    /// <summary>Whether this part loads the input at all: the one it owns, and every input that is split.</summary>
    public bool Reads(int input, string origin) => Owns(input) || IsSplit(origin);

    /// <summary>Whether document or failure <paramref name="position"/> (0-based, in reading order) of an input is this part's.</summary>
    public bool Takes(int input, string origin, int position) =>
        IsSplit(origin) ? (input + (long)position) % Count == Number - 1 : Owns(input);

    /// <summary>
    /// An input split document by document: its name is that of a container of articles (<c>.jsonl</c>, <c>.json</c>,
    /// a feed's <c>.xml</c>/<c>.rss</c>/<c>.atom</c>, <c>.warc</c>, each possibly gzipped) or standard input. Judged
    /// from the name only, never the content, so a machine that does not load an input still knows its rule. An
    /// input not named so (a page, a text file, a feed URL without such a name) goes whole to its owner.
    /// </summary>
    public static bool IsSplit(string origin)
    {
        if (origin == InputCollector.StandardInput) return true;
        var name = origin.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? origin[..^3] : origin;
        return name.EndsWith(".json", StringComparison.OrdinalIgnoreCase)
            || FormatSniffer.FromFileName(origin) is InputFormat.JsonLines or InputFormat.Feed or InputFormat.Warc;
    }
}

/// <summary>
/// How far an ingest is: inputs done of those planned, and documents stored (or found unchanged) so far.
/// <paramref name="InputDone"/> marks the calls made as an input begins or the run ends, rather than after a document.
/// </summary>
public readonly record struct IngestProgress(int Inputs, int InputsPlanned, int Documents, bool InputDone);

/// <summary>What happened to one document or input in an ingest.</summary>
public sealed record IngestItemResult(string Origin, string? DocumentId, StoreOutcomeKind? Outcome, DocumentError? Error, string? DuplicateOf);

public sealed record IngestSummary(long RunId, IngestCounts Counts, IReadOnlyList<CollectedInput> Skipped, IReadOnlyList<IngestItemResult> Items)
{
    /// <summary>The run was stopped (Ctrl+C, SIGTERM or the caller's token) before it read every input; its counts are what it stored.</summary>
    public bool Interrupted { get; init; }

    /// <summary>Documents that went through the analysis pipeline; those whose raw input was already stored are not.</summary>
    public int Analysed { get; init; }

    public IEnumerable<IngestItemResult> Failures => Items.Where(i => i.Error is not null);
}

/// <summary>
/// Runs ingestion: inputs → readers → the whole analysis pipeline (ingest stages, then the English analysis
/// stages: tokens, tags, parse, TIMEX3, entities, actors, events as they are registered) → store, each document with
/// all its layers in its own transaction. A bad document is recorded with its error code and the batch goes on. With
/// <paramref name="analyse"/> false, only the ingest stages run and no layers are stored; <paramref name="analysis"/>
/// picks another analysis pipeline (the MiniLM NER variant) than the default.
/// <para>Reading runs on one thread, analysis on <paramref name="jobs"/> threads, and the store is written on the calling
/// thread in input order: the store (event merging, duplicate detection, run records) ends the same whatever the
/// number of jobs.</para>
/// </summary>
public sealed class IngestRunner(SitrepStore store, ReaderOptions options, InputLoader? loader = null, bool analyse = true, AnalysisPipeline? analysis = null, int jobs = 1,
    IngestShard? shard = null, int fetches = InputCollector.DefaultConcurrentFetches)
{
    private readonly ReaderRegistry _readers = new();
    // The models load when the first document needs them: re-ingesting inputs that are all stored loads none.
    private readonly Lazy<(Pipeline Pipeline, IReadOnlyDictionary<string, string>? Versions)> _analysis = new(() =>
        analyse ? ((analysis ?? AnalysisPipeline.Default).Pipeline, (analysis ?? AnalysisPipeline.Default).Versions) : (IngestPipeline.Create(), null),
        LazyThreadSafetyMode.ExecutionAndPublication);
    private readonly InputLoader _loader = loader ?? new InputLoader(options);

    /// <summary>One step of the read plan, in input order: an input begins, an input or document failed, or a document was read.</summary>
    private readonly record struct Step(int Input, string Origin, string? InputSha256, DocumentError? Error, Document? Document, StoreOutcome? Stored = null)
    {
        public bool BeginsInput => Error is null && Document is null;
    }

    /// <param name="progress">Called as each input begins with (inputs done, inputs planned), and at the end.</param>
    public IngestSummary Run(IReadOnlyList<string> inputs, string arguments, Action<int, int>? progress = null, CancellationToken cancellationToken = default) =>
        Run(inputs, arguments, progress is null ? null : p => { if (p.InputDone) progress(p.Inputs, p.InputsPlanned); }, cancellationToken);

    /// <param name="progress">
    /// Called as each input begins and after each document is stored, with the inputs done, the inputs planned and the
    /// documents handled so far: a single dump of many articles shows its progress too.
    /// </param>
    public IngestSummary Run(IReadOnlyList<string> inputs, string arguments, Action<IngestProgress>? progress, CancellationToken cancellationToken = default)
    {
        var runId = store.BeginIngest(arguments);
        var counts = new IngestCounts();
        var items = new List<IngestItemResult>();
        var collector = new InputCollector(_loader);

        void Fail(string origin, string? sha, DocumentError error)
        {
            store.RecordError(runId, origin, sha, error);
            counts = counts with { Errors = counts.Errors + 1 };
            items.Add(new IngestItemResult(origin, null, null, error, null));
        }

        var plan = collector.Plan(inputs, cancellationToken);
        var skipped = plan.Where(p => p.Kind == CollectedKind.Skipped).ToList();
        var toRead = plan.Where(p => p.Kind != CollectedKind.Skipped).ToList();
        int analysedCount = 0, documents = 0;
        var analysed = OrderedParallel.Map(Read(collector, toRead, cancellationToken), step =>
        {
            if (step.Document is null || step.Stored is not null) return step;
            Interlocked.Increment(ref analysedCount);
            return step with { Document = _analysis.Value.Pipeline.Run(step.Document, cancellationToken) };
        }, jobs, cancellationToken);
        bool interrupted = false;
        try
        {
            Consume(analysed);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopped: the documents stored so far stay, and the run is closed with their counts.
            interrupted = true;
        }
        if (!interrupted) progress?.Invoke(new IngestProgress(toRead.Count, toRead.Count, documents, InputDone: true));
        store.EndIngest(runId, counts, interrupted);
        return new IngestSummary(runId, counts, skipped, items) { Interrupted = interrupted, Analysed = Volatile.Read(ref analysedCount) };

        void Consume(IEnumerable<Step> analysed)
        {
            foreach (var step in analysed)
            {
                if (step.BeginsInput)
                {
                    if (step.Input > 0) progress?.Invoke(new IngestProgress(step.Input, toRead.Count, documents, InputDone: true));
                    counts = counts with { Inputs = counts.Inputs + 1 };
                    continue;
                }
                if (step.Document is not { } doc)
                {
                    Fail(step.Origin, step.InputSha256, step.Error!);
                    continue;
                }
                try
                {
                    var stored = step.Stored ?? store.Store(doc, doc.Get(CoreLayers.Hashes), runId, _analysis.Value.Versions);
                    counts = counts.Add(stored.Kind);
                    if (doc.Errors.Length > 0 && stored.Kind != StoreOutcomeKind.Unchanged)
                        counts = counts with { Warnings = counts.Warnings + doc.Errors.Length };
                    items.Add(new IngestItemResult(doc.Metadata.Origin, stored.DocumentId, stored.Kind, null, stored.DuplicateOf));
                    progress?.Invoke(new IngestProgress(step.Input, toRead.Count, ++documents, InputDone: false));
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    Fail(doc.Metadata.Origin, step.InputSha256, new DocumentError(ErrorCodes.StoreFailed, $"Could not store the document: {e.Message}", "store"));
                }
            }
        }
    }

    /// <summary>
    /// Loads each input and reads its documents, in order. A reader that fails on an input fails that input only. With a
    /// shard, only the inputs it reads are loaded, and only its documents and failures go on (see <see cref="IngestShard"/>).
    /// </summary>
    private IEnumerable<Step> Read(InputCollector collector, List<CollectedInput> toRead, CancellationToken cancellationToken)
    {
        if (shard is not { } s)
        {
            foreach (var step in ReadAll(collector, toRead, [.. Enumerable.Range(0, toRead.Count)], cancellationToken)) yield return step;
            yield break;
        }
        int[] reads = [.. Enumerable.Range(0, toRead.Count).Where(i => s.Reads(i, toRead[i].Origin))];
        int position = 0;
        foreach (var step in ReadAll(collector, [.. reads.Select(i => toRead[i])], reads, cancellationToken))
        {
            if (step.BeginsInput)
            {
                position = 0;
                if (s.Owns(step.Input)) yield return step;
            }
            else if (s.Takes(step.Input, toRead[step.Input].Origin, position++)) yield return step;
        }
    }

    /// <param name="positions">Each input's position among all the inputs planned (steps are numbered by it).</param>
    private IEnumerable<Step> ReadAll(InputCollector collector, List<CollectedInput> toRead, int[] positions, CancellationToken cancellationToken)
    {
        int next = 0;
        foreach (var input in collector.LoadAll(toRead, fetches, cancellationToken))
        {
            int k = positions[next++];
            yield return new Step(k, input.Origin, null, null, null);
            if (input.Source is null)
            {
                yield return new Step(k, input.Origin, null, input.Error!, null);
                continue;
            }
            IEnumerator<ReadOutcome> outcomes;
            DocumentError? failure = null;
            try
            {
                outcomes = _readers.Read(input.Source, options, cancellationToken).GetEnumerator();
            }
            catch (SitrepException e)
            {
                outcomes = Enumerable.Empty<ReadOutcome>().GetEnumerator();
                failure = e.ToError("read");
            }
            using (outcomes)
            {
                while (failure is null)
                {
                    ReadOutcome outcome;
                    try
                    {
                        if (!outcomes.MoveNext()) break;
                        outcome = outcomes.Current;
                    }
                    catch (SitrepException e)
                    {
                        failure = e.ToError("read");
                        break;
                    }
                    catch (Exception e) when (e is not OperationCanceledException)
                    {
                        // A reader bug on one input must not stop the batch.
                        failure = new DocumentError(ErrorCodes.ParseFailed, $"{e.GetType().Name}: {e.Message}", "read");
                        break;
                    }
                    // A raw input already stored at its URL is unchanged: the store would write nothing, so it is not
                    // analysed again (re-ingesting a folder or a feed costs reading, not analysis).
                    yield return outcome.Document is null
                        ? new Step(k, outcome.Origin, outcome.InputSha256, outcome.Error!, null)
                        : new Step(k, outcome.Document.Metadata.Origin, outcome.InputSha256, null, outcome.Document, store.AlreadyStored(outcome.Document));
                }
            }
            if (failure is not null)
                yield return new Step(k, input.Origin, InputHash.Sha256(input.Source.Bytes), failure, null);
        }
    }
}
