using FeatureStore.Core.Drift;
using Microsoft.Extensions.Options;

namespace FeatureStore.Drift.Worker;

/// <summary>
/// Queues the scheduled check of the latest tick (a multiple of <see cref="DriftOptions.Interval"/> since the Unix
/// epoch): every replica may call it on every poll; the queue keeps one check per tick. Ticks missed while no
/// worker ran are not caught up: the next run's window covers the latest span, which is what monitoring wants.
/// </summary>
public sealed class DriftScheduler(IDriftCheckQueue queue, IOptions<DriftOptions> options, TimeProvider clock)
{
    /// <summary>The latest tick at or before <paramref name="now"/>.</summary>
    public DateTimeOffset TickAt(DateTimeOffset now)
    {
        var interval = options.Value.Interval.Ticks;
        var ticks = now.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks;
        return DateTimeOffset.UnixEpoch.AddTicks(ticks - (ticks % interval));
    }

    /// <summary>Queues the current tick's check unless it is queued already; true when this call queued it.</summary>
    public Task<bool> ScheduleDueAsync(CancellationToken cancellationToken) => queue.ScheduleAsync(TickAt(clock.GetUtcNow()), cancellationToken);
}
