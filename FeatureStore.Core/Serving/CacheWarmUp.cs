using System.Diagnostics;
using FeatureStore.Core.Values;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FeatureStore.Core.Serving;

/// <summary>
/// Fills the in-process cache from the online store each time it starts serving (start-up, and
/// after every reconnect, which empties it), so even an entity's first read is a hit. Loading runs
/// beside serving; a batch read while any change notice arrived is dropped (it may hold a value
/// the notice replaced), like any other fill.
/// </summary>
public sealed class CacheWarmUp(CurrentValueCache cache, IOnlineStore online, IOptions<CacheOptions> options, ILogger<CacheWarmUp> logger) : BackgroundService
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(500);

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled || !options.Value.WarmUp)
        {
            return;
        }

        using var timer = new PeriodicTimer(Poll);
        var warmed = 0;
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            var epoch = cache.Epoch;
            if (!cache.IsActive || epoch == warmed)
            {
                continue;
            }

            warmed = epoch;
            try
            {
                await WarmAsync(epoch, stoppingToken);
            }
            catch (Exception error) when (error is not OperationCanceledException)
            {
                // Only a warm-up lost: reads fill the cache as they come.
                logger.LogWarning("Cache warm-up stopped: {Message}", error.Message);
            }
        }
    }

    private async Task WarmAsync(int epoch, CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        long loaded = 0, dropped = 0;
        await using var batches = online.ScanAsync(cancellationToken).GetAsyncEnumerator(cancellationToken);
        while (cache.IsActive && cache.Epoch == epoch && cache.Room > 0)
        {
            var generation = cache.Generation;
            if (!await batches.MoveNextAsync())
            {
                break;
            }

            var batch = batches.Current.Take(cache.Room).ToDictionary(v => v.Key);
            cache.Fill(batch.Keys, batch, generation);
            (loaded, dropped) = cache.Generation == generation ? (loaded + batch.Count, dropped) : (loaded, dropped + batch.Count);
        }

        ServingMetrics.CacheWarmed.Add(loaded);
        logger.LogInformation("Cache warmed with {Loaded:N0} current values in {Seconds:0.0} s ({Dropped:N0} skipped: changed while read); {Count:N0} cached",
            loaded, watch.Elapsed.TotalSeconds, dropped, cache.Count);
    }
}
