using System.Text.Json;
using FeatureStore.Core.Values;
using Npgsql;

namespace FeatureStore.Postgres.Values;

/// <summary>Bounded reads of a value line's history for the drift worker; see <see cref="SampleSql"/>.</summary>
internal sealed class PostgresValueSampleReader(NpgsqlDataSource dataSource, FeatureIds registryIds) : IValueSampleReader
{
    public async Task<IReadOnlyList<StoredValue>> SampleAsync(string feature, int valueLine, DateTimeOffset windowStart, DateTimeOffset windowEnd, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var ids = await registryIds.ResolveAsync(connection, [feature], cancellationToken);
        await using var command = new NpgsqlCommand(SampleSql.Window, connection);
        command.Parameters.AddWithValue("feature_id", ids[feature]);
        command.Parameters.AddWithValue("line", valueLine);
        command.Parameters.AddWithValue("from", windowStart.ToUniversalTime());
        command.Parameters.AddWithValue("to", windowEnd.ToUniversalTime());
        command.Parameters.AddWithValue("limit", limit);
        var values = new List<StoredValue>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            using var document = JsonDocument.Parse(reader.GetString(3));
            values.Add(new StoredValue(new FeatureKey(feature, valueLine, reader.GetString(0), reader.GetString(1)), reader.GetString(2), document.RootElement.Clone(),
                reader.GetFieldValue<DateTimeOffset>(4), reader.IsDBNull(5) ? null : reader.GetFieldValue<DateTimeOffset>(5), reader.GetFieldValue<DateTimeOffset>(6)));
        }

        return values;
    }

    public async Task<CurrentFreshness> CurrentFreshnessAsync(string feature, int valueLine, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var ids = await registryIds.ResolveAsync(connection, [feature], cancellationToken);
        await using var command = new NpgsqlCommand(SampleSql.Freshness, connection);
        command.Parameters.AddWithValue("feature_id", ids[feature]);
        command.Parameters.AddWithValue("line", valueLine);
        command.Parameters.AddWithValue("at", at.ToUniversalTime());
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return new CurrentFreshness(reader.GetInt64(0), reader.GetInt64(1));
    }
}
