using FeatureStore.Core.Computation;
using Npgsql;

namespace FeatureStore.Postgres.Sources;

/// <summary>
/// A source as definitions name it (<see cref="SourceFields.Sources"/>): its rows, its event-time
/// column, its high-water in <see cref="SourcePositions"/>, and the columns that name the entities
/// its rows concern (<see cref="ComputedEntityTypes"/>): every row names a tenant and a user.
/// </summary>
internal sealed record ReadableSource(
    string Name,
    SourceRowKind Kind,
    string EventTime,
    Func<SourcePositions, long> Position,
    string ConversationColumn,
    string? MessageColumn,
    Action<NpgsqlDataReader, EntityRowLists> AddRow)
{
    public static ReadableSource Messages { get; } = new("messages", SourceRowKinds.Messages, "sent_at", p => p.Messages,
        "conversation_id", "id", (reader, rows) => rows.Messages.Add(SourceRowReaders.Message(reader)));

    public static ReadableSource Conversations { get; } = new("conversations", SourceRowKinds.Conversations, "started_at", p => p.Conversations,
        "id", null, (reader, rows) => rows.Conversations.Add(SourceRowReaders.Conversation(reader)));

    public static ReadableSource Feedback { get; } = new("feedback", SourceRowKinds.Feedback, "given_at", p => p.Feedback,
        "conversation_id", null, (reader, rows) => rows.Feedback.Add(SourceRowReaders.Feedback(reader)));

    // conversation_id is null for bookings made elsewhere (phone, front desk): they name no conversation.
    public static ReadableSource Bookings { get; } = new("bookings", SourceRowKinds.Bookings, "booked_at", p => p.Bookings,
        "conversation_id", null, (reader, rows) => rows.Bookings.Add(SourceRowReaders.Booking(reader)));

    private static readonly IReadOnlyList<ReadableSource> All = [Messages, Conversations, Feedback, Bookings];

    /// <summary>The column naming an entity of <paramref name="entityType"/>, or null when these rows name none.</summary>
    public string? ColumnFor(string entityType) => entityType switch
    {
        ComputedEntityTypes.Tenant => "tenant_id",
        ComputedEntityTypes.User => "user_id",
        ComputedEntityTypes.Conversation => ConversationColumn,
        ComputedEntityTypes.Message => MessageColumn,
        _ => null,
    };

    /// <summary>
    /// The named sources whose rows name entities of <paramref name="entityType"/>, each with the
    /// column that names them, in a fixed order and each once (a message is named by message rows only).
    /// </summary>
    /// <exception cref="ArgumentException">An unknown entity type or source.</exception>
    public static IReadOnlyList<(ReadableSource Source, string Column)> For(string entityType, IReadOnlyCollection<string> sources)
    {
        ArgumentNullException.ThrowIfNull(sources);
        if (!ComputedEntityTypes.IsKnown(entityType))
        {
            throw new ArgumentException($"unknown entity type '{entityType}'; known: {string.Join(", ", ComputedEntityTypes.All)}", nameof(entityType));
        }

        if (sources.FirstOrDefault(s => !SourceFields.Sources.Contains(s)) is { } unknown)
        {
            throw new ArgumentException($"unknown source '{unknown}'; known: {string.Join(", ", SourceFields.Sources)}", nameof(sources));
        }

        var reads = new List<(ReadableSource, string)>();
        foreach (var source in All)
        {
            if (sources.Contains(source.Name) && source.ColumnFor(entityType) is { } column)
            {
                reads.Add((source, column));
            }
        }

        return reads;
    }
}
