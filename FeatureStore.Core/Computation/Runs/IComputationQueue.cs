namespace FeatureStore.Core.Computation.Runs;

/// <summary>
/// Batch jobs and their work items, shared by every Compute replica: an item is claimed by one
/// replica at a time for a lease; an item whose replica died is claimed again when its lease
/// runs out, and computing it again writes the same values (so nothing is lost or doubled).
/// </summary>
public interface IComputationQueue
{
    /// <summary>The newest job of a schedule (where the next incremental run starts), or null.</summary>
    Task<ComputationJob?> LastJobAsync(string schedule, CancellationToken cancellationToken);

    /// <summary>
    /// Creates a job with one item per entity group, all or nothing. Returns null for a scheduled
    /// job whose (schedule, tick) exists already (another replica planned it first). <paramref name="vectorLoads"/>
    /// are the job's large vector loads (<see cref="BatchOptions.BulkVectorLoadFrom"/>).
    /// </summary>
    Task<ComputationJob?> CreateAsync(ComputationJob job, IReadOnlyList<(string EntityType, IReadOnlyList<string> Ids)> items, IReadOnlyList<VectorLoad> vectorLoads,
        CancellationToken cancellationToken);

    /// <summary>Claims the oldest item nobody holds (or whose lease ran out) for <paramref name="lease"/>; null when none.</summary>
    Task<WorkItem?> ClaimAsync(string worker, TimeSpan lease, CancellationToken cancellationToken);

    /// <summary>Records a finished item and adds it to its job's progress, once, even if a second claimant finishes it too.</summary>
    Task CompleteAsync(WorkItem item, string worker, int entities, int errors, CancellationToken cancellationToken);

    /// <summary>Records an item that could not be computed at all; its job ends <c>failed</c>.</summary>
    Task FailAsync(WorkItem item, string worker, string reason, CancellationToken cancellationToken);

    /// <summary>A job by id, or null.</summary>
    Task<ComputationJob?> GetAsync(Guid id, CancellationToken cancellationToken);

    /// <summary>The newest jobs first.</summary>
    Task<IReadOnlyList<ComputationJob>> ListAsync(int limit, CancellationToken cancellationToken);
}
