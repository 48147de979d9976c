namespace FeatureStore.Postgres.Data;

/// <summary>A row of <c>ai_drift_baselines</c>: what a feature line's windows are compared with (a reference window, or a training set's sample).</summary>
public sealed class DriftBaselineRow
{
    public Guid Id { get; set; }
    public string Feature { get; set; } = "";
    public int ValueLine { get; set; }
    public string Version { get; set; } = "";
    public string Kind { get; set; } = "";
    public DateTimeOffset WindowStart { get; set; }
    public DateTimeOffset WindowEnd { get; set; }
    public string? Values { get; set; }
    public int SampleSize { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
