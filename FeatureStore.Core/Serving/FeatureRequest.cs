namespace FeatureStore.Core.Serving;

/// <summary>One feature of one entity, now (no <see cref="AsOf"/>) or as it was at an instant.</summary>
/// <param name="EntityType">The entity type asked for.</param>
/// <param name="EntityId">The entity id.</param>
/// <param name="Reference">The feature, optionally pinned: <c>name</c>, <c>name@1</c>, <c>name@1.2.0</c>.</param>
/// <param name="AsOf">Time travel: the value valid at this instant; null for the current value.</param>
public sealed record FeatureRequest(string EntityType, string EntityId, string Reference, DateTimeOffset? AsOf);
