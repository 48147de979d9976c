namespace FeatureStore.Postgres.Data;

/// <summary>A row of <c>src_bookings</c>; see <see cref="FeatureStore.Core.Sources.Booking"/>.</summary>
public sealed class SourceBookingRow : SourceRow
{
    public required string TenantId { get; set; }
    public required string UserId { get; set; }
    public string? ConversationId { get; set; }
    public DateTimeOffset BookedAt { get; set; }
    public DateTimeOffset ScheduledFor { get; set; }
    public required string Service { get; set; }
}
