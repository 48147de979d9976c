namespace FeatureStore.Core.Drift;

/// <summary>
/// Drift checks to run, shared by every drift worker replica: each request is claimed by one replica
/// at a time, and one whose replica died is taken over after its lease.
/// </summary>
public interface IDriftCheckQueue
{
    /// <summary>Queues a check of <paramref name="features"/> (all when empty) over the window ending when it runs.</summary>
    Task<DriftCheckRequest> RequestAsync(IReadOnlyList<string> features, string requestedBy, CancellationToken cancellationToken);

    /// <summary>Queues the scheduled check of the window ending at <paramref name="windowEnd"/>, once however many replicas call; true when this call queued it.</summary>
    Task<bool> ScheduleAsync(DateTimeOffset windowEnd, CancellationToken cancellationToken);

    /// <summary>Claims the oldest pending request (or one whose lease ran out) for <paramref name="worker"/>; null when there is none.</summary>
    Task<DriftCheckRequest?> ClaimAsync(string worker, TimeSpan lease, CancellationToken cancellationToken);

    /// <summary>Marks a claimed request done, or failed with <paramref name="failure"/>; only while <paramref name="worker"/> holds it.</summary>
    Task CompleteAsync(Guid id, string worker, string? failure, CancellationToken cancellationToken);
}
