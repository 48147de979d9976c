namespace FeatureStore.Core.TrainingSets;

/// <summary>One row of a training set's spine: an entity and the instant its features are wanted as of.</summary>
/// <param name="EntityId">The entity.</param>
/// <param name="Timestamp">The instant (the label's time).</param>
public sealed record SpineRow(string EntityId, DateTimeOffset Timestamp);
