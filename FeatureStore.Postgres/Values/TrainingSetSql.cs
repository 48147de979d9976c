namespace FeatureStore.Postgres.Values;

/// <summary>
/// The streaming export's SQL, spelled out. Reads are binary COPYs (<see cref="BinaryCopy"/>), and COPY takes no
/// bind parameters: each read's values are set first as transaction-local settings, from bind parameters, and the
/// query reads them back, so nothing from a request ever becomes SQL text.
/// </summary>
internal static class TrainingSetSql
{
    /// <summary>The staged spine: ids in code-point order, like the lookup index's.</summary>
    public const string CreateSpine = """
        DROP TABLE IF EXISTS pg_temp.fs_spine;
        CREATE TEMP TABLE fs_spine (entity_id text COLLATE "C" NOT NULL, ts timestamptz NOT NULL)
        """;

    public const string CopySpineIn = "COPY fs_spine (entity_id, ts) FROM STDIN (FORMAT BINARY)";

    public const string DropSpine = "DROP TABLE IF EXISTS pg_temp.fs_spine";

    /// <summary>The spine back in merge order (Postgres sorts it, spilling to disk when large).</summary>
    public const string CopySpineOut = "COPY (SELECT entity_id, ts FROM fs_spine ORDER BY entity_id, ts) TO STDOUT (FORMAT BINARY)";

    /// <summary>
    /// Before a history read, in its transaction: 1. walk the lookup index in its order, as the planner would
    /// rather bitmap-scan and sort (on disk, per line), which costs more than the scan itself (sorting stays on for
    /// <see cref="CopyListedHistoryOut"/>, whose few rows are sorted); no JIT, which compiles for longer than a plain
    /// scan runs. 2. The read's values (see <see cref="CopyHistoryOut"/>); the entities as a text[] literal, which
    /// Postgres writes itself from the array parameter, quoting included.
    /// </summary>
    public const string SetHistoryParameters = """
        SELECT set_config('enable_bitmapscan', 'off', true), set_config('enable_sort', @enable_sort, true), set_config('jit', 'off', true),
               set_config('featurestore.export_feature', @feature, true), set_config('featurestore.export_line', @line, true),
               set_config('featurestore.export_entity_type', @entity_type, true),
               set_config('featurestore.export_min_entity', @min_entity, true), set_config('featurestore.export_max_entity', @max_entity, true),
               set_config('featurestore.export_until', @until, true), set_config('featurestore.export_entities', @entities::text, true)
        """;

    /// <summary>
    /// One value line's history for the spine: 1. the line's rows of the spine's entity range, 2. none valid only
    /// after the spine's last timestamp (no row can be given them; a condition on the index, so those rows are
    /// skipped without reading the table), 3. in the lookup index's order: entity, then validFrom.
    /// </summary>
    public const string CopyHistoryOut =
        LineHistory + "  AND entity_id BETWEEN current_setting('featurestore.export_min_entity') AND current_setting('featurestore.export_max_entity')\n" + InMergeOrder;

    /// <summary>
    /// The same for a spine of few entities: only their rows, one index probe per entity, sorted afterwards (a
    /// small spine over a large id range would otherwise read every row of the range).
    /// </summary>
    public const string CopyListedHistoryOut =
        LineHistory + "  AND entity_id = ANY (current_setting('featurestore.export_entities')::text[])\n" + InMergeOrder;

    /// <summary>
    /// A value line's whole history, in the lookup index's order, for the export to keep (<see cref="HistorySnapshots"/>):
    /// no entity range and no last instant, so any later spine can be given its rows.
    /// </summary>
    public const string CopyLineOut = LineRows + InMergeOrder;

    /// <summary>
    /// The line's write marks (<see cref="OfflineSql.MarkLines"/>): every stripe's last writer and the stripes' last
    /// unlogged writers with their counts (<see cref="UnloggedRanges"/>), each as one text compared as a whole, and the transaction's snapshot. Read in the same
    /// repeatable-read transaction as <see cref="CopyLineOut"/>, they name the writes that read saw.
    /// </summary>
    public const string LineMarks = """
        SELECT coalesce(string_agg(stripe::text || ':' || written_by::text, ',' ORDER BY stripe), ''),
               coalesce(string_agg(stripe::text || ':' || unlogged_by::text || ':' || unlogged_writes::text, ',' ORDER BY stripe) FILTER (WHERE unlogged_by <> 0), ''),
               pg_current_snapshot()::text
        FROM ai_feature_line_writes
        WHERE feature_id = @feature AND version_major = @line AND entity_type = @entity_type
        """;

    /// <summary>
    /// The entities of the line whose last logged writer a kept copy's snapshot (@kept) did not see, in the history's
    /// order; one more than @limit says there are too many to patch. @kept is parsed once, in sub-selects, whatever
    /// plan Postgres uses (see <see cref="EntitiesWithRowsChangedSince"/>).
    /// </summary>
    public const string ChangedEntities = LoggedChangesUnseen + """
        ORDER BY entity_id
        LIMIT @limit + 1
        """;

    // The line's logged entities whose last writer @kept did not see.
    private const string LoggedChangesUnseen = """
        SELECT entity_id
        FROM ai_feature_line_changes
        WHERE feature_id = @feature AND version_major = @line AND entity_type = @entity_type
          AND written_by >= (SELECT pg_snapshot_xmin(@kept::pg_snapshot)::text::bigint)
          AND NOT pg_visible_in_snapshot(written_by::text::xid8, (SELECT @kept::pg_snapshot))

        """;

    // A row v of the line whose writer @kept did not see (see EntitiesWithRowsChangedSince); after a WHERE clause.
    private const string RowUnseen = """
          AND age(v.xmin) <= (SELECT age((pg_snapshot_xmin(@kept::pg_snapshot)::text::bigint % 4294967296)::text::xid))
          AND NOT pg_visible_in_snapshot(
                ((SELECT pg_snapshot_xmin(@kept::pg_snapshot)::text::bigint)
                  + (v.xmin::text::bigint - (SELECT pg_snapshot_xmin(@kept::pg_snapshot)::text::bigint % 4294967296) + 4294967296) % 4294967296)::text::xid8,
                (SELECT @kept::pg_snapshot))

        """;

    /// <summary>
    /// The entities of the line with a row written since a kept copy's snapshot (@kept) by a writer it did not see, in
    /// the history's order; one more than @limit says there are too many to patch. For a kept copy an unlogged write
    /// came after: the changes log does not name its entities, the rows' versions do. Every write of a row (an
    /// insert, a correction, a re-chained valid_to) gives it its writer's id as xmin, and history rows are never
    /// deleted, so a changed entity has at least one such row. xmin is a 32-bit id: age() (modulo 2^32, from the next
    /// id) keeps the rows written at or after the snapshot's xmin, which are then widened to 64 bits from it and
    /// checked against the snapshot. That holds while fewer than 2^31 ids have passed since
    /// (<see cref="HistorySnapshots.PatchWithinTransactions"/>); an older row that wraps round can only be taken for a
    /// new one, which costs a re-read of that entity, never a missed change. One scan of the line's rows in Postgres,
    /// none sent: about a quarter of reading the line whole. What depends on @kept alone is a sub-select (an init
    /// plan, computed once): Npgsql prepares a statement run often, and after five runs Postgres may switch to a
    /// generic plan, which would parse @kept again for every row (2.3x the scan's time, measured).
    /// </summary>
    public const string EntitiesWithRowsChangedSince = """
        SELECT v.entity_id
        FROM ai_feature_values_offline v
        WHERE v.feature_id = @feature AND v.version_major = @line AND v.entity_type = @entity_type

        """ + RowUnseen + """
        GROUP BY v.entity_id
        ORDER BY v.entity_id
        LIMIT @limit + 1
        """;

    /// <summary>Every stripe of the line with an unlogged mark: its writer, count and entity range (<see cref="UnloggedRanges"/>).</summary>
    public const string LineRanges = """
        SELECT stripe, unlogged_by, unlogged_writes, range_after, unlogged_low, unlogged_high
        FROM ai_feature_line_writes
        WHERE feature_id = @feature AND version_major = @line AND entity_type = @entity_type AND unlogged_by <> 0
        """;

    /// <summary>
    /// The entities a kept copy did not see change, when the unlogged writes since it are known to have changed only
    /// entities within some ranges (@lows, @highs, disjoint; <see cref="UnloggedRanges"/>): those named by the changes
    /// log, and those with a row in the ranges by a writer it did not see (the test of
    /// <see cref="EntitiesWithRowsChangedSince"/>, on the ranges' rows alone). In the history's order; one more than
    /// @limit says there are too many to patch.
    /// </summary>
    public const string EntitiesChangedSinceWithin = "SELECT entity_id FROM (\n" + LoggedChangesUnseen + """
        UNION
        SELECT v.entity_id
        FROM unnest(@lows::text[], @highs::text[]) AS r(low, high)
        CROSS JOIN LATERAL (
            SELECT v.entity_id
            FROM ai_feature_values_offline v
            WHERE v.feature_id = @feature AND v.version_major = @line AND v.entity_type = @entity_type
              AND v.entity_id BETWEEN (r.low COLLATE "C") AND (r.high COLLATE "C")

        """ + RowUnseen + """
            OFFSET 0) v) c
        ORDER BY entity_id
        LIMIT @limit + 1
        """;

    /// <summary>The whole history of some entities of a line (those a kept copy is patched with), in the lookup index's order.</summary>
    public const string CopyListedLineOut =
        LineRows + "  AND entity_id = ANY (current_setting('featurestore.export_entities')::text[])\n" + InMergeOrder;

    private const string LineRows = """
        COPY (
            SELECT entity_id, valid_from, value
            FROM ai_feature_values_offline
            WHERE feature_id = current_setting('featurestore.export_feature')::uuid
              AND version_major = current_setting('featurestore.export_line')::int
              AND entity_type = current_setting('featurestore.export_entity_type')

        """;

    private const string LineHistory = LineRows + """
              AND valid_from <= current_setting('featurestore.export_until')::timestamptz

        """;

    private const string InMergeOrder = """
            ORDER BY entity_id, valid_from
        ) TO STDOUT (FORMAT BINARY)
        """;
}
