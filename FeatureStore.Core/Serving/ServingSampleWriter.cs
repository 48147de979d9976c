using FeatureStore.Core.Drift;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FeatureStore.Core.Serving;

/// <summary>
/// Writes sampled served values in batches: as soon as <see cref="ServingSampleOptions.BatchSize"/> are waiting,
/// or <see cref="ServingSampleOptions.FlushInterval"/> after the first of a batch arrived. A batch that cannot be
/// written (Postgres away, schema not migrated yet) is dropped and counted: samples are statistics, not data.
/// </summary>
internal sealed class ServingSampleWriter(ServingSampler sampler, IServingSampleStore store, IOptions<ServingSampleOptions> options, TimeProvider clock, ILogger<ServingSampleWriter> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var pending = sampler.Pending;
        var batch = new List<ServingSample>(options.Value.BatchSize);
        while (await pending.WaitToReadAsync(stoppingToken))
        {
            // Let a batch fill for up to FlushInterval, so a trickle of reads costs one write per interval.
            var deadline = clock.GetUtcNow() + options.Value.FlushInterval;
            while (batch.Count < options.Value.BatchSize)
            {
                if (pending.TryRead(out var sample))
                {
                    batch.Add(sample);
                    continue;
                }

                var wait = deadline - clock.GetUtcNow();
                if (wait <= TimeSpan.Zero)
                {
                    break;
                }

                await Task.Delay(wait < Poll ? wait : Poll, clock, stoppingToken);
            }

            await WriteAsync(batch, stoppingToken);
            batch.Clear();
        }
    }

    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(50);

    private async Task WriteAsync(List<ServingSample> batch, CancellationToken cancellationToken)
    {
        try
        {
            await store.AppendAsync(batch, cancellationToken);
            ServingMetrics.ServingSamplesWritten.Add(batch.Count);
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            ServingMetrics.ServingSamplesDropped.Add(batch.Count);
            logger.LogWarning("Could not store {Count} serving sample(s) ({Message}); they are dropped", batch.Count, error.Message);
        }
    }
}
