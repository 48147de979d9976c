namespace FeatureStore.Postgres.Data;

/// <summary>A row of <c>ai_feature_registry</c>: one registered feature.</summary>
public sealed class FeatureRegistryRow
{
    public Guid Id { get; set; }
    public required string Name { get; set; }
    public string? Description { get; set; }
    public required string FeatureType { get; set; }
    public required string EntityType { get; set; }
    public string? ComputationSql { get; set; }
    public string? RefreshSchedule { get; set; }
    public int SchemaVersion { get; set; } = 1;
    public string? ValueSchema { get; set; }
    public string? Owner { get; set; }
    public string[] Tags { get; set; } = [];
    public bool IsActive { get; set; } = true;
    public string? ActiveVersion { get; set; }
    public string? SplitVersion { get; set; }
    public decimal? SplitPercent { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}
