namespace FeatureStore.Postgres.Drift;

/// <summary>The drift tables' SQL, spelled out (docs/drift.md describes the tables).</summary>
internal static class DriftSql
{
    /// <summary>
    /// Records a baseline: a window baseline is one row per feature line and window (1. insert, 2. the same window
    /// again leaves the row as it is, 3. either way its id comes back); a training-set snapshot never conflicts.
    /// </summary>
    public const string SaveBaseline = """
        INSERT INTO ai_drift_baselines AS b (id, feature, value_line, version, kind, window_start, window_end, values, sample_size, created_at)
        VALUES (@id, @feature, @line, @version, @kind, @start, @end, @values::jsonb, @size, @created)
        ON CONFLICT (feature, value_line, kind, window_start, window_end) WHERE kind = 'window'
        DO UPDATE SET sample_size = b.sample_size
        RETURNING id
        """;

    /// <summary>The newest baseline of a kind for a feature line, with its sample.</summary>
    public const string LatestBaseline = """
        SELECT id, version, window_start, window_end, values::text, created_at
        FROM ai_drift_baselines
        WHERE feature = @feature AND value_line = @line AND kind = @kind
        ORDER BY created_at DESC
        LIMIT 1
        """;

    /// <summary>A window's statistics; the same feature line and window again replaces them.</summary>
    public const string SaveStatistics = """
        INSERT INTO ai_drift_statistics (feature, value_line, window_start, window_end, statistics, computed_at)
        VALUES (@feature, @line, @start, @end, @statistics::jsonb, now())
        ON CONFLICT (feature, value_line, window_start, window_end)
        DO UPDATE SET statistics = EXCLUDED.statistics, computed_at = EXCLUDED.computed_at
        """;

    public const string SaveReport = """
        INSERT INTO ai_drift_reports (id, feature, check_name, entity_type, value_line, version, window_start, window_end, status,
            baseline_id, tests, contributions, statistics, details, plot_svg, created_at)
        VALUES (@id, @feature, @check, @entity_type, @line, @version, @start, @end, @status,
            @baseline_id, @tests::jsonb, @contributions::jsonb, @statistics::jsonb, @details::jsonb, @plot, @created)
        """;

    /// <summary>Every column of a report but its plot (read only by the plot endpoint).</summary>
    public const string ReportColumns = """
        id, feature, check_name, entity_type, value_line, version, window_start, window_end, status, baseline_id,
        tests::text, contributions::text, statistics::text, details::text, plot_svg IS NOT NULL, created_at
        """;

    /// <summary>A feature's reports whose window overlaps [@from, @to), newest window first (index on feature, window_end).</summary>
    public const string ListReports = $"""
        SELECT {ReportColumns}
        FROM ai_drift_reports
        WHERE feature = @feature
          AND (@from::timestamptz IS NULL OR window_end > @from)
          AND (@to::timestamptz IS NULL OR window_start < @to)
        ORDER BY window_end DESC, created_at DESC
        LIMIT @limit
        """;

    /// <summary>
    /// The newest report of each (subject, check): DISTINCT ON walks the index on (feature, check_name,
    /// created_at DESC) in its own order, so no sort, and one subject reads only its own entries.
    /// </summary>
    public const string LatestReports = $"""
        SELECT DISTINCT ON (feature, check_name) {ReportColumns}
        FROM ai_drift_reports
        WHERE @feature::text IS NULL OR feature = @feature
        ORDER BY feature, check_name, created_at DESC
        """;

    public const string Plot = "SELECT plot_svg FROM ai_drift_reports WHERE id = @id";
}
