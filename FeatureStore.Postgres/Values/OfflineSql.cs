namespace FeatureStore.Postgres.Values;

/// <summary>
/// The offline store's SQL, spelled out. Keys arrive as parallel arrays and are expanded with
/// unnest, so any number of values costs one statement, never one per row.
/// </summary>
internal static class OfflineSql
{
    /// <summary>
    /// Serializes writers of the same entities: the writer sends the distinct <see cref="Core.Values.EntityStripes"/> of
    /// its keys, and takes their transaction locks in ascending order (no deadlocks) before touching rows, so two
    /// batches never re-chain or refresh the same key from different snapshots. Work items are cut at stripe
    /// boundaries, so replicas working a job's items never wait for each other here.
    /// </summary>
    public const string LockStripes = """
        SELECT pg_advisory_xact_lock(1718812672 + stripe) -- 0x66730000 ("fs" and a stripe)
        FROM unnest(@stripes) AS s(stripe)
        ORDER BY stripe
        """;

    /// <summary>
    /// A write that changes at most this many entities of a line names them in <c>ai_feature_line_changes</c>, so an
    /// export that kept the line re-reads only theirs; a larger one (a batch item) only marks its stripes unlogged,
    /// and the line is read again whole.
    /// </summary>
    public const int LogChangesUpTo = 1_000;

    /// <summary>
    /// Marks each (value line, entity stripe) whose history this write changed with the writing transaction's id
    /// (sent distinct: a row may be updated once per statement), and, for lines written with few entities
    /// (@logged), records each of those entities' last writer; lines written with many get the id as their stripes'
    /// unlogged_by instead, counted in unlogged_writes, with the lowest and highest of its entities in the stripe
    /// (@lows, @highs) widening the stripe's range (a new range every <see cref="RangeWrites"/> writes; one
    /// transaction marking a stripe again is counted once). The export keeps whole lines in memory (<see cref="HistorySnapshots"/>) and reuses one
    /// while the line's marks are those it was read with: a transaction's id is unique, so any write committed since
    /// changes them; while only the unlogged marks are unchanged, it patches in the logged entities its copy did
    /// not see. Run after <see cref="LockStripes"/>: a mark is only ever updated by writers that wait for each
    /// other's stripes anyway, and so is an entity's change row.
    /// </summary>
    public const string MarkLines = """
        WITH marks AS (
            INSERT INTO ai_feature_line_writes AS m (feature_id, version_major, entity_type, stripe, written_by, unlogged_by,
                                                    unlogged_writes, range_after, unlogged_low, unlogged_high, written_at)
            SELECT feature_id, line, entity_type, stripe, pg_current_xact_id()::text::bigint,
                   CASE WHEN logged THEN 0 ELSE pg_current_xact_id()::text::bigint END, CASE WHEN logged THEN 0 ELSE 1 END, 0, low, high, now()
            FROM unnest(@feature_ids, @lines, @entity_types, @stripes, @logged, @lows, @highs) AS m(feature_id, line, entity_type, stripe, logged, low, high)
            ON CONFLICT (feature_id, version_major, entity_type, stripe)
            DO UPDATE SET written_by = EXCLUDED.written_by, written_at = EXCLUDED.written_at,
                          unlogged_by = CASE WHEN EXCLUDED.unlogged_by = 0 THEN m.unlogged_by ELSE EXCLUDED.unlogged_by END,
                          unlogged_writes = CASE WHEN EXCLUDED.unlogged_by IN (0, m.unlogged_by) THEN m.unlogged_writes ELSE m.unlogged_writes + 1 END,
                          range_after = CASE WHEN EXCLUDED.unlogged_by IN (0, m.unlogged_by) THEN m.range_after
                                             WHEN m.unlogged_writes - m.range_after >= @range_writes THEN m.unlogged_writes
                                             ELSE m.range_after END,
                          unlogged_low = CASE WHEN EXCLUDED.unlogged_by = 0 THEN m.unlogged_low
                                              WHEN EXCLUDED.unlogged_by <> m.unlogged_by AND m.unlogged_writes - m.range_after >= @range_writes THEN EXCLUDED.unlogged_low
                                              ELSE least(m.unlogged_low, EXCLUDED.unlogged_low) END,
                          unlogged_high = CASE WHEN EXCLUDED.unlogged_by = 0 THEN m.unlogged_high
                                               WHEN EXCLUDED.unlogged_by <> m.unlogged_by AND m.unlogged_writes - m.range_after >= @range_writes THEN EXCLUDED.unlogged_high
                                               ELSE greatest(m.unlogged_high, EXCLUDED.unlogged_high) END
            RETURNING 1)
        INSERT INTO ai_feature_line_changes AS c (feature_id, version_major, entity_type, entity_id, written_by)
        SELECT feature_id, line, entity_type, entity_id, pg_current_xact_id()::text::bigint
        FROM unnest(@changed_feature_ids, @changed_lines, @changed_entity_types, @changed_entity_ids) AS c(feature_id, line, entity_type, entity_id)
        ON CONFLICT (feature_id, version_major, entity_type, entity_id) DO UPDATE SET written_by = EXCLUDED.written_by
        """;

    /// <summary>
    /// How many unlogged writes of a stripe share one entity range (<see cref="Data.LineWriteRow.RangeAfter"/>): the
    /// next starts a new range, so a range stays about as wide as a few writes' entities. An export whose copy is
    /// older than the range scans the whole line instead.
    /// </summary>
    public const int RangeWrites = 16;

    /// <summary>
    /// The end of every upsert into the online copy (<see cref="Upsert"/>'s hand-off, <see cref="RefreshOnline"/>):
    /// a key's row is replaced only by a value from the same instant or later (the online copy only moves forward;
    /// a row from before valid_from was kept has none), and the rows written are returned.
    /// </summary>
    private const string OnlineMovesForward = """
                ON CONFLICT (feature_id, version_major, entity_type, entity_id)
                DO UPDATE SET version = EXCLUDED.version, value = EXCLUDED.value, valid_from = EXCLUDED.valid_from,
                              computed_at = EXCLUDED.computed_at, expires_at = EXCLUDED.expires_at
                WHERE n.valid_from IS NULL OR n.valid_from <= EXCLUDED.valid_from
                RETURNING n.feature_id, n.version_major, n.entity_type, n.entity_id, n.version, n.value, n.valid_from, n.computed_at

        """;

    /// <summary>
    /// Writes the batch (sent sorted by key, then valid_from) and hands the online copy the values that became
    /// current: 1. expand it, each value parsed to jsonb once (OFFSET 0 keeps the parse from being repeated where
    /// the value is used); 2. one backwards probe per value on the lookup index for the key's latest row: a value after
    /// it (a key's new latest value, as a batch computation writes, or a new key) needs no other look at the history,
    /// since nothing is at or after it and the latest row is the one before it; only a value at or before the latest row
    /// (a rewrite or a backfill) is then placed by a forwards probe from its valid_from: the row at that instant if
    /// there is one, else the key's next row; 3. a value equal to the row already at its instant is left
    /// out (an idempotent re-run writes nothing: no dead tuples, no index entries, computed_at kept); 4. a new
    /// instant is inserted already closed, valid_to = the next instant of the key in the batch (@next_in_batch,
    /// worked out by the caller) or in the table, whichever comes first, so a row is written once; with no row of
    /// the key at or after it, nothing can conflict, so it is a plain insert (no ON CONFLICT pre-check); 5. a
    /// changed value at an existing instant replaces it (corrections; its interval does not move); 6. the interval
    /// a key's first written value lands in is closed at it: the key's previous row (the latest row, or for a value
    /// written into the past one more backwards probe), whose
    /// valid_to becomes that value's valid_from (the row is older than every value of the key in the batch, so no
    /// other part of the statement touches it; the key's later values in the batch, between which the table may
    /// hold rows, are re-chained by <see cref="Rechain"/>, which the caller runs for them alone); 7. a key's last
    /// value in the batch with no row of the key at or after it is the key's current value now: the online copy
    /// takes it from here (the first write of a key, or a new latest value), with no probe of the history, and
    /// only moving forward. Returns one row with the count of history rows written, then each online row handed a
    /// value, as <see cref="RefreshOnline"/> returns them (the value as jsonb, whose text Redis mirrors).
    /// </summary>
    public const string Upsert = """
        WITH w AS MATERIALIZED (
            SELECT w.*,
                   CASE WHEN NOT (w.first_in_batch AND w.differs) THEN NULL
                        WHEN w.latest_from < w.valid_from THEN w.latest_from ELSE p.valid_from END AS prev_from,
                   CASE WHEN NOT (w.first_in_batch AND w.differs) THEN NULL
                        WHEN w.latest_from < w.valid_from THEN w.latest_to ELSE p.valid_to END AS prev_to
            FROM (SELECT w.*, s.valid_from AS found_from,
                         s.valid_from IS DISTINCT FROM w.valid_from
                             OR (s.value, s.version, s.value_type) IS DISTINCT FROM (w.value, w.version, w.value_type) AS differs
                  FROM (SELECT w.*, l.valid_from AS latest_from, l.valid_to AS latest_to
                        FROM (SELECT feature_id, line, version, entity_type, entity_id, value::jsonb AS value, value_type, valid_from,
                                     next_in_batch, first_in_batch, ttl_seconds, ord
                              FROM unnest(@feature_ids, @lines, @versions, @entity_types, @entity_ids, @values, @value_types, @valid_froms,
                                          @next_in_batch, @first_in_batch, @ttl_seconds) WITH ORDINALITY
                                   AS w(feature_id, line, version, entity_type, entity_id, value, value_type, valid_from, next_in_batch,
                                        first_in_batch, ttl_seconds, ord)
                              OFFSET 0) w
                        LEFT JOIN LATERAL (
                            SELECT l.valid_from, l.valid_to
                            FROM ai_feature_values_offline l
                            WHERE l.feature_id = w.feature_id AND l.version_major = w.line AND l.entity_type = w.entity_type
                              AND l.entity_id = w.entity_id
                            ORDER BY l.valid_from DESC
                            LIMIT 1) l ON true
                        OFFSET 0) w
                  LEFT JOIN LATERAL (
                      SELECT s.valid_from, s.value, s.version, s.value_type
                      FROM ai_feature_values_offline s
                      WHERE w.latest_from >= w.valid_from
                        AND s.feature_id = w.feature_id AND s.version_major = w.line AND s.entity_type = w.entity_type
                        AND s.entity_id = w.entity_id AND s.valid_from >= w.valid_from
                      ORDER BY s.valid_from
                      LIMIT 1) s ON true
                  OFFSET 0) w
            LEFT JOIN LATERAL (
                SELECT p.valid_from, p.valid_to
                FROM ai_feature_values_offline p
                WHERE w.first_in_batch AND w.differs AND w.latest_from >= w.valid_from
                  AND p.feature_id = w.feature_id AND p.version_major = w.line AND p.entity_type = w.entity_type
                  AND p.entity_id = w.entity_id AND p.valid_from < w.valid_from
                ORDER BY p.valid_from DESC
                LIMIT 1) p ON true),
        closed AS (
            UPDATE ai_feature_values_offline o
            SET valid_to = w.valid_from
            FROM w
            WHERE w.prev_from IS NOT NULL AND w.prev_to IS DISTINCT FROM w.valid_from
              AND o.feature_id = w.feature_id AND o.version_major = w.line AND o.entity_type = w.entity_type
              AND o.entity_id = w.entity_id AND o.valid_from = w.prev_from),
        appended AS (
            INSERT INTO ai_feature_values_offline
                   (feature_id, version_major, version, entity_type, entity_id, value, value_type, valid_from, valid_to, computed_at)
            SELECT feature_id, line, version, entity_type, entity_id, value, value_type, valid_from, next_in_batch, now()
            FROM w
            WHERE found_from IS NULL
            RETURNING 1),
        upserted AS (
            INSERT INTO ai_feature_values_offline AS o
                   (feature_id, version_major, version, entity_type, entity_id, value, value_type, valid_from, valid_to, computed_at)
            SELECT feature_id, line, version, entity_type, entity_id, value, value_type, valid_from,
                   least(next_in_batch, CASE WHEN found_from > valid_from THEN found_from END), now()
            FROM w
            WHERE found_from IS NOT NULL AND differs
            ON CONFLICT (feature_id, version_major, entity_type, entity_id, valid_from)
            DO UPDATE SET value = EXCLUDED.value, version = EXCLUDED.version,
                          value_type = EXCLUDED.value_type, computed_at = EXCLUDED.computed_at
            RETURNING 1),
        handed AS (
            INSERT INTO ai_feature_values_online AS n
                   (feature_id, version_major, version, entity_type, entity_id, value, valid_from, computed_at, expires_at)
            SELECT feature_id, line, version, entity_type, entity_id, value, valid_from, now(), valid_from + make_interval(secs => ttl_seconds)
            FROM w
            WHERE found_from IS NULL AND next_in_batch IS NULL
        """ + OnlineMovesForward + """
            )
        SELECT NULL::uuid, NULL::int, NULL::text, NULL::text, NULL::text, NULL::jsonb, NULL::timestamptz, NULL::timestamptz,
               (SELECT count(*) FROM appended) + (SELECT count(*) FROM upserted) AS written
        UNION ALL
        SELECT feature_id, version_major, entity_type, entity_id, version, value, valid_from, computed_at, NULL FROM handed
        """;

    /// <summary>
    /// Closes the interval each new instant lands in: 1. for each written value, the key's previous
    /// row (greatest valid_from before it: one backwards probe on the lookup index), 2. its valid_to
    /// becomes the written valid_from, 3. only where that changes it. With <see cref="Upsert"/>
    /// having closed the new rows themselves, every interval of the key ends where the next begins:
    /// an out-of-order write splits the interval it falls in, and no other row of the key is read.
    /// Run only when the upsert wrote something (nothing new, nothing to close), and only for the values
    /// that are not their key's first in the batch (the upsert closes the interval those land in).
    /// </summary>
    public const string Rechain = """
        UPDATE ai_feature_values_offline o
        SET valid_to = p.next_from
        FROM (SELECT w.feature_id, w.line, w.entity_type, w.entity_id, prev.valid_from, w.valid_from AS next_from
              FROM unnest(@feature_ids, @lines, @entity_types, @entity_ids, @valid_froms) AS w(feature_id, line, entity_type, entity_id, valid_from)
              CROSS JOIN LATERAL (
                  SELECT p.valid_from, p.valid_to
                  FROM ai_feature_values_offline p
                  WHERE p.feature_id = w.feature_id AND p.version_major = w.line AND p.entity_type = w.entity_type
                    AND p.entity_id = w.entity_id AND p.valid_from < w.valid_from
                  ORDER BY p.valid_from DESC
                  LIMIT 1) prev
              WHERE prev.valid_to IS DISTINCT FROM w.valid_from) p
        WHERE o.feature_id = p.feature_id AND o.version_major = p.line AND o.entity_type = p.entity_type
          AND o.entity_id = p.entity_id AND o.valid_from = p.valid_from
        """;

    /// <summary>
    /// Refreshes the durable online copy and returns each touched key's current value (the caller
    /// mirrors exactly these into Redis): 1. the touched keys, 2. each key's latest row (one
    /// backwards probe on the lookup index) with its expiry (valid_from + ttl), beside its online
    /// row (one primary-key probe; LATERAL ... LIMIT 1 keeps both probes, never a scan of either
    /// table), 3. upserted where the online row is missing, older or different (the online copy
    /// only moves forward), 4. returned with the keys whose online row already equals it (written
    /// by an earlier run, left untouched), each marked changed or not (only changed vector keys
    /// need <see cref="SyncVectors"/>).
    /// </summary>
    public const string RefreshOnline = """
        WITH touched AS (
            SELECT feature_id, line, entity_type, entity_id, max(ttl_seconds) AS ttl_seconds
            FROM unnest(@feature_ids, @lines, @entity_types, @entity_ids, @ttl_seconds) AS t(feature_id, line, entity_type, entity_id, ttl_seconds)
            GROUP BY feature_id, line, entity_type, entity_id),
        latest AS (
            SELECT o.feature_id, o.version_major, o.version, o.entity_type, o.entity_id, o.value, o.valid_from, o.computed_at, o.expires_at,
                   n.valid_from AS online_from,
                   n.found IS NOT NULL AND (n.version, n.value, n.valid_from, n.computed_at, n.expires_at)
                       IS NOT DISTINCT FROM (o.version, o.value, o.valid_from, o.computed_at, o.expires_at) AS unchanged
            FROM touched t
            CROSS JOIN LATERAL (
                SELECT o.feature_id, o.version_major, o.version, o.entity_type, o.entity_id, o.value, o.valid_from, o.computed_at,
                       o.valid_from + make_interval(secs => t.ttl_seconds) AS expires_at
                FROM ai_feature_values_offline o
                WHERE o.feature_id = t.feature_id AND o.version_major = t.line AND o.entity_type = t.entity_type AND o.entity_id = t.entity_id
                ORDER BY o.valid_from DESC
                LIMIT 1) o
            LEFT JOIN LATERAL (
                SELECT true AS found, n.version, n.value, n.valid_from, n.computed_at, n.expires_at
                FROM ai_feature_values_online n
                WHERE n.feature_id = t.feature_id AND n.version_major = t.line AND n.entity_type = t.entity_type AND n.entity_id = t.entity_id
                LIMIT 1) n ON true),
        refreshed AS (
            INSERT INTO ai_feature_values_online AS n
                   (feature_id, version_major, version, entity_type, entity_id, value, valid_from, computed_at, expires_at)
            SELECT feature_id, version_major, version, entity_type, entity_id, value, valid_from, computed_at, expires_at
            FROM latest
            WHERE NOT unchanged AND (online_from IS NULL OR online_from <= valid_from)
        """ + OnlineMovesForward + """
            )
        SELECT feature_id, version_major, entity_type, entity_id, version, value, valid_from, computed_at, true AS changed FROM refreshed
        UNION ALL
        SELECT feature_id, version_major, entity_type, entity_id, version, value, valid_from, computed_at, false FROM latest WHERE unchanged
        """;

    /// <summary>
    /// Mirrors the vector keys whose online copy this write changed (their current values, just refreshed) into the
    /// pgvector table that similarity search reads: 1. each key's current row and its mirrored vector (primary-key
    /// probes); the vector is the writer's own floats (@embeddings, one flat real[] sliced by @starts and @dims) when
    /// the current row is the value it wrote (@written_froms), which costs no parsing, else the current row's array
    /// parsed as a vector (a key made current by an earlier write); 2. keys whose current value is not an array leave
    /// the table; 3. vectors are upserted unless the mirror already holds that vector from that instant: an unchanged
    /// vector costs no HNSW insert.
    /// </summary>
    public const string SyncVectors = """
        WITH touched AS (
            SELECT DISTINCT ON (feature_id, line, entity_type, entity_id) feature_id, line, entity_type, entity_id, written_from, start, dim
            FROM unnest(@feature_ids, @lines, @entity_types, @entity_ids, @written_froms, @starts, @dims)
                 AS t(feature_id, line, entity_type, entity_id, written_from, start, dim)
            ORDER BY feature_id, line, entity_type, entity_id, written_from DESC),
        current AS (
            SELECT t.feature_id, t.line AS version_major, t.entity_type, t.entity_id, n.valid_from,
                   CASE WHEN n.valid_from = t.written_from AND t.dim IS NOT NULL THEN (@embeddings::real[])[t.start:t.start + t.dim - 1]::vector
                        WHEN jsonb_typeof(n.value) = 'array' THEN (n.value::text)::vector END AS embedding,
                   v.found IS NOT NULL AS mirrored, v.valid_from AS mirrored_from, v.embedding AS mirrored_embedding
            FROM touched t
            CROSS JOIN LATERAL (
                SELECT n.value, n.valid_from
                FROM ai_feature_values_online n
                WHERE n.feature_id = t.feature_id AND n.version_major = t.line AND n.entity_type = t.entity_type AND n.entity_id = t.entity_id
                LIMIT 1) n
            LEFT JOIN LATERAL (
                SELECT true AS found, v.valid_from, v.embedding
                FROM ai_feature_vectors v
                WHERE v.feature_id = t.feature_id AND v.version_major = t.line AND v.entity_type = t.entity_type AND v.entity_id = t.entity_id
                LIMIT 1) v ON true),
        cleared AS (
            DELETE FROM ai_feature_vectors v USING current c
            WHERE c.mirrored AND c.embedding IS NULL
              AND v.feature_id = c.feature_id AND v.version_major = c.version_major AND v.entity_type = c.entity_type AND v.entity_id = c.entity_id)
        INSERT INTO ai_feature_vectors (feature_id, version_major, entity_type, entity_id, embedding, valid_from)
        SELECT feature_id, version_major, entity_type, entity_id, embedding, valid_from
        FROM current
        WHERE embedding IS NOT NULL
          AND (NOT mirrored OR mirrored_from IS DISTINCT FROM valid_from OR mirrored_embedding IS DISTINCT FROM embedding)
        ON CONFLICT (feature_id, version_major, entity_type, entity_id)
        DO UPDATE SET embedding = EXCLUDED.embedding, valid_from = EXCLUDED.valid_from
        """;

    /// <summary>
    /// Point-in-time read: 1. expand the points (key + instant, sent sorted by key then instant so
    /// consecutive lookups hit neighbouring index pages), 2. for each, the row with the greatest
    /// valid_from at or before its instant, found by walking the lookup index backwards (LIMIT 1).
    /// </summary>
    public const string AsOf = """
        SELECT k.ord, o.version, o.value::text, o.valid_from, o.valid_to, o.computed_at
        FROM unnest(@feature_ids, @lines, @entity_types, @entity_ids, @as_ofs) WITH ORDINALITY AS k(feature_id, line, entity_type, entity_id, as_of, ord)
        CROSS JOIN LATERAL (
            SELECT version, value, valid_from, valid_to, computed_at
            FROM ai_feature_values_offline o
            WHERE o.feature_id = k.feature_id AND o.version_major = k.line
              AND o.entity_type = k.entity_type AND o.entity_id = k.entity_id AND o.valid_from <= k.as_of
            ORDER BY o.valid_from DESC
            LIMIT 1) o
        """;

    /// <summary>
    /// One page of "all entities as of T": 1. the feature value lines asked for, 2. every entity
    /// of the type with a value at or before @as_of on any of them, 3. after the cursor, ascending.
    /// </summary>
    public const string EntitiesAsOf = """
        SELECT DISTINCT o.entity_id
        FROM unnest(@feature_ids, @lines) AS l(feature_id, line)
        JOIN ai_feature_values_offline o ON o.feature_id = l.feature_id AND o.version_major = l.line
        WHERE o.entity_type = @entity_type AND o.valid_from <= @as_of AND (@after::text IS NULL OR o.entity_id > @after)
        ORDER BY o.entity_id
        LIMIT @limit
        """;

    /// <summary>Every current value written since an instant, with its feature's name (online-store repair).</summary>
    public const string CurrentWrittenSince = """
        SELECT r.name, n.version_major, n.entity_type, n.entity_id, n.version, n.value::text, n.valid_from, n.computed_at
        FROM ai_feature_values_online n
        JOIN ai_feature_registry r ON r.id = n.feature_id
        WHERE n.computed_at >= @since
        """;

    /// <summary>The durable online copy of each key, by primary key.</summary>
    public const string Current = """
        SELECT k.ord, n.version, n.value::text, n.valid_from, n.computed_at
        FROM unnest(@feature_ids, @lines, @entity_types, @entity_ids) WITH ORDINALITY AS k(feature_id, line, entity_type, entity_id, ord)
        JOIN ai_feature_values_online n
          ON (n.feature_id, n.version_major, n.entity_type, n.entity_id) = (k.feature_id, k.line, k.entity_type, k.entity_id)
        """;
}
