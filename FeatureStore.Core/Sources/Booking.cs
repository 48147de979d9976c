namespace FeatureStore.Core.Sources;

/// <summary>A booking (appointment) a user made with a tenant (<c>src_bookings</c>).</summary>
/// <param name="Id">The row id, e.g. <c>b0000034</c>.</param>
/// <param name="TenantId">The tenant.</param>
/// <param name="UserId">The user.</param>
/// <param name="ConversationId">The conversation that led to it, or null when it was made elsewhere (phone, front desk).</param>
/// <param name="BookedAt">When it was made.</param>
/// <param name="ScheduledFor">When the appointment is.</param>
/// <param name="Service">What was booked, in the tenant's language.</param>
public sealed record Booking(string Id, string TenantId, string UserId, string? ConversationId, DateTimeOffset BookedAt, DateTimeOffset ScheduledFor, string Service);
