using System.Diagnostics.Metrics;

namespace FeatureStore.Core.Serving;

/// <summary>Serving counters, on the <c>FeatureStore</c> meter that ServiceDefaults exports.</summary>
public static class ServingMetrics
{
    private static readonly Meter Meter = new("FeatureStore");

    /// <summary>Reads answered from the durable Postgres copy because the online store was unavailable.</summary>
    public static Counter<long> OnlineFallbacks { get; } = Meter.CreateCounter<long>("featurestore.online.fallbacks", description: "Reads served from Postgres because Redis was unavailable");
}
