using System.Diagnostics;
using FeatureStore.Benchmarks.Measuring;
using FeatureStore.Core.Computation.Streaming;
using FeatureStore.Core.Sources;
using FeatureStore.Redis;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Npgsql;
using StackExchange.Redis;

namespace FeatureStore.Benchmarks.Computation;

/// <summary>
/// Event-to-online latency: with one stream consumer running as a Compute replica runs it (same
/// idle poll), publish one new message at a time to the stream and poll Redis every millisecond
/// until the message's token count is online.
/// </summary>
internal static class StreamingLatency
{
    /// <summary>
    /// Events sent first and reported apart: the first ones after the batch pay the stream path's first use in this
    /// process (code compiled, statements prepared, the consumer's first reads), which a running Compute paid long ago.
    /// </summary>
    public const int WarmUpEvents = 3;

    public static async Task<(Percentiles Steady, IReadOnlyList<double> WarmUp)> MeasureAsync(IServiceProvider services, NpgsqlDataSource database, string redisConnection, int events, int seed, CancellationToken cancellationToken)
    {
        var conversations = new List<(string Id, string Tenant, string User)>();
        await using (var command = database.CreateCommand($"SELECT id, tenant_id, user_id FROM src_conversations ORDER BY md5(id || '{seed}') LIMIT {events + WarmUpEvents}"))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                conversations.Add((reader.GetString(0), reader.GetString(1), reader.GetString(2)));
            }
        }

        var stream = services.GetRequiredService<IEventStream>();
        var processor = services.GetRequiredService<StreamProcessor>();
        var idle = services.GetRequiredService<StreamingOptions>().IdleDelay;
        var prefix = services.GetRequiredService<IOptions<RedisOnlineStoreOptions>>().Value.KeyPrefix;
        using var consuming = new CancellationTokenSource();
        var consumer = Task.Run(async () =>
        {
            while (!consuming.IsCancellationRequested)
            {
                if (await processor.ProcessNextAsync("bench-stream", consuming.Token) == 0)
                {
                    await Task.Delay(idle, consuming.Token);
                }
            }
        }, CancellationToken.None);

        await using var redis = await ConnectionMultiplexer.ConnectAsync(redisConnection);
        var db = redis.GetDatabase();
        var samples = new List<double>();
        try
        {
            for (var i = 0; i < conversations.Count; i++)
            {
                var (conversation, tenant, user) = conversations[i];
                var id = $"bench-m{i:D6}";
                var message = new Message(id, conversation, tenant, user, MessageRole.User, i % 2 == 0 ? "¿Tienen citas para mañana?" : "How much is a haircut?",
                    DateTimeOffset.UtcNow, null, Intents.Booking, i % 2 == 0 ? "es" : "en");
                var watch = Stopwatch.StartNew();
                await stream.PublishAsync(SourceBatchJson.Serialize(SourceBatch.Empty with { Messages = [message] }), cancellationToken);
                while (!await db.HashExistsAsync($"{prefix}:message:{id}", "msg:token_count#1"))
                {
                    if (watch.Elapsed > TimeSpan.FromSeconds(10))
                    {
                        throw new TimeoutException($"event {id} was not online after 10 s");
                    }

                    await Task.Delay(1, cancellationToken);
                }

                samples.Add(watch.Elapsed.TotalMilliseconds);
            }
        }
        finally
        {
            await consuming.CancelAsync();
            try
            {
                await consumer;
            }
            catch (OperationCanceledException)
            {
                // Stopped.
            }
        }

        return (new Percentiles(samples[WarmUpEvents..]), samples[..WarmUpEvents]);
    }
}
