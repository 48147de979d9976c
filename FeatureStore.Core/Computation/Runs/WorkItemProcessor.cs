using System.Diagnostics;
using FeatureStore.Core.Serving;
using Microsoft.Extensions.Logging;

namespace FeatureStore.Core.Computation.Runs;

/// <summary>
/// Takes one work item at a time from the shared queue, recomputes its entities with
/// <see cref="EntityRecomputer"/>, logs the run per feature and marks the item done. A replica
/// that dies holding an item leaves it to be claimed again when the lease runs out.
/// </summary>
public sealed class WorkItemProcessor(IComputationQueue queue, EntityRecomputer recomputer, RegistryCache registry, IComputationLog log,
    BatchOptions options, TimeProvider clock, ILogger<WorkItemProcessor> logger)
{
    /// <summary>Processes one item; false when the queue had none.</summary>
    public async Task<bool> ProcessNextAsync(string worker, CancellationToken cancellationToken)
    {
        var item = await queue.ClaimAsync(worker, options.Lease, cancellationToken);
        if (item is null)
        {
            return false;
        }

        var started = clock.GetUtcNow();
        var stopwatch = Stopwatch.StartNew();
        try
        {
            var job = item.Job;
            var targets = ComputationTargets.Select((await registry.GetAsync(cancellationToken)).Values, started,
                v => (job.Kind == ComputationJob.Backfill || v.Spec.Refresh == job.Schedule) && (job.Features.Count == 0 || job.Features.Contains(v.Spec.Name)));
            var result = await recomputer.RecomputeAsync(item.EntityType, item.EntityIds, targets, job.At, job.After, cancellationToken);
            var completed = started + stopwatch.Elapsed;
            await log.RecordAsync(ComputationLogEntry.From(result.Computed, ComputationTypes.Batch, job.Id, started, completed), cancellationToken);
            var errors = result.Computed.Problems.Count;
            if (errors > 0)
            {
                logger.LogWarning("Job {Job} item {Item}: {Count} problem(s), first: {Problem}", job.Id, item.Id, errors, result.Computed.Problems[0]);
            }

            await queue.CompleteAsync(item, worker, item.EntityIds.Count, errors, cancellationToken);
            return true;
        }
        catch (Exception error) when (error is not OperationCanceledException && item.Attempts >= MaxAttempts)
        {
            // Retried enough: record the failure so the job ends, and the log says why.
            logger.LogError(error, "Job {Job} item {Item} failed after {Attempts} attempt(s)", item.Job.Id, item.Id, item.Attempts);
            var problem = new ComputationProblem(null, item.EntityIds.Count > 0 ? item.EntityIds[0] : "", null, error.Message);
            await log.RecordAsync([new ComputationLogEntry(null, ComputationTypes.Batch, item.Job.Id, 0, stopwatch.Elapsed, 1, [problem], started, clock.GetUtcNow())], CancellationToken.None);
            await queue.FailAsync(item, worker, error.Message, CancellationToken.None);
            return true;
        }
    }

    // A failing item is claimed again after its lease (the fault may pass: Redis back, a deadlock retried).
    private const int MaxAttempts = 3;
}
