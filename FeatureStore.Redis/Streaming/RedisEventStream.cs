using FeatureStore.Core.Computation.Streaming;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace FeatureStore.Redis.Streaming;

/// <summary>
/// The event stream on Redis Streams: <c>{prefix}:events</c>, read by the consumer group
/// <c>compute</c>; each entry has one field, <c>batch</c>, holding the JSON batch. Entries that
/// can never be applied move to <c>{prefix}:events:dead</c> with the reason.
/// </summary>
internal sealed class RedisEventStream(IConnectionMultiplexer redis, IOptions<RedisOnlineStoreOptions> options) : IEventStream
{
    /// <summary>The consumer group every Compute replica reads in.</summary>
    public const string Group = "compute";

    /// <summary>The field of an entry that holds the batch.</summary>
    public const string BatchField = "batch";

    private readonly string _key = $"{options.Value.KeyPrefix}:events";
    private readonly string _deadKey = $"{options.Value.KeyPrefix}:events:dead";
    private volatile bool _groupReady;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, long> _nextClaim = new(StringComparer.Ordinal);

    /// <summary>The stream's key.</summary>
    public string Key => _key;

    public async Task<string> PublishAsync(string json, CancellationToken cancellationToken)
    {
        var id = await redis.GetDatabase().StreamAddAsync(_key, BatchField, json);
        return id.ToString();
    }

    public async Task<IReadOnlyList<EventEntry>> ReadAsync(string consumer, int count, TimeSpan claimAfter, CancellationToken cancellationToken)
    {
        var database = redis.GetDatabase();
        await EnsureGroupAsync(database);

        // Entries a dead consumer held: take them over first, with how often they were delivered.
        // Looked for a few times per claimAfter, not on every poll: an idle poll costs one round trip.
        var now = Environment.TickCount64;
        if (now < _nextClaim.GetValueOrDefault(consumer))
        {
            return await ReadNewAsync(database, consumer, count);
        }

        _nextClaim[consumer] = now + Math.Max(1, (long)claimAfter.TotalMilliseconds / 4);
        var claimed = await database.StreamAutoClaimAsync(_key, Group, consumer, (long)claimAfter.TotalMilliseconds, "0-0", count);
        if (!claimed.IsNull && claimed.ClaimedEntries.Length > 0)
        {
            var entries = claimed.ClaimedEntries.Where(e => !e.IsNull).ToArray();
            if (entries.Length > 0)
            {
                var pending = await database.StreamPendingMessagesAsync(_key, Group, entries.Length, consumer, entries[0].Id, entries[^1].Id);
                var deliveries = pending.ToDictionary(p => p.MessageId.ToString(), p => (long)p.DeliveryCount);
                return [.. entries.Select(e => new EventEntry(e.Id.ToString(), e[BatchField].ToString(), deliveries.GetValueOrDefault(e.Id.ToString(), 2)))];
            }
        }

        return await ReadNewAsync(database, consumer, count);
    }

    private async Task<IReadOnlyList<EventEntry>> ReadNewAsync(IDatabase database, string consumer, int count)
    {
        var fresh = await database.StreamReadGroupAsync(_key, Group, consumer, StreamPosition.NewMessages, count);
        return [.. fresh.Where(e => !e.IsNull).Select(e => new EventEntry(e.Id.ToString(), e[BatchField].ToString(), 1))];
    }

    public async Task AcknowledgeAsync(IReadOnlyList<string> ids, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ids);
        if (ids.Count > 0)
        {
            await redis.GetDatabase().StreamAcknowledgeAsync(_key, Group, [.. ids.Select(id => (RedisValue)id)]);
        }
    }

    public async Task DeadLetterAsync(EventEntry entry, string reason, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        await redis.GetDatabase().StreamAddAsync(_deadKey, [new NameValueEntry("id", entry.Id), new NameValueEntry(BatchField, entry.Json), new NameValueEntry("reason", reason)]);
    }

    private async Task EnsureGroupAsync(IDatabase database)
    {
        if (_groupReady)
        {
            return;
        }

        try
        {
            // From the stream's start: entries published before any consumer existed are not lost.
            await database.StreamCreateConsumerGroupAsync(_key, Group, "0-0", createStream: true);
        }
        catch (RedisServerException error) when (error.Message.StartsWith("BUSYGROUP", StringComparison.Ordinal))
        {
            // Another replica created it.
        }

        _groupReady = true;
    }
}
