namespace FeatureStore.Postgres.Values;

/// <summary>
/// The offline store's SQL, spelled out. Keys arrive as parallel arrays and are expanded with
/// unnest, so any number of values costs one statement, never one per row.
/// </summary>
internal static class OfflineSql
{
    /// <summary>
    /// Serializes writers of the same keys: every key hashes to one of 256 stripes, and a writer
    /// takes its stripes' transaction locks in ascending order (no deadlocks) before touching rows,
    /// so two batches never re-chain or refresh the same key from different snapshots.
    /// </summary>
    public const string LockKeys = """
        SELECT pg_advisory_xact_lock(1718812672 + stripe) -- 0x66730000 ("fs" and a stripe)
        FROM (SELECT DISTINCT abs(hashtext(t.feature_id::text || '/' || t.line || '/' || t.entity_type || '/' || t.entity_id)) % 256 AS stripe
              FROM unnest(@feature_ids, @lines, @entity_types, @entity_ids) AS t(feature_id, line, entity_type, entity_id)) s
        ORDER BY stripe
        """;

    /// <summary>
    /// 1. Expand the batch. 2. Insert each value; the same (feature, line, entity, valid_from)
    /// again replaces it (idempotent rewrites and corrections).
    /// </summary>
    public const string Upsert = """
        INSERT INTO ai_feature_values_offline
               (feature_id, version_major, version, entity_type, entity_id, value, value_type, valid_from, computed_at)
        SELECT w.feature_id, w.line, w.version, w.entity_type, w.entity_id, w.value::jsonb, w.value_type, w.valid_from, now()
        FROM unnest(@feature_ids, @lines, @versions, @entity_types, @entity_ids, @values, @value_types, @valid_froms)
             AS w(feature_id, line, version, entity_type, entity_id, value, value_type, valid_from)
        ON CONFLICT (feature_id, version_major, entity_type, entity_id, valid_from)
        DO UPDATE SET value = EXCLUDED.value, version = EXCLUDED.version,
                      value_type = EXCLUDED.value_type, computed_at = EXCLUDED.computed_at
        """;

    /// <summary>
    /// Re-chains the touched keys' intervals: 1. take every row of each touched key, 2. the next
    /// row's valid_from (lead) is this row's valid_to, 3. update only rows whose valid_to changed.
    /// An out-of-order write lands between two rows and splits the interval it falls in.
    /// </summary>
    public const string Rechain = """
        WITH touched AS (
            SELECT DISTINCT feature_id, line, entity_type, entity_id
            FROM unnest(@feature_ids, @lines, @entity_types, @entity_ids) AS t(feature_id, line, entity_type, entity_id)),
        chained AS (
            SELECT o.id, lead(o.valid_from) OVER (
                       PARTITION BY o.feature_id, o.version_major, o.entity_type, o.entity_id ORDER BY o.valid_from) AS next_from
            FROM ai_feature_values_offline o
            JOIN touched t ON (o.feature_id, o.version_major, o.entity_type, o.entity_id) = (t.feature_id, t.line, t.entity_type, t.entity_id))
        UPDATE ai_feature_values_offline o
        SET valid_to = chained.next_from
        FROM chained
        WHERE o.id = chained.id AND o.valid_to IS DISTINCT FROM chained.next_from
        """;

    /// <summary>
    /// Refreshes the durable online copy: 1. the latest row of each touched key (DISTINCT ON,
    /// newest valid_from first), 2. upserted into the online table with its expiry (valid_from +
    /// ttl), 3. returned so the caller can mirror exactly these values into Redis.
    /// </summary>
    public const string RefreshOnline = """
        WITH touched AS (
            SELECT feature_id, line, entity_type, entity_id, max(ttl_seconds) AS ttl_seconds
            FROM unnest(@feature_ids, @lines, @entity_types, @entity_ids, @ttl_seconds) AS t(feature_id, line, entity_type, entity_id, ttl_seconds)
            GROUP BY feature_id, line, entity_type, entity_id),
        latest AS (
            SELECT DISTINCT ON (o.feature_id, o.version_major, o.entity_type, o.entity_id)
                   o.feature_id, o.version_major, o.version, o.entity_type, o.entity_id, o.value, o.valid_from, o.computed_at,
                   o.valid_from + make_interval(secs => t.ttl_seconds) AS expires_at
            FROM ai_feature_values_offline o
            JOIN touched t ON (o.feature_id, o.version_major, o.entity_type, o.entity_id) = (t.feature_id, t.line, t.entity_type, t.entity_id)
            ORDER BY o.feature_id, o.version_major, o.entity_type, o.entity_id, o.valid_from DESC)
        INSERT INTO ai_feature_values_online AS n
               (feature_id, version_major, version, entity_type, entity_id, value, valid_from, computed_at, expires_at)
        SELECT feature_id, version_major, version, entity_type, entity_id, value, valid_from, computed_at, expires_at FROM latest
        ON CONFLICT (feature_id, version_major, entity_type, entity_id)
        DO UPDATE SET version = EXCLUDED.version, value = EXCLUDED.value, valid_from = EXCLUDED.valid_from,
                      computed_at = EXCLUDED.computed_at, expires_at = EXCLUDED.expires_at
        WHERE n.valid_from IS NULL OR n.valid_from <= EXCLUDED.valid_from
        RETURNING n.feature_id, n.version_major, n.entity_type, n.entity_id, n.version, n.value::text, n.valid_from, n.computed_at
        """;

    /// <summary>
    /// Mirrors the touched vector keys' current values (from the online copy, just refreshed) into
    /// the pgvector table that similarity search reads: 1. the keys' current rows, 2. arrays are
    /// upserted as vectors, 3. keys whose current value is null leave the table.
    /// </summary>
    public const string SyncVectors = """
        WITH touched AS (
            SELECT DISTINCT feature_id, line, entity_type, entity_id
            FROM unnest(@feature_ids, @lines, @entity_types, @entity_ids) AS t(feature_id, line, entity_type, entity_id)),
        current AS (
            SELECT n.feature_id, n.version_major, n.entity_type, n.entity_id, n.value, n.valid_from
            FROM ai_feature_values_online n
            JOIN touched t ON (n.feature_id, n.version_major, n.entity_type, n.entity_id) = (t.feature_id, t.line, t.entity_type, t.entity_id)),
        cleared AS (
            DELETE FROM ai_feature_vectors v USING current c
            WHERE (v.feature_id, v.version_major, v.entity_type, v.entity_id) = (c.feature_id, c.version_major, c.entity_type, c.entity_id)
              AND jsonb_typeof(c.value) <> 'array')
        INSERT INTO ai_feature_vectors (feature_id, version_major, entity_type, entity_id, embedding, valid_from)
        SELECT feature_id, version_major, entity_type, entity_id, (value::text)::vector, valid_from
        FROM current WHERE jsonb_typeof(value) = 'array'
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
