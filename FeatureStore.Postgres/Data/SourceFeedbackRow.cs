namespace FeatureStore.Postgres.Data;

/// <summary>A row of <c>src_feedback</c>; see <see cref="FeatureStore.Core.Sources.Feedback"/>.</summary>
public sealed class SourceFeedbackRow : SourceRow
{
    public required string TenantId { get; set; }
    public required string UserId { get; set; }
    public required string ConversationId { get; set; }
    public string? MessageId { get; set; }
    public int Satisfaction { get; set; }
    public DateTimeOffset GivenAt { get; set; }
}
