using FeatureStore.Benchmarks.Data;
using FeatureStore.Benchmarks.Measuring;
using FeatureStore.Redis;
using FeatureStore.Redis.Values;
using StackExchange.Redis;

namespace FeatureStore.Benchmarks.Floors;

/// <summary>
/// The Redis floor: raw StackExchange.Redis on the same hashes the gateway reads (the adapter's key
/// layout, <see cref="RedisKeys"/>), one HGETALL, and 100 HGETALLs pipelined with one WhenAll.
/// </summary>
internal sealed class RedisFloor(IConnectionMultiplexer redis, ServingDataset data)
{
    public const string One = "floor: Redis HGETALL x1";
    public const string Hundred = "floor: Redis 100 HGETALL pipelined";
    private static readonly RedisKeys Keys = new(new RedisOnlineStoreOptions().KeyPrefix);

    public static RedisKey Key(string entityId) => Keys.Entity(BenchmarkFeature.EntityType, entityId);

    public static RedisKey Key(int entity) => Key(ServingDataset.EntityId(entity));

    public IEnumerable<Probe> Probes(int manyEntities)
    {
        var database = redis.GetDatabase();
        yield return new Probe(One, random =>
        {
            HashEntry[] entries = [];
            var key = Key(random.Next(data.Entities));
            return new Call(async _ => entries = await database.HashGetAllAsync(key), () => Check(entries));
        });
        yield return new Probe(Hundred, random =>
        {
            HashEntry[][] answers = [];
            var keys = RandomEntities.Distinct(random, manyEntities, data.Entities).Select(Key).ToArray();
            return new Call(async _ => answers = await Task.WhenAll(keys.Select(k => database.HashGetAllAsync(k))), () =>
            {
                foreach (var entries in answers)
                {
                    Check(entries);
                }
            });
        });
    }

    private void Check(HashEntry[] entries)
    {
        if (entries.Length != data.Features.Count)
        {
            throw new InvalidOperationException($"Redis floor: a hash has {entries.Length} fields, not {data.Features.Count}: the dataset is not in Redis");
        }
    }
}
