using FeatureStore.Compute.Startup;
using FeatureStore.Core.Computation.Streaming;

namespace FeatureStore.Compute.Streaming;

/// <summary>
/// The streaming loop of a Compute replica: read the event stream in the consumer group, apply
/// each batch (<see cref="StreamProcessor"/>), read again at once while there is more, and poll
/// every <see cref="StreamingOptions.IdleDelay"/> when there is not.
/// </summary>
internal sealed class StreamingWorker(StartupState startup, StreamProcessor processor, StreamingOptions options, TimeProvider clock, ILogger<StreamingWorker> logger)
    : BackgroundService
{
    /// <summary>This replica's consumer name (a restarted replica is a new consumer; the old one's pending entries are taken over).</summary>
    public string Consumer { get; } = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid().ToString("N")[..6]}";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Enabled)
        {
            logger.LogInformation("Streaming computation is off (FeatureStore:Compute:Streaming:Enabled=false)");
            return;
        }

        await startup.WaitAsync(stoppingToken);
        logger.LogInformation("Reading the event stream as {Consumer}", Consumer);
        var failureDelay = TimeSpan.FromSeconds(1);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (await processor.ProcessNextAsync(Consumer, stoppingToken) == 0)
                {
                    await Task.Delay(options.IdleDelay, clock, stoppingToken);
                }
            }
            catch (Exception error) when (error is not OperationCanceledException)
            {
                // The entries stay pending and come back to a consumer after ClaimAfter.
                logger.LogError(error, "Streaming error; retrying in {Delay}", failureDelay);
                await Task.Delay(failureDelay, clock, stoppingToken);
            }
        }
    }
}
