using System.Diagnostics;

namespace FeatureStore.Benchmarks.Measuring;

/// <summary>
/// Many connections calling back to back (closed loop): requests per second the server sustains,
/// and the latency each caller sees meanwhile. Every answer is still checked.
/// </summary>
internal static class ThroughputRunner
{
    public static async Task<ThroughputResult> RunAsync(Probe probe, int connections, TimeSpan warmup, TimeSpan duration, int seed, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(probe);
        await Task.WhenAll(Enumerable.Range(0, connections).Select(i =>
            Task.Run(() => LatencyRunner.RunForAsync(probe, warmup, new Random(seed + i), null, LatencyRunner.MaxCalls, cancellationToken), cancellationToken)));

        var samples = Enumerable.Range(0, connections).Select(_ => new List<double>()).ToArray();
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, connections).Select(i =>
            Task.Run(() => LatencyRunner.RunForAsync(probe, duration, new Random(seed + 1000 + i), samples[i], LatencyRunner.MaxCalls, cancellationToken), cancellationToken)));
        var elapsed = clock.Elapsed;
        var all = new Percentiles(samples.SelectMany(s => s));
        return new ThroughputResult(probe.Name, connections, all.Count / elapsed.TotalSeconds, all);
    }
}

