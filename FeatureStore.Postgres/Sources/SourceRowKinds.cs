using FeatureStore.Core.Sources;
using Npgsql;
using NpgsqlTypes;

namespace FeatureStore.Postgres.Sources;

/// <summary>Every kind of source row, and how one row of each is written in binary COPY.</summary>
internal static class SourceRowKinds
{
    public static SourceRowKind Tenants { get; } = new SourceRowKind<Tenant>(
        "src_tenants", "id, name, time_zone, opens_at, closes_at, language", b => b.Tenants, t => t.Id, WriteTenantAsync);

    public static SourceRowKind Users { get; } = new SourceRowKind<User>(
        "src_users", "id, tenant_id, preferred_language, preferences", b => b.Users, u => u.Id, WriteUserAsync);

    public static SourceRowKind Conversations { get; } = new SourceRowKind<Conversation>(
        "src_conversations", "id, tenant_id, user_id, started_at, channel", b => b.Conversations, c => c.Id, WriteConversationAsync);

    public static SourceRowKind Messages { get; } = new SourceRowKind<Message>(
        "src_messages", "id, conversation_id, tenant_id, user_id, role, text, sent_at, response_time_ms, intent, language", b => b.Messages, m => m.Id, WriteMessageAsync);

    public static SourceRowKind Feedback { get; } = new SourceRowKind<Feedback>(
        "src_feedback", "id, tenant_id, user_id, conversation_id, message_id, satisfaction, given_at", b => b.Feedback, f => f.Id, WriteFeedbackAsync);

    public static SourceRowKind Bookings { get; } = new SourceRowKind<Booking>(
        "src_bookings", "id, tenant_id, user_id, conversation_id, booked_at, scheduled_for, service", b => b.Bookings, b => b.Id, WriteBookingAsync);

    public static SourceRowKind AnalyticsEvents { get; } = new SourceRowKind<AnalyticsEvent>(
        "src_analytics_events", "id, tenant_id, user_id, kind, occurred_at, properties", b => b.AnalyticsEvents, e => e.Id, WriteEventAsync);

    /// <summary>Every kind, parents first.</summary>
    public static IReadOnlyList<SourceRowKind> All { get; } = [Tenants, Users, Conversations, Messages, Feedback, Bookings, AnalyticsEvents];

    private static async Task WriteTenantAsync(NpgsqlBinaryImporter copy, Tenant tenant, CancellationToken cancellationToken)
    {
        await copy.WriteAsync(tenant.Id, NpgsqlDbType.Text, cancellationToken);
        await copy.WriteAsync(tenant.Name, NpgsqlDbType.Text, cancellationToken);
        await copy.WriteAsync(tenant.TimeZone, NpgsqlDbType.Text, cancellationToken);
        await copy.WriteAsync(tenant.OpensAt, NpgsqlDbType.Time, cancellationToken);
        await copy.WriteAsync(tenant.ClosesAt, NpgsqlDbType.Time, cancellationToken);
        await copy.WriteAsync(tenant.Language, NpgsqlDbType.Text, cancellationToken);
    }

    private static async Task WriteUserAsync(NpgsqlBinaryImporter copy, User user, CancellationToken cancellationToken)
    {
        await copy.WriteAsync(user.Id, NpgsqlDbType.Text, cancellationToken);
        await copy.WriteAsync(user.TenantId, NpgsqlDbType.Text, cancellationToken);
        await copy.WriteAsync(user.PreferredLanguage, NpgsqlDbType.Text, cancellationToken);
        await copy.WriteAsync(user.PreferencesJson, NpgsqlDbType.Jsonb, cancellationToken);
    }

    private static async Task WriteConversationAsync(NpgsqlBinaryImporter copy, Conversation conversation, CancellationToken cancellationToken)
    {
        await copy.WriteAsync(conversation.Id, NpgsqlDbType.Text, cancellationToken);
        await copy.WriteAsync(conversation.TenantId, NpgsqlDbType.Text, cancellationToken);
        await copy.WriteAsync(conversation.UserId, NpgsqlDbType.Text, cancellationToken);
        await copy.WriteAsync(conversation.StartedAt.ToUniversalTime(), NpgsqlDbType.TimestampTz, cancellationToken);
        await copy.WriteAsync(conversation.Channel, NpgsqlDbType.Text, cancellationToken);
    }

    private static async Task WriteMessageAsync(NpgsqlBinaryImporter copy, Message message, CancellationToken cancellationToken)
    {
        await copy.WriteAsync(message.Id, NpgsqlDbType.Text, cancellationToken);
        await copy.WriteAsync(message.ConversationId, NpgsqlDbType.Text, cancellationToken);
        await copy.WriteAsync(message.TenantId, NpgsqlDbType.Text, cancellationToken);
        await copy.WriteAsync(message.UserId, NpgsqlDbType.Text, cancellationToken);
        await copy.WriteAsync(message.Role.ToWireName(), NpgsqlDbType.Text, cancellationToken);
        await copy.WriteAsync(message.Text, NpgsqlDbType.Text, cancellationToken);
        await copy.WriteAsync(message.SentAt.ToUniversalTime(), NpgsqlDbType.TimestampTz, cancellationToken);
        await WriteNullableAsync(copy, message.ResponseTimeMs, NpgsqlDbType.Integer, cancellationToken);
        await WriteNullableAsync(copy, message.Intent, NpgsqlDbType.Text, cancellationToken);
        await copy.WriteAsync(message.Language, NpgsqlDbType.Text, cancellationToken);
    }

    private static async Task WriteFeedbackAsync(NpgsqlBinaryImporter copy, Feedback feedback, CancellationToken cancellationToken)
    {
        await copy.WriteAsync(feedback.Id, NpgsqlDbType.Text, cancellationToken);
        await copy.WriteAsync(feedback.TenantId, NpgsqlDbType.Text, cancellationToken);
        await copy.WriteAsync(feedback.UserId, NpgsqlDbType.Text, cancellationToken);
        await copy.WriteAsync(feedback.ConversationId, NpgsqlDbType.Text, cancellationToken);
        await WriteNullableAsync(copy, feedback.MessageId, NpgsqlDbType.Text, cancellationToken);
        await copy.WriteAsync(feedback.Satisfaction, NpgsqlDbType.Integer, cancellationToken);
        await copy.WriteAsync(feedback.GivenAt.ToUniversalTime(), NpgsqlDbType.TimestampTz, cancellationToken);
    }

    private static async Task WriteBookingAsync(NpgsqlBinaryImporter copy, Booking booking, CancellationToken cancellationToken)
    {
        await copy.WriteAsync(booking.Id, NpgsqlDbType.Text, cancellationToken);
        await copy.WriteAsync(booking.TenantId, NpgsqlDbType.Text, cancellationToken);
        await copy.WriteAsync(booking.UserId, NpgsqlDbType.Text, cancellationToken);
        await WriteNullableAsync(copy, booking.ConversationId, NpgsqlDbType.Text, cancellationToken);
        await copy.WriteAsync(booking.BookedAt.ToUniversalTime(), NpgsqlDbType.TimestampTz, cancellationToken);
        await copy.WriteAsync(booking.ScheduledFor.ToUniversalTime(), NpgsqlDbType.TimestampTz, cancellationToken);
        await copy.WriteAsync(booking.Service, NpgsqlDbType.Text, cancellationToken);
    }

    private static async Task WriteEventAsync(NpgsqlBinaryImporter copy, AnalyticsEvent analyticsEvent, CancellationToken cancellationToken)
    {
        await copy.WriteAsync(analyticsEvent.Id, NpgsqlDbType.Text, cancellationToken);
        await copy.WriteAsync(analyticsEvent.TenantId, NpgsqlDbType.Text, cancellationToken);
        await WriteNullableAsync(copy, analyticsEvent.UserId, NpgsqlDbType.Text, cancellationToken);
        await copy.WriteAsync(analyticsEvent.Kind, NpgsqlDbType.Text, cancellationToken);
        await copy.WriteAsync(analyticsEvent.OccurredAt.ToUniversalTime(), NpgsqlDbType.TimestampTz, cancellationToken);
        await copy.WriteAsync(analyticsEvent.PropertiesJson, NpgsqlDbType.Jsonb, cancellationToken);
    }

    private static Task WriteNullableAsync<T>(NpgsqlBinaryImporter copy, T? value, NpgsqlDbType type, CancellationToken cancellationToken)
        where T : struct =>
        value is { } present ? copy.WriteAsync(present, type, cancellationToken) : copy.WriteNullAsync(cancellationToken);

    private static Task WriteNullableAsync(NpgsqlBinaryImporter copy, string? value, NpgsqlDbType type, CancellationToken cancellationToken) =>
        value is not null ? copy.WriteAsync(value, type, cancellationToken) : copy.WriteNullAsync(cancellationToken);
}
