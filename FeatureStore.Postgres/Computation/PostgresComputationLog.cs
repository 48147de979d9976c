using System.Text.Json;
using FeatureStore.Core.Computation;
using FeatureStore.Core.Computation.Runs;
using Npgsql;
using NpgsqlTypes;

namespace FeatureStore.Postgres.Computation;

/// <summary>
/// <c>ai_feature_computation_logs</c>. Entries keep the feature's name as well as its id, so an
/// entry stays readable (and writable) whatever happens to the registry row.
/// </summary>
internal sealed class PostgresComputationLog(NpgsqlDataSource dataSource) : IComputationLog
{
    public async Task RecordAsync(IReadOnlyList<ComputationLogEntry> entries, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entries);
        if (entries.Count == 0)
        {
            return;
        }

        await using var command = dataSource.CreateCommand("""
            INSERT INTO ai_feature_computation_logs
                (feature_id, feature_name, run_id, computation_type, entities_processed, duration_ms, errors_count, error_details, started_at, completed_at)
            SELECT r.id, e.feature, e.run_id, e.type, e.entities, e.duration_ms, e.errors, e.details, e.started_at, e.completed_at
            FROM unnest(@features, @runs, @types, @entities, @durations, @errors, @details, @started, @completed)
                 AS e(feature, run_id, type, entities, duration_ms, errors, details, started_at, completed_at)
            LEFT JOIN ai_feature_registry r ON r.name = e.feature
            """);
        command.Parameters.Add(new NpgsqlParameter("features", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = entries.Select(e => e.Feature).ToArray() });
        command.Parameters.Add(new NpgsqlParameter("runs", NpgsqlDbType.Array | NpgsqlDbType.Uuid) { Value = entries.Select(e => e.RunId).ToArray() });
        command.Parameters.AddWithValue("types", entries.Select(e => e.Type).ToArray());
        command.Parameters.AddWithValue("entities", entries.Select(e => e.EntitiesProcessed).ToArray());
        command.Parameters.AddWithValue("durations", entries.Select(e => (int)Math.Min(int.MaxValue, e.Duration.TotalMilliseconds)).ToArray());
        command.Parameters.AddWithValue("errors", entries.Select(e => e.ErrorsCount).ToArray());
        command.Parameters.Add(new NpgsqlParameter("details", NpgsqlDbType.Array | NpgsqlDbType.Jsonb) { Value = entries.Select(e => JsonSerializer.Serialize(e.Errors, Json)).ToArray() });
        command.Parameters.AddWithValue("started", entries.Select(e => e.StartedAt.ToUniversalTime()).ToArray());
        command.Parameters.AddWithValue("completed", entries.Select(e => e.CompletedAt.ToUniversalTime()).ToArray());
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<ComputationLogEntry>> ListAsync(ComputationLogQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        await using var command = dataSource.CreateCommand("""
            SELECT feature_name, computation_type, run_id, entities_processed, duration_ms, errors_count, error_details, started_at, completed_at
            FROM ai_feature_computation_logs
            WHERE (@feature::text IS NULL OR feature_name = @feature) AND (@type::text IS NULL OR computation_type = @type)
              AND (@run::uuid IS NULL OR run_id = @run) AND (@since::timestamptz IS NULL OR started_at >= @since)
            ORDER BY started_at DESC, id LIMIT @limit
            """);
        command.Parameters.Add(new NpgsqlParameter("feature", NpgsqlDbType.Text) { Value = (object?)query.Feature ?? DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter("type", NpgsqlDbType.Text) { Value = (object?)query.Type ?? DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter("run", NpgsqlDbType.Uuid) { Value = (object?)query.RunId ?? DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter("since", NpgsqlDbType.TimestampTz) { Value = (object?)query.Since?.ToUniversalTime() ?? DBNull.Value });
        command.Parameters.AddWithValue("limit", query.Limit);
        var entries = new List<ComputationLogEntry>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            entries.Add(new ComputationLogEntry(
                reader.IsDBNull(0) ? null : reader.GetString(0),
                reader.IsDBNull(1) ? "" : reader.GetString(1),
                reader.IsDBNull(2) ? null : reader.GetGuid(2),
                reader.IsDBNull(3) ? 0 : reader.GetInt32(3),
                TimeSpan.FromMilliseconds(reader.IsDBNull(4) ? 0 : reader.GetInt32(4)),
                reader.IsDBNull(5) ? 0 : reader.GetInt32(5),
                reader.IsDBNull(6) ? [] : JsonSerializer.Deserialize<List<ComputationProblem>>(reader.GetString(6), Json) ?? [],
                reader.GetFieldValue<DateTimeOffset>(7),
                reader.IsDBNull(8) ? reader.GetFieldValue<DateTimeOffset>(7) : reader.GetFieldValue<DateTimeOffset>(8)));
        }

        return entries;
    }

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
}
