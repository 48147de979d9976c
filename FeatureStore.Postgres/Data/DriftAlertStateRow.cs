namespace FeatureStore.Postgres.Data;

/// <summary>A row of <c>ai_drift_alert_state</c>: the status remembered for an alert subject and check, so an alert fires once per episode.</summary>
public sealed class DriftAlertStateRow
{
    public string Subject { get; set; } = "";
    public string Check { get; set; } = "";
    public string? Status { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}
