using System.Text.Json;
using FeatureStore.Core.Registry;
using FeatureStore.Core.Values;
using Npgsql;

namespace FeatureStore.Postgres.Values;

/// <summary>The offline store (history) and the durable online copy on Postgres; see <see cref="OfflineSql"/>.</summary>
internal sealed class PostgresOfflineStore(NpgsqlDataSource dataSource, FeatureIds registryIds) : IOfflineStore
{
    private static readonly string VectorType = FeatureValueType.Vector.ToWireName();

    public async Task<IReadOnlyList<StoredValue>> WriteAsync(IReadOnlyList<ValueWrite> writes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(writes);
        if (writes.Count == 0)
        {
            return [];
        }

        // The same (key, valid_from) twice in one batch: the last one wins, as two calls would.
        // Sorted by key, then instant: neighbouring values touch neighbouring index pages, and each
        // value's next instant of the same key in the batch is the one after it.
        var batch = writes.GroupBy(w => (w.Key, w.ValidFrom)).Select(g => g.Last())
            .OrderBy(w => w.Key.Feature, StringComparer.Ordinal).ThenBy(w => w.Key.ValueLine)
            .ThenBy(w => w.Key.EntityType, StringComparer.Ordinal).ThenBy(w => w.Key.EntityId, StringComparer.Ordinal)
            .ThenBy(w => w.ValidFrom).ToList();
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var ids = await registryIds.ResolveAsync(connection, batch.Select(w => w.Key.Feature), cancellationToken);
        var names = ids.ToDictionary(kv => kv.Value, kv => kv.Key);
        var keys = KeyColumns.Of([.. batch.Select(w => w.Key)], ids);
        var validFroms = batch.Select(w => w.ValidFrom.ToUniversalTime()).ToArray();
        var nextInBatch = batch.Select((w, i) => i + 1 < batch.Count && batch[i + 1].Key == w.Key ? validFroms[i + 1] : (DateTimeOffset?)null).ToArray();
        var firstInBatch = batch.Select((w, i) => i == 0 || batch[i - 1].Key != w.Key).ToArray();

        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var locks = new NpgsqlCommand(OfflineSql.LockStripes, connection, transaction))
        {
            locks.Parameters.AddWithValue("stripes", batch.Select(w => EntityStripes.Of(w.Key.EntityType, w.Key.EntityId)).Distinct().ToArray());
            await locks.ExecuteNonQueryAsync(cancellationToken);
        }

        var ttlSeconds = batch.Select(w => w.TimeToLive?.TotalSeconds).ToArray();
        long written = 0;
        var current = new List<StoredValue>();
        var changed = new HashSet<FeatureKey>();
        await using (var upsert = new NpgsqlCommand(OfflineSql.Upsert, connection, transaction))
        {
            keys.AddTo(upsert);
            upsert.Parameters.AddWithValue("versions", batch.Select(w => w.Version).ToArray());
            upsert.Parameters.AddWithValue("values", batch.Select(w => w.Value.ValueKind == JsonValueKind.Undefined ? "null" : w.Value.GetRawText()).ToArray());
            upsert.Parameters.AddWithValue("value_types", batch.Select(w => w.ValueType).ToArray());
            upsert.Parameters.AddWithValue("valid_froms", validFroms);
            upsert.Parameters.AddWithValue("next_in_batch", nextInBatch);
            upsert.Parameters.AddWithValue("first_in_batch", firstInBatch);
            upsert.Parameters.AddWithValue("ttl_seconds", ttlSeconds);
            await using var reader = await upsert.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                if (reader.IsDBNull(0))
                {
                    written = reader.GetInt64(8);
                    continue;
                }

                // A value the online copy took straight from the batch: the key's current value is the one written.
                changed.Add(ReadCurrent(reader, names, current));
            }
        }

        // The upsert closed the interval each key's first value lands in; a later one may land between rows of the
        // table. Nothing inserted or replaced (an unchanged re-run): no interval to close.
        var later = Enumerable.Range(0, batch.Count).Where(i => !firstInBatch[i]).ToList();
        if (written > 0 && later.Count > 0)
        {
            await using var rechain = new NpgsqlCommand(OfflineSql.Rechain, connection, transaction);
            keys.At(later).AddTo(rechain);
            rechain.Parameters.AddWithValue("valid_froms", later.Select(i => validFroms[i]).ToArray());
            await rechain.ExecuteNonQueryAsync(cancellationToken);
        }

        // The other keys (written into the past, rewritten, or unchanged) are refreshed from their latest history row.
        var rest = Enumerable.Range(0, batch.Count).Where(i => !changed.Contains(batch[i].Key)).ToList();
        if (rest.Count > 0)
        {
            await using var refresh = new NpgsqlCommand(OfflineSql.RefreshOnline, connection, transaction);
            keys.At(rest).AddTo(refresh);
            refresh.Parameters.AddWithValue("ttl_seconds", rest.Select(i => ttlSeconds[i]).ToArray());
            await using var reader = await refresh.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var key = ReadCurrent(reader, names, current);
                if (reader.GetBoolean(8))
                {
                    changed.Add(key);
                }
            }
        }

        // The mirror follows the online copy: a key whose online row this write left as it was keeps its vector.
        var vectors = batch.Select((w, i) => (w, i)).Where(x => x.w.ValueType == VectorType && changed.Contains(x.w.Key)).Select(x => x.i).ToList();
        if (vectors.Count > 0)
        {
            await using var sync = new NpgsqlCommand(OfflineSql.SyncVectors, connection, transaction);
            keys.At(vectors).AddTo(sync);
            AddEmbeddings(sync, [.. vectors.Select(i => batch[i].Value)], [.. vectors.Select(i => validFroms[i])]);
            await sync.ExecuteNonQueryAsync(cancellationToken);
        }

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

    // A current value as the upsert and the refresh return it: key, version, value text, valid_from, computed_at.
    private static FeatureKey ReadCurrent(NpgsqlDataReader reader, Dictionary<Guid, string> names, List<StoredValue> current)
    {
        var key = new FeatureKey(names[reader.GetGuid(0)], reader.GetInt32(1), reader.GetString(2), reader.GetString(3));
        current.Add(new StoredValue(key, reader.GetString(4), Json(reader.GetString(5)), reader.GetFieldValue<DateTimeOffset>(6), null, reader.GetFieldValue<DateTimeOffset>(7)));
        return key;
    }

    // The written vectors as one flat real[] (Postgres casts a slice to a vector without parsing text): each value's
    // start (1-based) and dimension, or nulls for a value that is not an array of numbers (the SQL parses the stored one).
    private static void AddEmbeddings(NpgsqlCommand command, JsonElement[] values, DateTimeOffset[] writtenFroms)
    {
        var flat = new List<float>();
        var starts = new int?[values.Length];
        var dims = new int?[values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            var start = flat.Count;
            if (TryAppendFloats(values[i], flat))
            {
                starts[i] = start + 1;
                dims[i] = flat.Count - start;
            }
            else
            {
                flat.RemoveRange(start, flat.Count - start);
            }
        }

        command.Parameters.AddWithValue("written_froms", writtenFroms);
        command.Parameters.AddWithValue("starts", starts);
        command.Parameters.AddWithValue("dims", dims);
        command.Parameters.AddWithValue("embeddings", flat.ToArray());
    }

    // One pass over the array; false at the first element that is not a number a float holds.
    private static bool TryAppendFloats(JsonElement value, List<float> flat)
    {
        if (value.ValueKind != JsonValueKind.Array)
        {
            return false;
        }

        foreach (var element in value.EnumerateArray())
        {
            if (element.ValueKind != JsonValueKind.Number || !element.TryGetSingle(out var number))
            {
                return false;
            }

            flat.Add(number);
        }

        return true;
    }

    private static JsonElement Json(string text)
    {
        using var document = JsonDocument.Parse(text);
        return document.RootElement.Clone();
    }
}
