namespace FeatureStore.Postgres.Data;

/// <summary>A row of <c>ai_computation_jobs</c>: a scheduled batch run or a backfill, with its progress.</summary>
public sealed class ComputationJobRow
{
    public Guid Id { get; set; }
    public string Kind { get; set; } = "";
    public string Schedule { get; set; } = "";
    public string[] Features { get; set; } = [];
    public DateTimeOffset At { get; set; }
    public DateTimeOffset? After { get; set; }
    public long MessagesSeq { get; set; }
    public long ConversationsSeq { get; set; }
    public long FeedbackSeq { get; set; }
    public long BookingsSeq { get; set; }
    public string Status { get; set; } = "";
    public int ItemsTotal { get; set; }
    public int ItemsDone { get; set; }
    public long EntitiesDone { get; set; }
    public long Errors { get; set; }
    public string RequestedBy { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? CompletedAt { get; set; }
}
