using FeatureStore.Compute.Startup;
using FeatureStore.Core.Computation.Runs;

namespace FeatureStore.Compute.Batch;

/// <summary>
/// The batch loop of a Compute replica: once start-up work is done, plan the schedules that are
/// due (every replica may try; each tick is planned once), then work through the shared queue
/// until it is empty, and wait. Every replica runs this; the queue keeps them from doing anything twice.
/// </summary>
internal sealed class BatchScheduler(StartupState startup, BatchPlanner planner, WorkItemProcessor processor, BatchOptions options,
    TimeProvider clock, ILogger<BatchScheduler> logger) : BackgroundService
{
    /// <summary>This replica's name on the items it claims.</summary>
    public string Worker { get; } = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid().ToString("N")[..6]}";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Enabled)
        {
            logger.LogInformation("Batch computation is off (FeatureStore:Compute:Batch:Enabled=false)");
            return;
        }

        await startup.WaitAsync(stoppingToken);
        var nextPlan = DateTimeOffset.MinValue;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (clock.GetUtcNow() >= nextPlan)
                {
                    foreach (var job in await planner.PlanDueAsync(stoppingToken))
                    {
                        logger.LogInformation("Planned {Schedule} run {Job} at {At:O}: {Items} work item(s)", job.Schedule, job.Id, job.At, job.ItemsTotal);
                    }

                    nextPlan = clock.GetUtcNow() + options.PlanInterval;
                }

                while (!stoppingToken.IsCancellationRequested && await processor.ProcessNextAsync(Worker, stoppingToken))
                {
                }
            }
            catch (Exception error) when (error is not OperationCanceledException)
            {
                // Postgres or Redis away, or an item that failed: the item is retried after its lease.
                logger.LogError(error, "Batch loop error; retrying in {Delay}", options.PollInterval);
            }

            await Task.Delay(options.PollInterval, clock, stoppingToken);
        }
    }
}
