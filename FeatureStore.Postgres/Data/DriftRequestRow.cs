namespace FeatureStore.Postgres.Data;

/// <summary>A row of <c>ai_drift_requests</c>: a drift check to run (scheduled or asked for), claimed by one drift worker at a time.</summary>
public sealed class DriftRequestRow
{
    public Guid Id { get; set; }
    public string Kind { get; set; } = "";
    public string[] Features { get; set; } = [];
    public DateTimeOffset? WindowEnd { get; set; }
    public string Status { get; set; } = "";
    public string RequestedBy { get; set; } = "";
    public DateTimeOffset RequestedAt { get; set; }
    public string? ClaimedBy { get; set; }
    public DateTimeOffset? ClaimedUntil { get; set; }
    public int Attempts { get; set; }
    public DateTimeOffset? CompletedAt { get; set; }
    public string? Failure { get; set; }
}
