namespace FeatureStore.Core.Values;

/// <summary>A key read as it was at an instant (time travel, training-set rows).</summary>
public sealed record PointInTime(FeatureKey Key, DateTimeOffset AsOf);
