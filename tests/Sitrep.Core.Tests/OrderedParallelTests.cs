namespace Sitrep.Core.Tests;

public sealed class OrderedParallelTests
{
    /// <summary>Work whose time varies by item, so later items often finish before earlier ones.</summary>
    private static int Slow(int x)
    {
        Thread.Sleep((x * 7919) % 5);
        return x * x;
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(4)]
    [InlineData(16)]
    public void Results_come_in_source_order(int jobs)
    {
        var results = OrderedParallel.Map(Enumerable.Range(0, 300), Slow, jobs).ToList();
        Assert.Equal(Enumerable.Range(0, 300).Select(x => x * x), results);
    }

    [Fact]
    public void Several_items_are_mapped_at_once_but_never_more_than_jobs()
    {
        int running = 0, most = 0;
        var gate = new object();
        int Map(int x)
        {
            lock (gate) most = Math.Max(most, ++running);
            Thread.Sleep(3);
            lock (gate) running--;
            return x;
        }
        var results = OrderedParallel.Map(Enumerable.Range(0, 200), Map, jobs: 3).ToList();
        Assert.Equal(200, results.Count);
        Assert.Equal(3, most);
    }

    [Fact]
    public void One_job_maps_on_the_calling_thread()
    {
        int caller = Environment.CurrentManagedThreadId;
        var threads = OrderedParallel.Map(Enumerable.Range(0, 20), _ => Environment.CurrentManagedThreadId, jobs: 1).Distinct().ToList();
        Assert.Equal([caller], threads);
    }

    [Fact]
    public void A_failing_map_fails_at_its_item_after_the_items_before_it()
    {
        var seen = new List<int>();
        var e = Assert.Throws<InvalidOperationException>(() =>
        {
            foreach (var r in OrderedParallel.Map(Enumerable.Range(0, 100), x => x == 37 ? throw new InvalidOperationException("item 37") : x, jobs: 4))
                seen.Add(r);
        });
        Assert.Equal("item 37", e.Message);
        Assert.Equal(Enumerable.Range(0, 37), seen);
    }

    [Fact]
    public void A_failing_source_fails_after_the_items_it_gave()
    {
        static IEnumerable<int> Source()
        {
            for (int i = 0; i < 10; i++) yield return i;
            throw new IOException("disk gone");
        }
        var seen = new List<int>();
        var e = Assert.Throws<IOException>(() =>
        {
            foreach (var r in OrderedParallel.Map(Source(), x => x, jobs: 2)) seen.Add(r);
        });
        Assert.Equal("disk gone", e.Message);
        Assert.Equal(Enumerable.Range(0, 10), seen);
    }

    [Fact]
    public void Stopping_early_stops_reading_and_leaves_no_work_running()
    {
        int read = 0, mapped = 0, running = 0;
        IEnumerable<int> Source()
        {
            for (int i = 0; i < 1_000_000; i++)
            {
                Interlocked.Increment(ref read);
                yield return i;
            }
        }
        int Map(int x)
        {
            Interlocked.Increment(ref running);
            Thread.Sleep(1);
            Interlocked.Increment(ref mapped);
            Interlocked.Decrement(ref running);
            return x;
        }
        var first = OrderedParallel.Map(Source(), Map, jobs: 2).Take(5).ToList();
        Assert.Equal([0, 1, 2, 3, 4], first);
        // The window holds 2 × jobs results besides the one being read: reading stops soon after the consumer does.
        Assert.InRange(read, 5, 5 + 2 * 2 + 2);
        Assert.Equal(0, Volatile.Read(ref running));
        int after = Volatile.Read(ref mapped);
        Thread.Sleep(50);
        Assert.Equal(after, Volatile.Read(ref mapped));
    }

    [Fact]
    public void Cancellation_stops_the_enumeration()
    {
        using var cts = new CancellationTokenSource();
        var seen = new List<int>();
        Assert.ThrowsAny<OperationCanceledException>(() =>
        {
            foreach (var r in OrderedParallel.Map(Enumerable.Range(0, 10_000), x => { Thread.Sleep(1); return x; }, jobs: 2, cts.Token))
            {
                seen.Add(r);
                if (r == 10) cts.Cancel();
            }
        });
        Assert.Equal(Enumerable.Range(0, 11), seen);
    }

    [Fact]
    public void Jobs_below_one_are_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => OrderedParallel.Map(new[] { 1 }, x => x, jobs: 0));
    }
}
