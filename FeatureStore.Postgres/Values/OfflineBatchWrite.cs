using System.Text.Json;
using FeatureStore.Core.Registry;
using FeatureStore.Core.Values;
using Npgsql;
using NpgsqlTypes;

namespace FeatureStore.Postgres.Values;

/// <summary>
/// One write of the offline store, statement by statement (<see cref="OfflineSql"/>), inside the caller's transaction:
/// lock the entities' stripes, upsert the history (handing new latest values to the online copy), mark the value lines
/// it changed, re-chain a key's
/// later values, refresh the keys not handed on, mirror changed vectors. Returns every touched key's current value.
/// </summary>
internal sealed class OfflineBatchWrite
{
    private static readonly string VectorType = FeatureValueType.Vector.ToWireName();

    private readonly List<ValueWrite> _batch;
    private readonly Dictionary<Guid, string> _names;
    private readonly KeyColumns _keys;
    private readonly DateTimeOffset[] _validFroms;
    private readonly bool[] _firstInBatch;
    private readonly double?[] _ttlSeconds;
    private readonly int[] _stripes;
    private readonly List<StoredValue> _current = [];
    private readonly HashSet<FeatureKey> _changed = [];

    public OfflineBatchWrite(IReadOnlyList<ValueWrite> writes, IReadOnlyDictionary<string, Guid> ids)
    {
        // The same (key, valid_from) twice in one batch: the last one wins, as two calls would.
        // Sorted by key, then instant: neighbouring values touch neighbouring index pages, and each
        // value's next instant of the same key in the batch is the one after it.
        _batch = [.. writes.GroupBy(w => (w.Key, w.ValidFrom)).Select(g => g.Last())
            .OrderBy(w => w.Key.Feature, StringComparer.Ordinal).ThenBy(w => w.Key.ValueLine)
            .ThenBy(w => w.Key.EntityType, StringComparer.Ordinal).ThenBy(w => w.Key.EntityId, StringComparer.Ordinal)
            .ThenBy(w => w.ValidFrom)];
        _names = ids.ToDictionary(kv => kv.Value, kv => kv.Key);
        _keys = KeyColumns.Of([.. _batch.Select(w => w.Key)], ids);
        _validFroms = [.. _batch.Select(w => w.ValidFrom.ToUniversalTime())];
        _firstInBatch = [.. _batch.Select((w, i) => i == 0 || _batch[i - 1].Key != w.Key)];
        _ttlSeconds = [.. _batch.Select(w => w.TimeToLive?.TotalSeconds)];
        _stripes = [.. _batch.Select(w => EntityStripes.Of(w.Key.EntityType, w.Key.EntityId))];
    }

    public async Task<IReadOnlyList<StoredValue>> RunAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        await LockStripesAsync(connection, transaction, cancellationToken);
        var written = await UpsertAsync(connection, transaction, cancellationToken);
        if (written > 0)
        {
            await MarkLinesAsync(connection, transaction, cancellationToken);
        }

        // The upsert closed the interval each key's first value lands in; a later one may land between rows of the
        // table. Nothing inserted or replaced (an unchanged re-run): no interval to close.
        var later = Positions(i => !_firstInBatch[i]);
        if (written > 0 && later.Count > 0)
        {
            await using var rechain = new NpgsqlCommand(OfflineSql.Rechain, connection, transaction);
            _keys.At(later).AddTo(rechain);
            rechain.Parameters.AddWithValue("valid_froms", later.Select(i => _validFroms[i]).ToArray());
            await rechain.ExecuteNonQueryAsync(cancellationToken);
        }

        // The other keys (written into the past, rewritten, or unchanged) are refreshed from their latest history row.
        var rest = Positions(i => !_changed.Contains(_batch[i].Key));
        if (rest.Count > 0)
        {
            await RefreshOnlineAsync(rest, connection, transaction, cancellationToken);
        }

        // The mirror follows the online copy: a key whose online row this write left as it was keeps its vector.
        var vectors = Positions(i => _batch[i].ValueType == VectorType && _changed.Contains(_batch[i].Key));
        if (vectors.Count > 0)
        {
            await using var sync = new NpgsqlCommand(OfflineSql.SyncVectors, connection, transaction);
            _keys.At(vectors).AddTo(sync);
            AddEmbeddings(sync, [.. vectors.Select(i => _batch[i].Value)], [.. vectors.Select(i => _validFroms[i])]);
            await sync.ExecuteNonQueryAsync(cancellationToken);
        }

        return _current;
    }

    private List<int> Positions(Func<int, bool> where) => [.. Enumerable.Range(0, _batch.Count).Where(where)];

    private async Task LockStripesAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        await using var locks = new NpgsqlCommand(OfflineSql.LockStripes, connection, transaction);
        locks.Parameters.AddWithValue("stripes", _stripes.Distinct().ToArray());
        await locks.ExecuteNonQueryAsync(cancellationToken);
    }

    // The history changed: each (line, stripe) this write touched gets the transaction's id, and a line of few entities
    // names them (OfflineSql.MarkLines).
    private async Task MarkLinesAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        (Guid, int, string) Line(int i) => (_keys.FeatureIds[i], _keys.Lines[i], _keys.EntityTypes[i]);
        var entities = Enumerable.Range(0, _batch.Count).Select(i => (Line: Line(i), Entity: _keys.EntityIds[i]))
            .Distinct().ToList();
        var logged = entities.GroupBy(e => e.Line).Where(g => g.Count() <= OfflineSql.LogChangesUpTo).Select(g => g.Key).ToHashSet();
        var marks = Enumerable.Range(0, _batch.Count).Select(i => (Line: Line(i), Stripe: _stripes[i])).Distinct().ToList();
        var changes = entities.Where(e => logged.Contains(e.Line)).ToList();
        // An unlogged (line, stripe) is marked with the range of the entities this write changed in it.
        var ranges = Enumerable.Range(0, _batch.Count).Where(i => !logged.Contains(Line(i)))
            .GroupBy(i => (Line(i), _stripes[i]), i => _keys.EntityIds[i])
            .ToDictionary(g => g.Key, g => (Low: g.Min(CodePointOrder.Instance)!, High: g.Max(CodePointOrder.Instance)!));
        await using var mark = new NpgsqlCommand(OfflineSql.MarkLines, connection, transaction);
        mark.Parameters.AddWithValue("feature_ids", marks.Select(m => m.Line.Item1).ToArray());
        mark.Parameters.AddWithValue("lines", marks.Select(m => m.Line.Item2).ToArray());
        mark.Parameters.AddWithValue("entity_types", marks.Select(m => m.Line.Item3).ToArray());
        mark.Parameters.AddWithValue("stripes", marks.Select(m => m.Stripe).ToArray());
        mark.Parameters.AddWithValue("logged", marks.Select(m => logged.Contains(m.Line)).ToArray());
        mark.Parameters.Add(new NpgsqlParameter<string?[]>("lows", NpgsqlDbType.Array | NpgsqlDbType.Text) { TypedValue = [.. marks.Select(m => ranges.TryGetValue(m, out var r) ? r.Low : null)] });
        mark.Parameters.Add(new NpgsqlParameter<string?[]>("highs", NpgsqlDbType.Array | NpgsqlDbType.Text) { TypedValue = [.. marks.Select(m => ranges.TryGetValue(m, out var r) ? r.High : null)] });
        mark.Parameters.AddWithValue("range_writes", OfflineSql.RangeWrites);
        mark.Parameters.AddWithValue("changed_feature_ids", changes.Select(c => c.Line.Item1).ToArray());
        mark.Parameters.AddWithValue("changed_lines", changes.Select(c => c.Line.Item2).ToArray());
        mark.Parameters.AddWithValue("changed_entity_types", changes.Select(c => c.Line.Item3).ToArray());
        mark.Parameters.AddWithValue("changed_entity_ids", changes.Select(c => c.Entity).ToArray());
        await mark.ExecuteNonQueryAsync(cancellationToken);
    }

    // Returns the number of history rows written; the values handed to the online copy become current (and changed).
    private async Task<long> UpsertAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        await using var upsert = UpsertCommand(connection, transaction);
        await using var reader = await upsert.ExecuteReaderAsync(cancellationToken);
        long written = 0;
        while (await reader.ReadAsync(cancellationToken))
        {
            if (reader.IsDBNull(0))
            {
                written = reader.GetInt64(8);
                continue;
            }

            // A value the online copy took straight from the batch: the key's current value is the one written.
            _changed.Add(ReadCurrent(reader));
        }

        return written;
    }

    /// <summary>The batch's <see cref="OfflineSql.Upsert"/>, with its parameters (tests explain its plan).</summary>
    internal NpgsqlCommand UpsertCommand(NpgsqlConnection connection, NpgsqlTransaction transaction)
    {
        var upsert = new NpgsqlCommand(OfflineSql.Upsert, connection, transaction);
        _keys.AddTo(upsert);
        upsert.Parameters.AddWithValue("versions", _batch.Select(w => w.Version).ToArray());
        upsert.Parameters.AddWithValue("values", _batch.Select(w => w.Value.ValueKind == JsonValueKind.Undefined ? "null" : w.Value.GetRawText()).ToArray());
        upsert.Parameters.AddWithValue("value_types", _batch.Select(w => w.ValueType).ToArray());
        upsert.Parameters.AddWithValue("valid_froms", _validFroms);
        upsert.Parameters.AddWithValue("next_in_batch", _batch.Select((w, i) => i + 1 < _batch.Count && _batch[i + 1].Key == w.Key ? _validFroms[i + 1] : (DateTimeOffset?)null).ToArray());
        upsert.Parameters.AddWithValue("first_in_batch", _firstInBatch);
        upsert.Parameters.AddWithValue("ttl_seconds", _ttlSeconds);
        return upsert;
    }

    private async Task RefreshOnlineAsync(List<int> positions, NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        await using var refresh = new NpgsqlCommand(OfflineSql.RefreshOnline, connection, transaction);
        _keys.At(positions).AddTo(refresh);
        refresh.Parameters.AddWithValue("ttl_seconds", positions.Select(i => _ttlSeconds[i]).ToArray());
        await using var reader = await refresh.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var key = ReadCurrent(reader);
            if (reader.GetBoolean(8))
            {
                _changed.Add(key);
            }
        }
    }

    // A current value as the upsert and the refresh return it: key, version, value, valid_from, computed_at. The jsonb
    // is parsed from the wire's UTF-8 (as its text, the form Redis mirrors): a string of it first was an embedding's
    // 8 KB more garbage, and a copy of the parsed document another 8 KB.
    private FeatureKey ReadCurrent(NpgsqlDataReader reader)
    {
        var key = new FeatureKey(_names[reader.GetGuid(0)], reader.GetInt32(1), reader.GetString(2), reader.GetString(3));
        _current.Add(new StoredValue(key, reader.GetString(4), reader.GetFieldValue<JsonElement>(5), reader.GetFieldValue<DateTimeOffset>(6), null,
            reader.GetFieldValue<DateTimeOffset>(7)));
        return key;
    }

    // The written vectors as one flat real[] (Postgres casts a slice to a vector without parsing text): each value's
    // start (1-based) and dimension, or nulls for a value that is not an array of numbers (the SQL parses the stored one).
    // Sized once from the arrays' lengths: a message item's 2,000 embeddings are a 3 MB large object, and a growing list
    // made three of them (its doublings and the copy out), each counting towards the next full collection.
    private static void AddEmbeddings(NpgsqlCommand command, JsonElement[] values, DateTimeOffset[] writtenFroms)
    {
        var flat = new float[values.Sum(v => v.ValueKind == JsonValueKind.Array ? v.GetArrayLength() : 0)];
        var used = 0;
        var starts = new int?[values.Length];
        var dims = new int?[values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            if (TryCopyFloats(values[i], flat.AsSpan(used), out var dimension))
            {
                starts[i] = used + 1;
                dims[i] = dimension;
                used += dimension;
            }
        }

        command.Parameters.AddWithValue("written_froms", writtenFroms);
        command.Parameters.AddWithValue("starts", starts);
        command.Parameters.AddWithValue("dims", dims);
        command.Parameters.AddWithValue("embeddings", used == flat.Length ? flat : flat[..used]);
    }

    // One pass over the array into the span's start; false at the first element that is not a number a float holds.
    private static bool TryCopyFloats(JsonElement value, Span<float> into, out int count)
    {
        count = 0;
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

            into[count++] = number;
        }

        return true;
    }
}
