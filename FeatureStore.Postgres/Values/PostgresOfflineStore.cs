using System.Text.Json;
using FeatureStore.Core.Values;
using Npgsql;

namespace FeatureStore.Postgres.Values;

/// <summary>The offline store (history) and the durable online copy on Postgres; see <see cref="OfflineSql"/>.</summary>
internal sealed class PostgresOfflineStore(NpgsqlDataSource dataSource, FeatureIds registryIds) : IOfflineStore
{
    public async Task<IReadOnlyList<StoredValue>> WriteAsync(IReadOnlyList<ValueWrite> writes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(writes);
        if (writes.Count == 0)
        {
            return [];
        }

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var ids = await registryIds.ResolveAsync(connection, writes.Select(w => w.Key.Feature), cancellationToken);
        var write = new OfflineBatchWrite(writes, ids);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var current = await write.RunAsync(connection, transaction, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return current;
    }

    public async Task<IReadOnlyDictionary<PointInTime, StoredValue>> ReadAsOfAsync(IReadOnlyCollection<PointInTime> points, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(points);
        var ordered = points.OrderBy(p => p.Key.Feature, StringComparer.Ordinal).ThenBy(p => p.Key.ValueLine)
            .ThenBy(p => p.Key.EntityType, StringComparer.Ordinal).ThenBy(p => p.Key.EntityId, StringComparer.Ordinal).ThenBy(p => p.AsOf).ToList();
        var rows = await ReadAsync(OfflineSql.AsOf, [.. ordered.Select(p => p.Key)], command =>
            command.Parameters.AddWithValue("as_ofs", ordered.Select(p => p.AsOf.ToUniversalTime()).ToArray()), historical: true, cancellationToken);
        return rows.ToDictionary(r => ordered[r.Index], r => r.Value);
    }

    public async Task<IReadOnlyDictionary<FeatureKey, StoredValue>> ReadCurrentAsync(IReadOnlyCollection<FeatureKey> keys, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var ordered = keys.ToList();
        var rows = await ReadAsync(OfflineSql.Current, ordered, _ => { }, historical: false, cancellationToken);
        return rows.ToDictionary(r => ordered[r.Index], r => r.Value);
    }

    public async Task<IReadOnlyList<string>> EntitiesAsOfAsync(IReadOnlyCollection<(string Feature, int ValueLine)> lines, string entityType, DateTimeOffset asOf, string? after, int limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(lines);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var ids = await registryIds.ResolveAsync(connection, lines.Select(l => l.Feature), cancellationToken);
        await using var command = new NpgsqlCommand(OfflineSql.EntitiesAsOf, connection);
        command.Parameters.AddWithValue("feature_ids", lines.Select(l => ids[l.Feature]).ToArray());
        command.Parameters.AddWithValue("lines", lines.Select(l => l.ValueLine).ToArray());
        command.Parameters.AddWithValue("entity_type", entityType);
        command.Parameters.AddWithValue("as_of", asOf.ToUniversalTime());
        command.Parameters.Add(new NpgsqlParameter("after", NpgsqlTypes.NpgsqlDbType.Text) { Value = (object?)after ?? DBNull.Value });
        command.Parameters.AddWithValue("limit", limit);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var entities = new List<string>();
        while (await reader.ReadAsync(cancellationToken))
        {
            entities.Add(reader.GetString(0));
        }

        return entities;
    }

    public async Task<IReadOnlyList<StoredValue>> CurrentWrittenSinceAsync(DateTimeOffset since, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var command = new NpgsqlCommand(OfflineSql.CurrentWrittenSince, connection);
        command.Parameters.AddWithValue("since", since.ToUniversalTime());
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var values = new List<StoredValue>();
        while (await reader.ReadAsync(cancellationToken))
        {
            var key = new FeatureKey(reader.GetString(0), reader.GetInt32(1), reader.GetString(2), reader.GetString(3));
            values.Add(new StoredValue(key, reader.GetString(4), Json(reader.GetString(5)), reader.GetFieldValue<DateTimeOffset>(6), null, reader.GetFieldValue<DateTimeOffset>(7)));
        }

        return values;
    }

    // Runs a keyed read; each row carries the (1-based) position of its key in the input.
    private async Task<List<(int Index, StoredValue Value)>> ReadAsync(string sql, List<FeatureKey> keys, Action<NpgsqlCommand> parameters, bool historical, CancellationToken cancellationToken)
    {
        var found = new List<(int, StoredValue)>();
        if (keys.Count == 0)
        {
            return found;
        }

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var ids = await registryIds.ResolveAsync(connection, keys.Select(k => k.Feature), cancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        KeyColumns.Of(keys, ids).AddTo(command);
        parameters(command);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var index = (int)reader.GetInt64(0) - 1;
            found.Add((index, new StoredValue(
                keys[index], reader.GetString(1), Json(reader.GetString(2)), reader.GetFieldValue<DateTimeOffset>(3),
                historical && !reader.IsDBNull(4) ? reader.GetFieldValue<DateTimeOffset>(4) : null,
                reader.GetFieldValue<DateTimeOffset>(historical ? 5 : 4))));
        }

        return found;
    }

    /// <summary>A value as Postgres returns it (jsonb as text).</summary>
    internal static JsonElement Json(string text)
    {
        using var document = JsonDocument.Parse(text);
        return document.RootElement.Clone();
    }
}
