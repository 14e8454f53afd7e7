using Sitrep.Core;

namespace Sitrep.Storage;

/// <summary>What merging one store into another did, run by run of the merged store.</summary>
public sealed record MergeSummary(string Shard, IReadOnlyList<(long ShardRun, long Run, IngestCounts Counts)> Runs)
{
    /// <summary>The part's runs that brought nothing this store lacks (merged before, or empty), which made no run here.</summary>
    public IReadOnlyList<long> Skipped { get; init; } = [];

    /// <summary>Stopped before the end (the caller's token): the runs hold what was stored; merging the part again finishes it.</summary>
    public bool Interrupted { get; init; }

    public IngestCounts Total => Runs.Aggregate(new IngestCounts(), (a, r) => a with
    {
        Inputs = a.Inputs + r.Counts.Inputs, New = a.New + r.Counts.New, Unchanged = a.Unchanged + r.Counts.Unchanged,
        ExactDuplicates = a.ExactDuplicates + r.Counts.ExactDuplicates, NearDuplicates = a.NearDuplicates + r.Counts.NearDuplicates,
        NewVersions = a.NewVersions + r.Counts.NewVersions, Errors = a.Errors + r.Counts.Errors, Warnings = a.Warnings + r.Counts.Warnings,
    });
}

/// <summary>
/// Merges a store made elsewhere (a shard: the same program ingesting part of the inputs on another machine) into this
/// one without analysing anything again. Each of the shard's ingest runs becomes a run here, and its documents, with
/// every analysis layer read back from the shard (<see cref="SitrepStore.LoadAnalysedDocument"/>), are stored in the
/// shard's order through <see cref="SitrepStore.Store(Document, ContentHashes, long, IReadOnlyDictionary{string, string}?)"/>,
/// so duplicates, new versions, merged events, claims and stories are found exactly as if this store had ingested the
/// shard's inputs itself, after what it already holds. Its failed inputs are recorded in the same runs.
/// </summary>
public static class StoreMerge
{
    /// <summary>Documents written per transaction.</summary>
    public const int BatchSize = 256;

    public static MergeSummary Merge(SitrepStore target, SitrepStore shard, string shardName, Action<int, int>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(shard);
        var documents = shard.ListDocumentIdsInStoreOrder().ToLookup(d => d.IngestRunId, d => d.Id);
        var errors = shard.ListErrors(new ErrorQuery { Limit = int.MaxValue }).ToLookup(e => e.IngestRunId);
        var total = documents.Sum(g => g.Count());
        int done = 0;
        var runs = new List<(long, long, IngestCounts)>();
        var skipped = new List<long>();
        foreach (var shardRun in shard.ListIngestRuns())
        {
            cancellationToken.ThrowIfCancellationRequested();
            // Merging a part again after it ingested more (a daily merge): a run whose documents and failures are all
            // here already makes no new run, so this store keeps one run per ingest that brought something.
            if (documents[shardRun.Id].All(target.HasDocument) && errors[shardRun.Id].All(e => target.HasError(e.Origin, e.InputSha256, e.Code)))
            {
                skipped.Add(shardRun.Id);
                done += documents[shardRun.Id].Count();
                continue;
            }
            var run = target.BeginIngest($"merge {shardName} run {shardRun.Id}: {shardRun.Arguments}");
            var counts = new IngestCounts { Inputs = shardRun.Counts?.Inputs ?? 0 };
            // The next documents are read from the part on other threads while this one writes them, and committed
            // BatchSize at a time rather than one by one (the commits were a third of the writing time). An interrupted
            // merge keeps the batches it committed; merging again skips them as unchanged.
            var loaded = OrderedParallel.Map(documents[shardRun.Id], id => shard.LoadAnalysedDocument(id)!, jobs: 2, cancellationToken);
            StoreBatch? batch = null;
            int inBatch = 0;
            bool stopped = false;
            try
            {
                foreach (var (doc, versions) in loaded)
                {
                    batch ??= target.BeginBatch();
                    var stored = target.Store(doc, doc.Get(CoreLayers.Hashes), run, versions);
                    counts = counts.Add(stored.Kind);
                    if (doc.Errors.Length > 0 && stored.Kind != StoreOutcomeKind.Unchanged)
                        counts = counts with { Warnings = counts.Warnings + doc.Errors.Length };
                    progress?.Invoke(++done, total);
                    if (++inBatch == BatchSize)
                    {
                        batch.Commit();
                        batch.Dispose();
                        batch = null;
                        inBatch = 0;
                    }
                }
                batch?.Commit();
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                // Stopped: the documents stored so far are whole (each in its own savepoint); keep them and close the run.
                batch?.Commit();
                stopped = true;
            }
            finally
            {
                batch?.Dispose();
            }
            if (!stopped)
            {
                foreach (var e in errors[shardRun.Id])
                {
                    target.RecordError(run, e.Origin, e.InputSha256, new DocumentError(e.Code, e.Message, e.Stage, e.Severity));
                    counts = counts with { Errors = counts.Errors + 1 };
                }
            }
            target.EndIngest(run, counts, interrupted: stopped);
            runs.Add((shardRun.Id, run, counts));
            if (stopped) return new MergeSummary(shardName, runs) { Skipped = skipped, Interrupted = true };
        }
        return new MergeSummary(shardName, runs) { Skipped = skipped };
    }
}
