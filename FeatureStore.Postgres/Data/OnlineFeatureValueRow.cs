namespace FeatureStore.Postgres.Data;

/// <summary>A row of <c>ai_feature_values_online</c>: the durable copy of a feature's current value for an entity.</summary>
public sealed class OnlineFeatureValueRow
{
    public Guid FeatureId { get; set; }
    public required string EntityType { get; set; }
    public string Version { get; set; } = "1.0.0";
    public int VersionMajor { get; set; } = 1;
    public required string EntityId { get; set; }
    public required string Value { get; set; }
    public DateTimeOffset ComputedAt { get; set; }
    public DateTimeOffset? ValidFrom { get; set; }
    public DateTimeOffset? ExpiresAt { get; set; }
}
