namespace FeatureStore.Postgres.Values;

/// <summary>The drift worker's reads of the value history, spelled out.</summary>
internal static class SampleSql
{
    /// <summary>
    /// A window's values of one line, bounded: 1. rows whose valid_from falls in [@from, @to) (the time index
    /// narrows the scan to the window; the lookup index leads with the entity, not the time), 2. ordered by a hash
    /// of the entity id, so a sample keeps every value of the entities it keeps, and two features of one entity
    /// type keep the same entities (their values can be joined into rows), 3. the first @limit. The cost is one
    /// pass over the line's rows in the window with a top-N sort of @limit rows; the hash is independent of the
    /// values, so the sample is as good as a random one for the tests.
    /// </summary>
    public const string Window = """
        SELECT o.entity_type, o.entity_id, o.version, o.value::text, o.valid_from, o.valid_to, o.computed_at
        FROM ai_feature_values_offline o
        WHERE o.feature_id = @feature_id AND o.version_major = @line AND o.valid_from >= @from AND o.valid_from < @to
        ORDER BY hashtext(o.entity_id), o.entity_id, o.valid_from
        LIMIT @limit
        """;

    /// <summary>Current values of a line (durable online copy) and those past their TTL (expires_at = valid_from + ttl) at @at.</summary>
    public const string Freshness = """
        SELECT count(*), count(*) FILTER (WHERE n.expires_at IS NOT NULL AND n.expires_at < @at)
        FROM ai_feature_values_online n
        WHERE n.feature_id = @feature_id AND n.version_major = @line
        """;
}
