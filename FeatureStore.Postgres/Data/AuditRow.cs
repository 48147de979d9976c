namespace FeatureStore.Postgres.Data;

/// <summary>A row of <c>ai_feature_audit_log</c>: who changed what in the registry, and when.</summary>
public sealed class AuditRow
{
    public long Id { get; set; }
    public DateTimeOffset At { get; set; }
    public required string Actor { get; set; }
    public required string Action { get; set; }
    public required string FeatureName { get; set; }
    public string? Version { get; set; }
    public required string Details { get; set; }
}
