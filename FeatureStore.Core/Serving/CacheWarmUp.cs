using System.Diagnostics;
using FeatureStore.Core.Values;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FeatureStore.Core.Serving;

/// <summary>
/// Fills the in-process cache from the online store each time it starts serving (start-up, and
/// after every reconnect, which empties it), so even an entity's first read is a hit; then reads
/// the store again every half <see cref="CacheOptions.MaxAge"/> and re-stamps what it finds, so a
/// warmed entry never expires while it is still the store's value (without that, every entry not
/// read in the last MaxAge would be a miss again, and a long tail is mostly such entries). Loading
/// runs beside serving; a batch read while any change notice arrived is dropped (it may hold a
/// value the notice replaced), like any other fill.
/// </summary>
public sealed class CacheWarmUp(CurrentValueCache cache, IOnlineStore online, IOptions<CacheOptions> options, TimeProvider clock, ILogger<CacheWarmUp> logger) : BackgroundService
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(500);

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled || !options.Value.WarmUp)
        {
            return;
        }

        using var timer = new PeriodicTimer(Poll, clock);
        var refreshEvery = options.Value.MaxAge / 2;
        var warmed = 0;
        var lastRead = DateTimeOffset.MinValue;
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            var epoch = cache.Epoch;
            var refresh = epoch == warmed;
            if (!cache.IsActive || (refresh && clock.GetUtcNow() - lastRead < refreshEvery))
            {
                continue;
            }

            warmed = epoch;
            lastRead = clock.GetUtcNow();
            try
            {
                await ReadAllAsync(epoch, refresh, stoppingToken);
            }
            catch (Exception error) when (error is not OperationCanceledException)
            {
                // Only a warm-up lost: reads fill the cache as they come, and the next refresh tries again.
                logger.LogWarning("Cache {Pass} stopped: {Message}", refresh ? "refresh" : "warm-up", error.Message);
            }
        }
    }

    private async Task ReadAllAsync(int epoch, bool refresh, CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        long loaded = 0, dropped = 0;
        await using var batches = online.ScanAsync(cancellationToken).GetAsyncEnumerator(cancellationToken);
        while (cache.IsActive && cache.Epoch == epoch && (refresh || cache.Room > 0))
        {
            var generation = cache.Generation;
            if (!await batches.MoveNextAsync())
            {
                break;
            }

            // One pass for both: a warm-up adds keys while there is room, a refresh re-stamps what is cached too.
            var batch = batches.Current.ToDictionary(v => v.Key);
            var stamped = cache.Refresh(batch, generation);
            (loaded, dropped) = cache.Generation == generation ? (loaded + stamped, dropped) : (loaded, dropped + batch.Count);
        }

        (refresh ? ServingMetrics.CacheRefreshed : ServingMetrics.CacheWarmed).Add(loaded);
        logger.LogInformation("Cache {Pass} with {Loaded:N0} current values in {Seconds:0.0} s ({Dropped:N0} skipped: changed while read); {Count:N0} cached",
            refresh ? "refreshed" : "warmed", loaded, watch.Elapsed.TotalSeconds, dropped, cache.Count);
    }
}
