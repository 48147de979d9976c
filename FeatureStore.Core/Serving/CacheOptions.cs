namespace FeatureStore.Core.Serving;

/// <summary>The in-process (L1) cache of current values, section <c>FeatureStore:Cache</c>.</summary>
public sealed class CacheOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "FeatureStore:Cache";

    /// <summary>Off by default; the gateway turns it on.</summary>
    public bool Enabled { get; set; }

    /// <summary>
    /// A safety net: an entry is dropped after this long even if no change notice arrives. Changes
    /// normally evict entries at once (Redis pub/sub, sub-millisecond on loopback).
    /// </summary>
    public TimeSpan MaxAge { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>At most this many keys are kept; beyond it the cache is cleared and refills with the hot keys.</summary>
    public int MaxEntries { get; set; } = 200_000;
}
