using FeatureStore.Benchmarks.Gateway;
using FeatureStore.Benchmarks.Measuring;
using FeatureStore.Benchmarks.Scenarios;

namespace FeatureStore.Benchmarks.Reporting;

/// <summary>Everything one run measured, for the report.</summary>
internal sealed record BenchmarkResults
{
    public required BenchmarkOptions Options { get; init; }

    public required RunEnvironment Environment { get; init; }

    public required IReadOnlyDictionary<string, LatencyResult> Latency { get; init; }

    public required IReadOnlyDictionary<string, SourceCounts> GatewaySources { get; init; }

    public required IReadOnlyList<ThroughputResult> Throughput { get; init; }

    public required IReadOnlyList<CacheResult> Cache { get; init; }

    public required ExportResult Export { get; init; }

    public required IReadOnlyList<double> SqlFloorRowsPerSecond { get; init; }

    public required NoticeResult Notice { get; init; }
}
