using FeatureStore.Core.Sources;
using Npgsql;

namespace FeatureStore.Postgres.Sources;

/// <summary>
/// Source rows from a reader positioned on a <see cref="SourceReaderSql.Load"/> row: column 0 is
/// the entity the row was read for, the row's own columns follow in
/// <see cref="SourceRowKind.Columns"/> order.
/// </summary>
internal static class SourceRowReaders
{
    public static Message Message(NpgsqlDataReader reader) => new(
        reader.GetString(1),
        reader.GetString(2),
        reader.GetString(3),
        reader.GetString(4),
        Role(reader.GetString(5)),
        reader.GetString(6),
        reader.GetFieldValue<DateTimeOffset>(7),
        reader.IsDBNull(8) ? null : reader.GetInt32(8),
        reader.IsDBNull(9) ? null : reader.GetString(9),
        reader.GetString(10));

    public static Tenant Tenant(NpgsqlDataReader reader) => new(
        reader.GetString(1),
        reader.GetString(2),
        reader.GetString(3),
        reader.GetFieldValue<TimeOnly>(4),
        reader.GetFieldValue<TimeOnly>(5),
        reader.GetString(6));

    public static Conversation Conversation(NpgsqlDataReader reader) => new(
        reader.GetString(1),
        reader.GetString(2),
        reader.GetString(3),
        reader.GetFieldValue<DateTimeOffset>(4),
        reader.GetString(5));

    public static Feedback Feedback(NpgsqlDataReader reader) => new(
        reader.GetString(1),
        reader.GetString(2),
        reader.GetString(3),
        reader.GetString(4),
        reader.IsDBNull(5) ? null : reader.GetString(5),
        reader.GetInt32(6),
        reader.GetFieldValue<DateTimeOffset>(7));

    public static Booking Booking(NpgsqlDataReader reader) => new(
        reader.GetString(1),
        reader.GetString(2),
        reader.GetString(3),
        reader.IsDBNull(4) ? null : reader.GetString(4),
        reader.GetFieldValue<DateTimeOffset>(5),
        reader.GetFieldValue<DateTimeOffset>(6),
        reader.GetString(7));

    // ck_src_messages_role admits nothing else, so another value means the schema changed under us.
    private static MessageRole Role(string wireName) => MessageRoles.TryParse(wireName, out var role)
        ? role.Value
        : throw new InvalidOperationException($"src_messages holds role '{wireName}', which is neither '{MessageRoles.User}' nor '{MessageRoles.Assistant}'");
}
