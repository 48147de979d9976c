namespace FeatureStore.Postgres.Data;

/// <summary>A row of <c>ai_feature_computation_logs</c>: one batch, streaming or on-demand run.</summary>
public sealed class ComputationLogRow
{
    public Guid Id { get; set; }
    public Guid? FeatureId { get; set; }
    public string? FeatureName { get; set; }
    public Guid? RunId { get; set; }
    public string? ComputationType { get; set; }
    public int? EntitiesProcessed { get; set; }
    public int? DurationMs { get; set; }
    public int? ErrorsCount { get; set; }
    public string? ErrorDetails { get; set; }
    public DateTimeOffset StartedAt { get; set; }
    public DateTimeOffset? CompletedAt { get; set; }
}
