namespace FeatureStore.Core.TrainingSets;

/// <summary>One stored value of a feature value line, as the export reads it: raw JSON, not parsed.</summary>
/// <param name="EntityId">The entity.</param>
/// <param name="ValidFrom">When the value became true.</param>
/// <param name="Json">The value as JSON text.</param>
public sealed record HistoryRow(string EntityId, DateTimeOffset ValidFrom, string Json);
