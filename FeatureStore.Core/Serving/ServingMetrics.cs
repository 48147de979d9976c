using System.Diagnostics.Metrics;

namespace FeatureStore.Core.Serving;

/// <summary>Serving counters, on the <c>FeatureStore</c> meter that ServiceDefaults exports.</summary>
public static class ServingMetrics
{
    private static readonly Meter Meter = new("FeatureStore");

    /// <summary>Current values answered from the in-process cache.</summary>
    public static Counter<long> CacheHits { get; } = Meter.CreateCounter<long>("featurestore.cache.hits", description: "Current values served from the in-process cache");

    /// <summary>Current values the in-process cache did not have (hit rate = hits / (hits + misses)).</summary>
    public static Counter<long> CacheMisses { get; } = Meter.CreateCounter<long>("featurestore.cache.misses", description: "Current values not in the in-process cache");

    /// <summary>Times the full in-process cache made room by dropping entries not read since the previous sweep.</summary>
    public static Counter<long> CacheSweeps { get; } = Meter.CreateCounter<long>("featurestore.cache.sweeps", description: "Times the full in-process cache dropped its unread entries");

    /// <summary>Current values loaded into the in-process cache by a warm-up (start or reconnect).</summary>
    public static Counter<long> CacheWarmed { get; } = Meter.CreateCounter<long>("featurestore.cache.warmed", description: "Current values loaded into the in-process cache by a warm-up");

    /// <summary>Cached current values re-stamped by a periodic refresh (every half MaxAge, with warm-up on).</summary>
    public static Counter<long> CacheRefreshed { get; } = Meter.CreateCounter<long>("featurestore.cache.refreshed", description: "Cached current values re-read from the online store by a periodic refresh");

    /// <summary>Reads answered from the durable Postgres copy because the online store was unavailable.</summary>
    public static Counter<long> OnlineFallbacks { get; } = Meter.CreateCounter<long>("featurestore.online.fallbacks", description: "Reads served from Postgres because Redis was unavailable");

    /// <summary>Rows written by the streaming training-set export.</summary>
    public static Counter<long> ExportedRows { get; } = Meter.CreateCounter<long>("featurestore.export.rows", description: "Training-set rows exported over HTTP");

    /// <summary>Value lines an export read, tagged <c>from</c>: <c>memory</c> (a kept copy whose line no write had changed), <c>store</c>.</summary>
    public static Counter<long> ExportLineReads { get; } = Meter.CreateCounter<long>("featurestore.export.line_reads", description: "Value lines read by training-set exports, from memory or from the store");

    /// <summary>Served values kept for the skew check and written to the store.</summary>
    public static Counter<long> ServingSamplesWritten { get; } = Meter.CreateCounter<long>("featurestore.serving_samples.written", description: "Served values sampled and stored for the skew check");

    /// <summary>Sampled served values dropped: the in-memory queue was full, or the store could not take them.</summary>
    public static Counter<long> ServingSamplesDropped { get; } = Meter.CreateCounter<long>("featurestore.serving_samples.dropped", description: "Served-value samples dropped (queue full or store unavailable)");
}
