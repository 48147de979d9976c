namespace FeatureStore.Gateway.Types.Serving;

/// <summary>One neighbour found by <c>similar</c>: the entity (its features can be read in the same request) and how far it is.</summary>
internal sealed record SimilarEntity(EntityRef Entity, double Distance, DateTimeOffset ValidFrom);
