using FeatureStore.Core.Serving;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace FeatureStore.Redis.Values;

/// <summary>
/// Keeps the in-process cache honest: evicts keys as change notices arrive, and turns the cache
/// off whenever the Redis connection drops (notices could be lost) until it is back.
/// </summary>
internal sealed class CacheInvalidationListener(
    IConnectionMultiplexer redis, RedisValueChanges changes, CurrentValueCache cache, ILogger<CacheInvalidationListener> logger) : BackgroundService
{
    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(2);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var subscribed = false;
        redis.ConnectionFailed += (_, e) =>
        {
            cache.StopListening();
            logger.LogWarning("Redis connection lost ({Failure}); in-process cache off until it is back", e.FailureType);
        };
        // Only the subscription connection carries notices, and only once we have subscribed.
        redis.ConnectionRestored += (_, e) =>
        {
            if (subscribed && e.ConnectionType == ConnectionType.Subscription)
            {
                cache.StartListening();
            }
        };

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await redis.GetSubscriber().SubscribeAsync(changes.Channel, (_, message) => cache.Evict(RedisValueChanges.Parse(message.ToString())));
                subscribed = true;
                cache.StartListening();
                logger.LogInformation("In-process cache on, evicting on notices from {Channel}", changes.Channel);
                return;
            }
            catch (RedisException error)
            {
                logger.LogWarning("Cannot subscribe to change notices yet ({Message}); cache stays off", error.Message);
                await Task.Delay(RetryDelay, stoppingToken);
            }
        }
    }
}
