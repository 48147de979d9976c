using System.Diagnostics;

namespace FeatureStore.Benchmarks.Computation;

/// <summary>
/// This process' CPU time and garbage collector counters, taken before and after a measure (the replicas run here): the
/// CPU seconds vary less than the wall time from run to run on a shared machine.
/// </summary>
internal readonly record struct ProcessCounters(int Gen0, int Gen1, int Gen2, TimeSpan Paused, long AllocatedBytes, TimeSpan Cpu)
{
    public static ProcessCounters Now()
    {
        using var process = Process.GetCurrentProcess();
        return new(GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2), GC.GetTotalPauseDuration(), GC.GetTotalAllocatedBytes(),
            process.TotalProcessorTime);
    }

    public static ProcessCounters operator -(ProcessCounters after, ProcessCounters before) =>
        new(after.Gen0 - before.Gen0, after.Gen1 - before.Gen1, after.Gen2 - before.Gen2, after.Paused - before.Paused, after.AllocatedBytes - before.AllocatedBytes,
            after.Cpu - before.Cpu);
}
