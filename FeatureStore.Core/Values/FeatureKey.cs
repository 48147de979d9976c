namespace FeatureStore.Core.Values;

/// <summary>Where a value lives: a feature's value line (its major version) for one entity.</summary>
/// <param name="Feature">The feature name (no pin).</param>
/// <param name="ValueLine">The major version whose values are meant.</param>
/// <param name="EntityType">The entity type.</param>
/// <param name="EntityId">The entity id.</param>
public sealed record FeatureKey(string Feature, int ValueLine, string EntityType, string EntityId);
