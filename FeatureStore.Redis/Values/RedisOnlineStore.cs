using System.Runtime.CompilerServices;
using FeatureStore.Core.Values;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace FeatureStore.Redis.Values;

/// <summary>Current values in Redis: one HMGET per entity, all of a request's entities in one pipelined round trip.</summary>
internal sealed class RedisOnlineStore(IConnectionMultiplexer redis, IOptions<RedisOnlineStoreOptions> options) : IOnlineStore
{
    private readonly RedisKeys _keys = new(options.Value.KeyPrefix);

    public async Task<IReadOnlyDictionary<FeatureKey, StoredValue>> ReadAsync(IReadOnlyCollection<FeatureKey> keys, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var found = new Dictionary<FeatureKey, StoredValue>();
        if (keys.Count == 0)
        {
            return found;
        }

        var byEntity = keys.Distinct().GroupBy(k => _keys.Entity(k)).Select(g => (Hash: g.Key, Keys: g.ToArray())).ToList();
        var database = redis.GetDatabase();
        var batch = database.CreateBatch();
        var reads = byEntity.Select(e => batch.HashGetAsync(e.Hash, [.. e.Keys.Select(k => (RedisValue)RedisKeys.Field(k))])).ToList();
        batch.Execute();
        var results = await Task.WhenAll(reads).WaitAsync(cancellationToken);
        for (var i = 0; i < byEntity.Count; i++)
        {
            for (var j = 0; j < byEntity[i].Keys.Length; j++)
            {
                if (results[i][j] is { IsNull: false } payload)
                {
                    var key = byEntity[i].Keys[j];
                    found[key] = RedisValuePayload.Read(key, payload.ToString());
                }
            }
        }

        return found;
    }

    public async IAsyncEnumerable<IReadOnlyList<StoredValue>> ScanAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var database = redis.GetDatabase();
        var cursor = "0";
        do
        {
            // SCAN's TYPE filter skips the prefix's other keys (the event streams); only entity hashes hold values.
            var page = (RedisResult[])(await database.ExecuteAsync("SCAN", cursor, "MATCH", _keys.AllEntities, "COUNT", ScanPage, "TYPE", "hash").WaitAsync(cancellationToken))!;
            cursor = page[0].ToString();
            var hashes = ((RedisResult[])page[1]!).Select(r => r.ToString()).ToList();
            var batch = database.CreateBatch();
            var reads = hashes.Select(h => batch.HashGetAllAsync(h)).ToList();
            batch.Execute();
            var entries = await Task.WhenAll(reads).WaitAsync(cancellationToken);
            var values = new List<StoredValue>();
            for (var i = 0; i < hashes.Count; i++)
            {
                if (_keys.ParseEntity(hashes[i]) is not { } entity)
                {
                    continue;
                }

                foreach (var field in entries[i])
                {
                    if (RedisKeys.ParseField(field.Name.ToString()) is { } line)
                    {
                        values.Add(RedisValuePayload.Read(new FeatureKey(line.Feature, line.ValueLine, entity.Type, entity.Id), field.Value.ToString()));
                    }
                }
            }

            yield return values;
        }
        while (cursor != "0");
    }

    // Entities per SCAN page (and per pipelined HGETALL batch).
    private const int ScanPage = 500;

    public async Task WriteAsync(IReadOnlyList<StoredValue> values, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count == 0)
        {
            return;
        }

        var database = redis.GetDatabase();
        var batch = database.CreateBatch();
        var writes = values.GroupBy(v => _keys.Entity(v.Key))
            .Select(g => batch.ScriptEvaluateAsync(NewerOnlyScript.Lua, [(RedisKey)g.Key],
                [.. g.SelectMany(v => new RedisValue[] { RedisKeys.Field(v.Key), RedisValuePayload.Write(v), RedisValuePayload.Micros(v.ValidFrom), RedisValuePayload.Micros(v.ComputedAt) })]))
            .ToList();
        batch.Execute();
        await Task.WhenAll(writes).WaitAsync(cancellationToken);
    }
}
