namespace FeatureStore.Postgres.Data;

/// <summary>A row of <c>ai_feature_versions</c>: one immutable version of a feature's definition.</summary>
public sealed class FeatureVersionRow
{
    public Guid Id { get; set; }
    public Guid FeatureId { get; set; }
    public required string Version { get; set; }
    public int Major { get; set; }
    public int Minor { get; set; }
    public int Patch { get; set; }
    public required string Definition { get; set; }
    public required string ChangeKind { get; set; }
    public string[] Reasons { get; set; } = [];
    public DateTimeOffset CreatedAt { get; set; }
    public required string CreatedBy { get; set; }
    public DateTimeOffset? DeprecatedAt { get; set; }
    public string? DeprecatedBy { get; set; }
    public string? DeprecationReason { get; set; }
    public DateTimeOffset? SunsetAt { get; set; }
}
