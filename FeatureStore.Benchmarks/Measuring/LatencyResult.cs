namespace FeatureStore.Benchmarks.Measuring;

/// <summary>The samples of one latency measure, in microseconds.</summary>
internal sealed record LatencyResult(string Name, Percentiles Latency);
