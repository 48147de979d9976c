namespace FeatureStore.Postgres.Data;

/// <summary>A row of <c>ai_computation_work_items</c>: entities of one job that one replica computes at a time.</summary>
public sealed class WorkItemRow
{
    public long Id { get; set; }
    public Guid JobId { get; set; }
    public string EntityType { get; set; } = "";
    public string[] EntityIds { get; set; } = [];
    public string Status { get; set; } = "";
    public string? ClaimedBy { get; set; }
    public DateTimeOffset? ClaimedUntil { get; set; }
    public int Attempts { get; set; }
    public int Entities { get; set; }
    public int Errors { get; set; }
    public string? Failure { get; set; }
    public DateTimeOffset? CompletedAt { get; set; }
}
