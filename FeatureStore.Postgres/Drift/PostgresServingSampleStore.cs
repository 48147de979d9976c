using System.Text.Json;
using FeatureStore.Core.Drift;
using FeatureStore.Core.Values;
using Npgsql;

namespace FeatureStore.Postgres.Drift;

/// <summary>Sampled served values in <c>ai_serving_samples</c>: appended in batches with unnest, read per window for the skew check.</summary>
internal sealed class PostgresServingSampleStore(NpgsqlDataSource dataSource) : IServingSampleStore
{
    public async Task AppendAsync(IReadOnlyList<ServingSample> samples, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(samples);
        if (samples.Count == 0)
        {
            return;
        }

        await using var command = dataSource.CreateCommand("""
            INSERT INTO ai_serving_samples (feature, value_line, entity_type, entity_id, value, valid_from, served_at)
            SELECT s.feature, s.line, s.entity_type, s.entity_id, s.value::jsonb, s.valid_from, s.served_at
            FROM unnest(@features, @lines, @entity_types, @entity_ids, @values, @valid_froms, @served_ats)
                 AS s(feature, line, entity_type, entity_id, value, valid_from, served_at)
            """);
        command.Parameters.AddWithValue("features", samples.Select(s => s.Key.Feature).ToArray());
        command.Parameters.AddWithValue("lines", samples.Select(s => s.Key.ValueLine).ToArray());
        command.Parameters.AddWithValue("entity_types", samples.Select(s => s.Key.EntityType).ToArray());
        command.Parameters.AddWithValue("entity_ids", samples.Select(s => s.Key.EntityId).ToArray());
        command.Parameters.AddWithValue("values", samples.Select(s => s.Value.ValueKind == JsonValueKind.Undefined ? "null" : s.Value.GetRawText()).ToArray());
        command.Parameters.AddWithValue("valid_froms", samples.Select(s => s.ValidFrom?.ToUniversalTime()).ToArray());
        command.Parameters.AddWithValue("served_ats", samples.Select(s => s.ServedAt.ToUniversalTime()).ToArray());
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<ServingSample>> ReadAsync(IReadOnlyCollection<string> features, DateTimeOffset windowStart, DateTimeOffset windowEnd, int limitPerFeature, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(features);

        // 1. the window's samples of the features asked for (index on feature, served_at), 2. numbered newest
        // first per feature, 3. the newest @limit of each.
        await using var command = dataSource.CreateCommand("""
            SELECT feature, value_line, entity_type, entity_id, value::text, valid_from, served_at
            FROM (SELECT s.*, row_number() OVER (PARTITION BY s.feature ORDER BY s.served_at DESC, s.id DESC) AS n
                  FROM ai_serving_samples s
                  WHERE s.served_at >= @from AND s.served_at < @to AND (cardinality(@features) = 0 OR s.feature = ANY(@features))) ranked
            WHERE n <= @limit
            ORDER BY feature, served_at
            """);
        command.Parameters.AddWithValue("features", features.ToArray());
        command.Parameters.AddWithValue("from", windowStart.ToUniversalTime());
        command.Parameters.AddWithValue("to", windowEnd.ToUniversalTime());
        command.Parameters.AddWithValue("limit", limitPerFeature);
        var samples = new List<ServingSample>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var key = new FeatureKey(reader.GetString(0), reader.GetInt32(1), reader.GetString(2), reader.GetString(3));
            samples.Add(new ServingSample(key, DriftJson.Element(reader.GetString(4)),
                reader.IsDBNull(5) ? null : reader.GetFieldValue<DateTimeOffset>(5), reader.GetFieldValue<DateTimeOffset>(6)));
        }

        return samples;
    }

    public async Task<int> DeleteBeforeAsync(DateTimeOffset before, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("DELETE FROM ai_serving_samples WHERE served_at < @before");
        command.Parameters.AddWithValue("before", before.ToUniversalTime());
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
