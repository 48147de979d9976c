using FeatureStore.Core.Sources;
using Npgsql;
using NpgsqlTypes;

namespace FeatureStore.Postgres.Sources;

/// <summary>
/// The <c>src_*</c> tables on Postgres. A write is one transaction with one binary COPY per row
/// kind that the batch holds (parents first), so a batch of any size costs seven round trips at
/// most and a bad row anywhere leaves nothing behind. <c>ingested_at</c> and <c>seq</c> are filled
/// by the database.
/// </summary>
internal sealed class PostgresSourceStore(NpgsqlDataSource dataSource) : ISourceStore
{
    private const string Tables = "src_tenants, src_users, src_conversations, src_messages, src_feedback, src_bookings, src_analytics_events";

    public async Task WriteAsync(SourceBatch batch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        if (batch.RowCount == 0)
        {
            return;
        }

        try
        {
            await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            await CopyAsync(connection, "src_tenants (id, name, time_zone, opens_at, closes_at, language)", batch.Tenants, WriteTenantAsync, cancellationToken);
            await CopyAsync(connection, "src_users (id, tenant_id, preferred_language, preferences)", batch.Users, WriteUserAsync, cancellationToken);
            await CopyAsync(connection, "src_conversations (id, tenant_id, user_id, started_at, channel)", batch.Conversations, WriteConversationAsync, cancellationToken);
            await CopyAsync(connection, "src_messages (id, conversation_id, tenant_id, user_id, role, text, sent_at, response_time_ms, intent, language)",
                batch.Messages, WriteMessageAsync, cancellationToken);
            await CopyAsync(connection, "src_feedback (id, tenant_id, user_id, conversation_id, message_id, satisfaction, given_at)", batch.Feedback, WriteFeedbackAsync, cancellationToken);
            await CopyAsync(connection, "src_bookings (id, tenant_id, user_id, conversation_id, booked_at, scheduled_for, service)", batch.Bookings, WriteBookingAsync, cancellationToken);
            await CopyAsync(connection, "src_analytics_events (id, tenant_id, user_id, kind, occurred_at, properties)", batch.AnalyticsEvents, WriteEventAsync, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (PostgresException failure) when (Translate(failure) is { } translated)
        {
            throw translated;
        }
    }

    public async Task<SourceCounts> CountAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var command = dataSource.CreateCommand("""
                SELECT (SELECT count(*) FROM src_tenants), (SELECT count(*) FROM src_users), (SELECT count(*) FROM src_conversations),
                       (SELECT count(*) FROM src_messages), (SELECT count(*) FROM src_feedback), (SELECT count(*) FROM src_bookings),
                       (SELECT count(*) FROM src_analytics_events)
                """);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            await reader.ReadAsync(cancellationToken);
            return new SourceCounts(reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3), reader.GetInt64(4), reader.GetInt64(5), reader.GetInt64(6));
        }
        catch (PostgresException failure) when (Translate(failure) is { } translated)
        {
            throw translated;
        }
    }

    public async Task DeleteAllAsync(CancellationToken cancellationToken)
    {
        try
        {
            // No RESTART IDENTITY: seq keeps growing, so incremental runs never see an old number again.
            await using var command = dataSource.CreateCommand($"TRUNCATE {Tables}");
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        catch (PostgresException failure) when (Translate(failure) is { } translated)
        {
            throw translated;
        }
    }

    private static async Task CopyAsync<T>(NpgsqlConnection connection, string target, IReadOnlyList<T> rows,
        Func<NpgsqlBinaryImporter, T, CancellationToken, Task> write, CancellationToken cancellationToken)
    {
        if (rows.Count == 0)
        {
            return;
        }

        await using var copy = await connection.BeginBinaryImportAsync($"COPY {target} FROM STDIN (FORMAT BINARY)", cancellationToken);
        foreach (var row in rows)
        {
            await copy.StartRowAsync(cancellationToken);
            await write(copy, row, cancellationToken);
        }

        await copy.CompleteAsync(cancellationToken);
    }

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

    // Broken rows (class 23: unique, check, not-null; class 22: malformed data such as bad JSON)
    // are the caller's to fix; missing tables mean the schema has not been migrated yet.
    private static Exception? Translate(PostgresException failure) => failure.SqlState switch
    {
        PostgresErrorCodes.UndefinedTable => new InvalidOperationException(
            $"the source tables do not exist ({failure.MessageText}): the schema is not migrated yet; FeatureStore.Compute applies the migrations at start-up (dotnet run --project FeatureStore.AppHost)", failure),
        ['2', '3', ..] or ['2', '2', ..] => new InvalidSourceRowsException(failure.TableName ?? "source tables", failure.ConstraintName ?? failure.SqlState, failure.MessageText + (failure.Detail is { } detail ? ": " + detail : "")),
        _ => null,
    };
}
