using System.Text.Json;
using FeatureStore.Core.Values;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace FeatureStore.Redis.Values;

/// <summary>Change notices over Redis pub/sub, channel <c>{prefix}:changes</c>: a JSON array of [entityType, entityId, feature, line].</summary>
internal sealed class RedisValueChanges(IConnectionMultiplexer redis, IOptions<RedisOnlineStoreOptions> options) : IValueChanges
{
    public RedisChannel Channel { get; } = RedisChannel.Literal(options.Value.KeyPrefix + ":changes");

    public async Task PublishAsync(IReadOnlyCollection<FeatureKey> keys, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(keys);
        if (keys.Count == 0)
        {
            return;
        }

        var message = JsonSerializer.Serialize(keys.Select(k => new object[] { k.EntityType, k.EntityId, k.Feature, k.ValueLine }));
        await redis.GetSubscriber().PublishAsync(Channel, message).WaitAsync(cancellationToken);
    }

    public static IEnumerable<FeatureKey> Parse(string message)
    {
        using var document = JsonDocument.Parse(message);
        return document.RootElement.EnumerateArray()
            .Select(k => new FeatureKey(k[2].GetString()!, k[3].GetInt32(), k[0].GetString()!, k[1].GetString()!))
            .ToList();
    }
}
