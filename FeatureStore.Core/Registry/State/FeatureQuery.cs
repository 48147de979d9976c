namespace FeatureStore.Core.Registry.State;

/// <summary>Filters for listing features; null means any.</summary>
/// <param name="EntityType">Only features of this entity type.</param>
/// <param name="Tag">Only features carrying this tag (on their active version).</param>
/// <param name="Status">Only features in this status.</param>
public sealed record FeatureQuery(string? EntityType = null, string? Tag = null, FeatureStatus? Status = null);
