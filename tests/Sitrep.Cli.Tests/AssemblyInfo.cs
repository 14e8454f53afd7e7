// CLI tests redirect Console.Out; they must not run in parallel with each other.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
