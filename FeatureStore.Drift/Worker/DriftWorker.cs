using Microsoft.Extensions.Options;

namespace FeatureStore.Drift.Worker;

/// <summary>
/// The drift worker's loop: once the schema is there, queue the due scheduled check, run queued checks (scheduled
/// or requested) until none is left, and wait <see cref="DriftOptions.PollInterval"/>. Every replica runs this;
/// the queue's claims keep them from running one check twice.
/// </summary>
internal sealed class DriftWorker(SchemaGate schema, DriftScheduler scheduler, DriftRequestProcessor processor, IOptions<DriftOptions> options, TimeProvider clock,
    ILogger<DriftWorker> logger) : BackgroundService
{
    /// <summary>This replica's name on the checks it claims.</summary>
    public string Name { get; } = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid().ToString("N")[..6]}";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
        {
            logger.LogInformation("Drift checks are off (Drift:Enabled=false)");
            return;
        }

        await schema.WaitAsync(stoppingToken);
        logger.LogInformation("Checking drift every {Interval} over {Window} windows as {Worker}", options.Value.Interval, options.Value.Window, Name);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await scheduler.ScheduleDueAsync(stoppingToken);
                while (!stoppingToken.IsCancellationRequested && await processor.ProcessNextAsync(Name, stoppingToken) is not null)
                {
                }
            }
            catch (Exception error) when (error is not OperationCanceledException)
            {
                // Postgres away, or a run that failed (marked failed in the queue): try again after the poll interval.
                logger.LogError(error, "Drift loop error; retrying in {Delay}", options.Value.PollInterval);
            }

            await Task.Delay(options.Value.PollInterval, clock, stoppingToken);
        }
    }
}
