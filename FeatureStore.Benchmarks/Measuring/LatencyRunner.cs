using System.Diagnostics;

namespace FeatureStore.Benchmarks.Measuring;

/// <summary>
/// Runs probes one request at a time. They are warmed up first (in turns); then the measured time
/// is split into rounds and the probes take turns, so a slow minute of this noisy machine hits
/// floors and gateway alike instead of whichever ran then; each turn starts after a short idle
/// pause. Bounded by time and by <see cref="MaxCalls"/>.
/// </summary>
internal sealed class LatencyRunner(TimeSpan warmup, TimeSpan duration, int rounds)
{
    public const int MaxCalls = 2_000_000;

    // Idle time before each slice: the previous measure's after-effects (a GC in the gateway, Postgres
    // background work) must not land on the next one's first calls.
    private static readonly TimeSpan MaxSettle = TimeSpan.FromMilliseconds(300);

    private const int WarmupRounds = 3;

    /// <summary>Warms every probe up, calls <paramref name="warmedUp"/>, then measures them in rounds.</summary>
    public async Task<IReadOnlyDictionary<string, LatencyResult>> RunAsync(IReadOnlyList<Probe> probes, Random random, Action warmedUp, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(probes);
        ArgumentNullException.ThrowIfNull(warmedUp);
        // Warm-up in rounds too: code tiers up (JIT, PGO) only once every path has settled.
        for (var round = 0; round < WarmupRounds; round++)
        {
            foreach (var probe in probes)
            {
                await RunForAsync(probe, warmup / WarmupRounds, random, null, MaxCalls, cancellationToken);
            }
        }

        warmedUp();

        var samples = probes.ToDictionary(p => p.Name, _ => new List<double>());
        var slice = duration / rounds;
        var settle = slice / 4 < MaxSettle ? slice / 4 : MaxSettle;
        for (var round = 0; round < rounds; round++)
        {
            foreach (var probe in probes)
            {
                await Task.Delay(settle, cancellationToken);
                await RunForAsync(probe, slice, random, samples[probe.Name], MaxCalls / rounds, cancellationToken);
            }

            Console.WriteLine($"measure: round {round + 1}/{rounds} done");
        }

        return probes.ToDictionary(p => p.Name, p => new LatencyResult(p.Name, new Percentiles(samples[p.Name])));
    }

    /// <summary>Calls the probe back to back for <paramref name="time"/>, adding each call's microseconds to <paramref name="samples"/>.</summary>
    public static async Task RunForAsync(Probe probe, TimeSpan time, Random random, List<double>? samples, int maxCalls, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(probe);
        var until = Stopwatch.GetTimestamp() + (long)(time.TotalSeconds * Stopwatch.Frequency);
        for (var i = 0; i < maxCalls && Stopwatch.GetTimestamp() < until; i++)
        {
            var call = probe.Prepare(random);
            var started = Stopwatch.GetTimestamp();
            await call.RunAsync(cancellationToken);
            var elapsed = Stopwatch.GetTimestamp() - started;
            call.Verify();
            samples?.Add(elapsed * 1_000_000.0 / Stopwatch.Frequency);
        }
    }
}
