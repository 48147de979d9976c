namespace FeatureStore.Postgres.Data;

/// <summary>A row of <c>src_conversations</c>; see <see cref="FeatureStore.Core.Sources.Conversation"/>.</summary>
public sealed class SourceConversationRow : SourceRow
{
    public required string TenantId { get; set; }
    public required string UserId { get; set; }
    public DateTimeOffset StartedAt { get; set; }
    public required string Channel { get; set; }
}
