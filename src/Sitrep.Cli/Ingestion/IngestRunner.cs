using Sitrep.Cli.Analysis;
using Sitrep.Core;
using Sitrep.Ingest;
using Sitrep.Ingest.Input;
using Sitrep.Ingest.Readers;
using Sitrep.Ingest.Stages;
using Sitrep.Storage;

namespace Sitrep.Cli.Ingestion;

/// <summary>What happened to one document or input in an ingest.</summary>
public sealed record IngestItemResult(string Origin, string? DocumentId, StoreOutcomeKind? Outcome, DocumentError? Error, string? DuplicateOf);

public sealed record IngestSummary(long RunId, IngestCounts Counts, IReadOnlyList<CollectedInput> Skipped, IReadOnlyList<IngestItemResult> Items)
{
    public IEnumerable<IngestItemResult> Failures => Items.Where(i => i.Error is not null);
}

/// <summary>
/// Runs ingestion: inputs → readers → the whole analysis pipeline (ingest stages, then the English analysis
/// stages: tokens, tags, parse, TIMEX3, entities, actors, events as they are registered) → store, one document at
/// a time, each with all its layers in its own transaction. A bad document is recorded with its error code and the
/// batch goes on. With <paramref name="analyse"/> false, only the ingest stages run and no layers are stored;
/// <paramref name="analysis"/> picks another analysis pipeline (the MiniLM NER variant) than the default.
/// </summary>
public sealed class IngestRunner(SitrepStore store, ReaderOptions options, InputLoader? loader = null, bool analyse = true, AnalysisPipeline? analysis = null)
{
    private readonly ReaderRegistry _readers = new();
    private readonly Pipeline _pipeline = analyse ? (analysis ?? AnalysisPipeline.Default).Pipeline : IngestPipeline.Create();
    private readonly IReadOnlyDictionary<string, string>? _versions = analyse ? (analysis ?? AnalysisPipeline.Default).Versions : null;
    private readonly InputLoader _loader = loader ?? new InputLoader(options);

    /// <param name="progress">Called after each input with (inputs done, inputs planned).</param>
    public IngestSummary Run(IReadOnlyList<string> inputs, string arguments, Action<int, int>? progress = null, CancellationToken cancellationToken = default)
    {
        var runId = store.BeginIngest(arguments);
        var counts = new IngestCounts();
        var items = new List<IngestItemResult>();
        var collector = new InputCollector(_loader);

        void Report(IngestItemResult r) => items.Add(r);

        void Fail(string origin, string? sha, DocumentError error)
        {
            store.RecordError(runId, origin, sha, error);
            counts = counts with { Errors = counts.Errors + 1 };
            Report(new IngestItemResult(origin, null, null, error, null));
        }

        var plan = collector.Plan(inputs, cancellationToken);
        var skipped = plan.Where(p => p.Kind == CollectedKind.Skipped).ToList();
        var toRead = plan.Where(p => p.Kind != CollectedKind.Skipped).ToList();
        for (int k = 0; k < toRead.Count; k++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (k > 0) progress?.Invoke(k, toRead.Count);
            var input = collector.Load(toRead[k], cancellationToken);
            counts = counts with { Inputs = counts.Inputs + 1 };
            if (input.Source is null)
            {
                Fail(input.Origin, null, input.Error!);
                continue;
            }
            IEnumerator<ReadOutcome> outcomes;
            try
            {
                outcomes = _readers.Read(input.Source, options, cancellationToken).GetEnumerator();
            }
            catch (SitrepException e)
            {
                Fail(input.Origin, InputHash.Sha256(input.Source.Bytes), e.ToError("read"));
                continue;
            }
            while (true)
            {
                ReadOutcome outcome;
                try
                {
                    if (!outcomes.MoveNext()) break;
                    outcome = outcomes.Current;
                }
                catch (SitrepException e)
                {
                    Fail(input.Origin, InputHash.Sha256(input.Source.Bytes), e.ToError("read"));
                    break;
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // A reader bug on one input must not stop the batch.
                    Fail(input.Origin, InputHash.Sha256(input.Source.Bytes), new DocumentError(ErrorCodes.ParseFailed, $"{e.GetType().Name}: {e.Message}", "read"));
                    break;
                }
                if (outcome.Document is null)
                {
                    Fail(outcome.Origin, outcome.InputSha256, outcome.Error!);
                    continue;
                }
                var doc = _pipeline.Run(outcome.Document, cancellationToken);
                try
                {
                    var stored = store.Store(doc, doc.Get(CoreLayers.Hashes), runId, _versions);
                    counts = counts.Add(stored.Kind);
                    if (doc.Errors.Length > 0 && stored.Kind != StoreOutcomeKind.Unchanged)
                        counts = counts with { Warnings = counts.Warnings + doc.Errors.Length };
                    Report(new IngestItemResult(doc.Metadata.Origin, stored.DocumentId, stored.Kind, null, stored.DuplicateOf));
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    Fail(doc.Metadata.Origin, outcome.InputSha256, new DocumentError(ErrorCodes.StoreFailed, $"Could not store the document: {e.Message}", "store"));
                }
            }
            outcomes.Dispose();
        }
        progress?.Invoke(toRead.Count, toRead.Count);
        store.EndIngest(runId, counts);
        return new IngestSummary(runId, counts, skipped, items);
    }
}
