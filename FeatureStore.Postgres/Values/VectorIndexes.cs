using System.Globalization;
using Npgsql;

namespace FeatureStore.Postgres.Values;

/// <summary>
/// One HNSW index per vector feature value line: <c>ai_feature_vectors</c> has no dimension on its
/// column (lines differ), so each index is partial (that line's rows) on the expression
/// <c>embedding::vector(n)</c>. Queries must repeat the expression exactly (<see cref="Expression"/>).
/// </summary>
internal static class VectorIndexes
{
    // Each line's dimension, from its newest version's stored definition.
    private const string VectorLines = """
        SELECT DISTINCT ON (v.feature_id, v.major) v.feature_id, v.major, (v.definition->'valueType'->>'dimension')::int
        FROM ai_feature_versions v
        WHERE v.definition->'valueType'->>'kind' = 'vector' AND v.definition->'valueType'->>'dimension' IS NOT NULL
        ORDER BY v.feature_id, v.major, v.minor DESC, v.patch DESC
        """;

    public static string Name(Guid featureId, int line) => $"ix_vectors_{featureId:N}_{line}";

    public static string Expression(int dimension) => $"(embedding::vector({dimension.ToString(CultureInfo.InvariantCulture)}))";

    // The line's rows of the right dimension only (rows from before a definition fixed it may differ,
    // and would break the cast); literals, so the planner can match the partial index to a query's WHERE.
    public static string Predicate(Guid featureId, int line, int dimension) =>
        $"feature_id = '{featureId}' AND version_major = {line.ToString(CultureInfo.InvariantCulture)} AND vector_dims(embedding) = {dimension.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>Creates the missing index of every vector line in the registry; existing ones are left alone.</summary>
    public static async Task EnsureAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        var lines = new List<(Guid Feature, int Line, int Dimension)>();
        await using (var query = new NpgsqlCommand(VectorLines, connection))
        await using (var reader = await query.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                lines.Add((reader.GetGuid(0), reader.GetInt32(1), reader.GetInt32(2)));
            }
        }

        var existing = new HashSet<string>(StringComparer.Ordinal);
        await using (var query = new NpgsqlCommand("SELECT indexname FROM pg_indexes WHERE tablename = 'ai_feature_vectors'", connection))
        await using (var reader = await query.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                existing.Add(reader.GetString(0));
            }
        }

        foreach (var (feature, line, dimension) in lines.Where(l => !existing.Contains(Name(l.Feature, l.Line))))
        {
            // IF NOT EXISTS: another process may create the same index between our look and this.
            var sql = $"CREATE INDEX IF NOT EXISTS {Name(feature, line)} ON ai_feature_vectors USING hnsw ({Expression(dimension)} vector_cosine_ops) WHERE {Predicate(feature, line, dimension)}";
            await using var create = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
            await create.ExecuteNonQueryAsync(cancellationToken);
        }
    }
}
