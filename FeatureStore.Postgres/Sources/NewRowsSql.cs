namespace FeatureStore.Postgres.Sources;

/// <summary>
/// The SQL of <see cref="PostgresSourceStore.WriteNewAsync"/>: 1. COPY the batch's rows of a kind
/// into a staging table shaped like the source table (same column types and collations, none of
/// its constraints, dropped at commit), 2. insert the staged rows whose id is not stored yet.
/// Rule checks (check constraints, not-null) happen at step 2, so a broken row is reported
/// against the source table as <see cref="PostgresSourceStore.WriteAsync"/> reports it.
/// </summary>
internal static class NewRowsSql
{
    public static string Staging(SourceRowKind kind) => "incoming_" + kind.Table;

    public static string CreateStaging(SourceRowKind kind) =>
        $"CREATE TEMP TABLE {Staging(kind)} ON COMMIT DROP AS SELECT {kind.Columns} FROM {kind.Table} WITH NO DATA";

    // NOT EXISTS leaves stored rows out before seq is drawn (ON CONFLICT alone draws a number for
    // every replayed row: replays would leave gaps); ON CONFLICT covers a concurrent write of the
    // same id, which this one waits for and then skips.
    public static string InsertNew(SourceRowKind kind) => $"""
        INSERT INTO {kind.Table} ({kind.Columns})
        SELECT {kind.Columns} FROM {Staging(kind)} AS incoming
        WHERE NOT EXISTS (SELECT FROM {kind.Table} AS stored WHERE stored.id = incoming.id)
        ON CONFLICT (id) DO NOTHING
        """;
}
