namespace FeatureStore.Core.Serving;

/// <summary>The in-process (L1) cache of current values, section <c>FeatureStore:Cache</c>.</summary>
public sealed class CacheOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "FeatureStore:Cache";

    /// <summary>Off by default; the gateway turns it on.</summary>
    public bool Enabled { get; set; }

    /// <summary>
    /// A safety net only: an entry is dropped after this long even if no change notice arrives.
    /// Freshness comes from the notices (every write evicts its keys everywhere, p99 about 5 ms on
    /// loopback), and the cache is cleared and off whenever the subscription is down, so this
    /// bounds only a notice lost while the subscription stayed up. Long, because it is what limits
    /// the hit rate on a long-tailed workload.
    /// </summary>
    public TimeSpan MaxAge { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// At most this many keys are kept (about 0.5 KB each); when full, the keys not read since the
    /// previous sweep are dropped first.
    /// </summary>
    public int MaxEntries { get; set; } = 200_000;

    /// <summary>
    /// Load the online store's current values (up to <see cref="MaxEntries"/>) as soon as the cache
    /// starts serving, and again after every reconnect, so the first read of an entity is a hit too;
    /// then re-read the store every half <see cref="MaxAge"/>, so warmed entries do not expire.
    /// </summary>
    public bool WarmUp { get; set; }
}
