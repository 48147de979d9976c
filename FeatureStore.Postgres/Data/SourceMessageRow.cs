namespace FeatureStore.Postgres.Data;

/// <summary>A row of <c>src_messages</c>; see <see cref="FeatureStore.Core.Sources.Message"/>.</summary>
public sealed class SourceMessageRow : SourceRow
{
    public required string ConversationId { get; set; }
    public required string TenantId { get; set; }
    public required string UserId { get; set; }
    public required string Role { get; set; }
    public required string Text { get; set; }
    public DateTimeOffset SentAt { get; set; }
    public int? ResponseTimeMs { get; set; }
    public string? Intent { get; set; }
    public required string Language { get; set; }
}
