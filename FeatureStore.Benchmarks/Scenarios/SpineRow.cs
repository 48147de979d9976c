namespace FeatureStore.Benchmarks.Scenarios;

/// <summary>One row of a training-set spine: an entity and the instant its features are wanted as of.</summary>
internal sealed record SpineRow(int Entity, string EntityId, DateTimeOffset Timestamp);
