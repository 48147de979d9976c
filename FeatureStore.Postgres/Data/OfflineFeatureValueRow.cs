namespace FeatureStore.Postgres.Data;

/// <summary>A row of <c>ai_feature_values_offline</c>: one value of a feature for an entity over [valid_from, valid_to).</summary>
public sealed class OfflineFeatureValueRow
{
    public Guid FeatureId { get; set; }
    public required string EntityType { get; set; }
    public string Version { get; set; } = "1.0.0";
    public int VersionMajor { get; set; } = 1;
    public required string EntityId { get; set; }
    public required string Value { get; set; }
    public required string ValueType { get; set; }
    public DateTimeOffset ValidFrom { get; set; }
    public DateTimeOffset? ValidTo { get; set; }
    public DateTimeOffset ComputedAt { get; set; }
}
