namespace FeatureStore.Postgres.Data;

/// <summary>A row of <c>ai_drift_reports</c>: one check of one subject in one window, with its scores and its plot.</summary>
public sealed class DriftReportRow
{
    public Guid Id { get; set; }
    public string Feature { get; set; } = "";
    public string Check { get; set; } = "";
    public string EntityType { get; set; } = "";
    public int? ValueLine { get; set; }
    public string? Version { get; set; }
    public DateTimeOffset WindowStart { get; set; }
    public DateTimeOffset WindowEnd { get; set; }
    public string Status { get; set; } = "";
    public Guid? BaselineId { get; set; }
    public string Tests { get; set; } = "[]";
    public string Contributions { get; set; } = "[]";
    public string? Statistics { get; set; }
    public string? Details { get; set; }
    public string? PlotSvg { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
