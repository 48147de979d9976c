namespace FeatureStore.Core.Values;

/// <summary>Current values of a line and the stale ones among them.</summary>
/// <param name="Current">Entities with a current value.</param>
/// <param name="Stale">Of those, values older than the feature's TTL.</param>
public sealed record CurrentFreshness(long Current, long Stale);
