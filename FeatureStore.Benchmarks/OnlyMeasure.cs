namespace FeatureStore.Benchmarks;

/// <summary>The measures of <c>--only</c>.</summary>
internal enum OnlyMeasure
{
    /// <summary>Every measure (no <c>--only</c>).</summary>
    All,

    /// <summary>The training-set export and its SQL floor.</summary>
    Export,

    /// <summary>The one-connection latencies, floors and gateway.</summary>
    Latency,
}
