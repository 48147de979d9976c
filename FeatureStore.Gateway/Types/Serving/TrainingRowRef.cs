namespace FeatureStore.Gateway.Types.Serving;

/// <summary>One row of a training set: an entity at an instant, and the features to join as of then.</summary>
internal sealed record TrainingRowRef(string Type, string Id, DateTimeOffset Timestamp, IReadOnlyList<string> Features);
