namespace FeatureStore.Benchmarks.Reporting;

/// <summary>When and where the run happened, and what was loaded: the context every number needs.</summary>
internal sealed record RunEnvironment(
    DateTimeOffset StartedAt,
    int Cores,
    string Os,
    string Runtime,
    string Postgres,
    string Redis,
    long HistoryRows,
    TimeSpan LoadTime)
{
    /// <summary>Share of the cores that processes outside this run used while it measured (null: unknown).</summary>
    public double? ForeignCpu { get; init; }

    /// <summary>Share of the cores the hypervisor gave to other machines meanwhile.</summary>
    public double? StolenCpu { get; init; }
}
