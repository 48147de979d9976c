namespace FeatureStore.Benchmarks.Measuring;

/// <summary>Requests per second over <see cref="Connections"/> connections, and their latency.</summary>
internal sealed record ThroughputResult(string Name, int Connections, double PerSecond, Percentiles Latency);
