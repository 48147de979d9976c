namespace FeatureStore.Core.TrainingSets;

/// <summary>
/// One row of a training set's spine: an entity and the instant its features are wanted as of. A struct: a spine of
/// millions of rows passes through the staging one row at a time, and an object per row was garbage for the
/// collector to trace while the export ran.
/// </summary>
/// <param name="EntityId">The entity.</param>
/// <param name="Timestamp">The instant (the label's time).</param>
public readonly record struct SpineRow(string EntityId, DateTimeOffset Timestamp);
