namespace FeatureStore.Gateway.Types.Serving;

/// <summary>An entity in a query, carrying what its feature fields need (GraphQL's Parent.Source is the list, not the entity).</summary>
internal sealed record EntityRef(string Type, string Id, DateTimeOffset? AsOf);
