using FeatureStore.Benchmarks.Gateway;
using FeatureStore.Benchmarks.Measuring;

namespace FeatureStore.Benchmarks.Scenarios;

/// <summary>What the Zipf workload saw: sources of the served values, the ideal hit rate, latency.</summary>
/// <param name="Exponent">The Zipf exponent s.</param>
/// <param name="Sources">Where the served values came from (CACHE vs ONLINE).</param>
/// <param name="IdealHitRate">A cache without warm-up keeping every fill exactly MaxAge, replayed on the same requests.</param>
/// <param name="Latency">Latency of the requests, in microseconds.</param>
/// <param name="ModelHitRate">The TTL model's steady-state hit rate at the same rate and MaxAge.</param>
/// <param name="MaxAgeForTarget">The MaxAge the model says 95 % would need at this request rate.</param>
internal sealed record CacheResult(double Exponent, SourceCounts Sources, double IdealHitRate, Percentiles Latency, double ModelHitRate, TimeSpan? MaxAgeForTarget)
{
    public double HitRate => (double)Sources.Cache / Math.Max(1, Sources.Cache + Sources.Online);
}
