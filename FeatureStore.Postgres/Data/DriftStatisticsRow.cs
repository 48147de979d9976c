namespace FeatureStore.Postgres.Data;

/// <summary>A row of <c>ai_drift_statistics</c>: one feature line's statistics in one window.</summary>
public sealed class DriftStatisticsRow
{
    public long Id { get; set; }
    public string Feature { get; set; } = "";
    public int ValueLine { get; set; }
    public DateTimeOffset WindowStart { get; set; }
    public DateTimeOffset WindowEnd { get; set; }
    public string Statistics { get; set; } = "{}";
    public DateTimeOffset ComputedAt { get; set; }
}
