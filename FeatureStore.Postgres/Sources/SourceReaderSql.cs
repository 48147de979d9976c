namespace FeatureStore.Postgres.Sources;

/// <summary>
/// The source reader's SQL, spelled out. Entity ids arrive as one <c>text[]</c> and are matched
/// with <c>= ANY</c>, so any number of entities costs one statement per source, never one per
/// entity; each entity column leads an index (<c>idx_src_*_tenant</c>, <c>_user</c>,
/// <c>_conversation</c>, or the primary key) except <c>src_bookings.conversation_id</c>.
/// </summary>
internal static class SourceReaderSql
{
    /// <summary>
    /// The rows of one source naming any of the entities in <c>$1</c>: the entity column first
    /// (as <c>entity_id</c>, so it never clashes with the row's own <c>id</c>), then the row's
    /// columns; by event time, then id.
    /// </summary>
    public static string Load(ReadableSource source, string entityColumn) => $"""
        SELECT {entityColumn} AS entity_id, {source.Kind.Columns}
        FROM {source.Kind.Table}
        WHERE {entityColumn} = ANY($1)
        ORDER BY {source.EventTime}, id
        """;

    /// <summary>
    /// A message entity's messages: itself and the messages of its conversation sent up to then
    /// (its context, for features such as the previous intent); one <c>idx_src_messages_conversation</c> range per entity.
    /// </summary>
    public static string MessageContext { get; } = $"""
        SELECT m.id AS entity_id, {Aliased("c", SourceRowKinds.Messages.Columns)}
        FROM src_messages m JOIN src_messages c ON c.conversation_id = m.conversation_id AND c.sent_at <= m.sent_at
        WHERE m.id = ANY($1)
        ORDER BY c.sent_at, c.id
        """;

    /// <summary>A message entity's tenant row.</summary>
    public static string MessageTenant { get; } = $"""
        SELECT m.id AS entity_id, {Aliased("t", SourceRowKinds.Tenants.Columns)}
        FROM src_messages m JOIN src_tenants t ON t.id = m.tenant_id
        WHERE m.id = ANY($1)
        """;

    /// <summary>The highest <c>seq</c> of each table (0 when empty); each is one step down the <c>idx_src_*_seq</c> index.</summary>
    public const string HighWater = """
        SELECT (SELECT coalesce(max(seq), 0) FROM src_messages),
               (SELECT coalesce(max(seq), 0) FROM src_conversations),
               (SELECT coalesce(max(seq), 0) FROM src_feedback),
               (SELECT coalesce(max(seq), 0) FROM src_bookings)
        """;

    /// <summary>
    /// Entities named by rows ingested between two positions: 1. per source, the rows with
    /// <c>seq</c> in (<c>$2n-1</c>, <c>$2n</c>] (an <c>idx_src_*_seq</c> range), 2. their entity
    /// column, nulls skipped, 3. each entity once, in code-point order (the columns are <c>COLLATE "C"</c>).
    /// </summary>
    public static string Changed(IReadOnlyList<(ReadableSource Source, string Column)> reads, bool messageEntities) =>
        Distinct(reads.Select((read, i) => messageEntities && read.Source == ReadableSource.Messages
            ? InContext($"seq > ${2 * i + 1} AND seq <= ${2 * i + 2}")
            : $"SELECT {read.Column} AS entity_id FROM {read.Source.Kind.Table} WHERE seq > ${2 * i + 1} AND seq <= ${2 * i + 2} AND {read.Column} IS NOT NULL"));

    /// <summary>The messages whose context holds any message of <c>$1</c> (<see cref="InContext"/>), each once, in code-point order.</summary>
    public static string MessagesInContextOf { get; } = Distinct([InContext("id = ANY($1)")]);

    /// <summary>
    /// Messages whose context holds a message matching <paramref name="condition"/>: 1. per
    /// conversation, the earliest such message, 2. every message of the conversation sent since
    /// (an <c>idx_src_messages_conversation</c> range each), which includes the matching ones.
    /// </summary>
    private static string InContext(string condition) =>
        "SELECT m.id AS entity_id\n" +
        $"FROM (SELECT conversation_id, min(sent_at) AS since FROM src_messages WHERE {condition} GROUP BY conversation_id) n\n" +
        "JOIN src_messages m ON m.conversation_id = n.conversation_id AND m.sent_at >= n.since";

    /// <summary>Entities named by rows of one source whose event time is in (<c>$1</c>, <c>$2</c>], each once, in code-point order.</summary>
    public static string RowsBetween(ReadableSource source, string column) =>
        Distinct([$"SELECT {column} AS entity_id FROM {source.Kind.Table} WHERE {source.EventTime} > $1 AND {source.EventTime} <= $2 AND {column} IS NOT NULL"]);

    private static string Aliased(string alias, string columns) => string.Join(", ", columns.Split(", ").Select(c => $"{alias}.{c}"));

    private static string Distinct(IEnumerable<string> selects) => $"""
        SELECT DISTINCT entity_id FROM (
            {string.Join("\n    UNION ALL\n    ", selects)}
        ) AS named
        ORDER BY entity_id
        """;
}
