using System.Collections.Concurrent;

namespace Sitrep.Core;

/// <summary>
/// Maps a sequence on several threads and yields the results in the order of the sequence, so that whatever consumes
/// them (the store, which merges events and finds duplicates in arrival order) sees exactly what one thread would
/// have given it. The source is enumerated on one producer thread; at most <c>jobs</c> items are mapped at a time and
/// at most <c>2 × jobs</c> mapped results wait for the consumer, which bounds memory.
/// </summary>
public static class OrderedParallel
{
    /// <summary>
    /// The results of <paramref name="map"/> over <paramref name="source"/>, in source order. With <paramref name="jobs"/>
    /// 1 everything runs on the calling thread, as a plain <c>Select</c>. An exception from the source or from
    /// <paramref name="map"/> is rethrown to the consumer at that item's place; items before it are still yielded.
    /// </summary>
    public static IEnumerable<TResult> Map<TSource, TResult>(IEnumerable<TSource> source, Func<TSource, TResult> map, int jobs, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(map);
        ArgumentOutOfRangeException.ThrowIfLessThan(jobs, 1);
        return jobs == 1 ? Sequential(source, map, cancellationToken) : Parallel(source, map, jobs, cancellationToken);
    }

    /// <summary>The number of analysis threads to use by default: one per core the process may run on.</summary>
    public static int DefaultJobs => Math.Max(1, Environment.ProcessorCount);

    private static IEnumerable<TResult> Sequential<TSource, TResult>(IEnumerable<TSource> source, Func<TSource, TResult> map, CancellationToken cancellationToken)
    {
        foreach (var item in source)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return map(item);
        }
    }

    private static IEnumerable<TResult> Parallel<TSource, TResult>(IEnumerable<TSource> source, Func<TSource, TResult> map, int jobs, CancellationToken cancellationToken)
    {
        // Dedicated threads, not the thread pool: a pool busy with blocked work (or a test runner's other tests) would
        // quietly run the maps one at a time. `order` holds each item's result slot in source order and bounds how far
        // reading runs ahead; `work` hands the items to the `jobs` workers.
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var order = new BlockingCollection<Task<TResult>>(boundedCapacity: 2 * jobs);
        using var work = new BlockingCollection<(TSource Item, TaskCompletionSource<TResult> Slot)>();
        var producer = new Thread(() =>
        {
            try
            {
                foreach (var item in source)
                {
                    var slot = new TaskCompletionSource<TResult>(TaskCreationOptions.RunContinuationsAsynchronously);
                    order.Add(slot.Task, stop.Token);
                    work.Add((item, slot));
                }
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                // The consumer stopped early or was cancelled: nothing more to read.
            }
            catch (Exception e)
            {
                // The source failed: the consumer sees the exception after the items read before it.
                try { order.Add(Task.FromException<TResult>(e), stop.Token); }
                catch (OperationCanceledException) { }
            }
            finally
            {
                order.CompleteAdding();
                work.CompleteAdding();
            }
        }) { IsBackground = true, Name = "sitrep-read" };
        var workers = new Thread[jobs];
        for (int i = 0; i < jobs; i++)
        {
            workers[i] = new Thread(() =>
            {
                foreach (var (item, slot) in work.GetConsumingEnumerable())
                {
                    if (stop.IsCancellationRequested) { slot.TrySetCanceled(stop.Token); continue; }
                    try { slot.TrySetResult(map(item)); }
                    catch (Exception e) { slot.TrySetException(e); }
                }
            }) { IsBackground = true, Name = $"sitrep-job-{i + 1}" };
        }
        producer.Start();
        foreach (var worker in workers) worker.Start();

        try
        {
            foreach (var task in order.GetConsumingEnumerable(cancellationToken))
                yield return task.GetAwaiter().GetResult();
        }
        finally
        {
            // Leaving early (an exception, cancellation, or a consumer that stops enumerating): stop reading, let the
            // workers skip what is queued, and wait for all of them, so no work outlives the enumeration.
            stop.Cancel();
            while (order.TryTake(out _)) { }
            producer.Join();
            foreach (var worker in workers) worker.Join();
        }
    }
}
