using FeatureStore.Core.Values;
using Microsoft.Extensions.Logging;

namespace FeatureStore.Core.Serving;

/// <summary>
/// When a write reached Postgres but not Redis, Redis would keep serving the older value after it
/// comes back. This remembers since when the online store has missed writes and, until a repair
/// succeeds, copies every current value written since then from the durable Postgres copy.
/// </summary>
public sealed class OnlineRepair(IOfflineStore offline, IOnlineStore online, IValueChanges changes, CurrentValueCache cache, ILogger<OnlineRepair> logger)
{
    private readonly Lock _gate = new();
    private DateTimeOffset? _missedSince;
    private long _misses;

    /// <summary>True while some write has not reached the online store.</summary>
    public bool IsPending
    {
        get
        {
            lock (_gate)
            {
                return _missedSince is not null;
            }
        }
    }

    /// <summary>Records that writes stamped (by Postgres) at or after <paramref name="writeStartedAt"/> did not reach the online store.</summary>
    public void Missed(DateTimeOffset writeStartedAt)
    {
        lock (_gate)
        {
            _missedSince = _missedSince is { } earlier && earlier < writeStartedAt ? earlier : writeStartedAt;
            _misses++;
        }
    }

    /// <summary>Copies what the online store missed; false (and still pending) when it is still unreachable.</summary>
    public async Task<bool> TryRepairAsync(CancellationToken cancellationToken)
    {
        DateTimeOffset since;
        long misses;
        lock (_gate)
        {
            if (_missedSince is not { } missed)
            {
                return true;
            }

            since = missed;
            misses = _misses;
        }

        try
        {
            var values = await offline.CurrentWrittenSinceAsync(since, cancellationToken);
            await online.WriteAsync(values, cancellationToken);
            cache.Evict(values.Select(v => v.Key));
            await changes.PublishAsync([.. values.Select(v => v.Key)], cancellationToken);
            lock (_gate)
            {
                // A write that failed while we repaired stays pending.
                if (_misses == misses)
                {
                    _missedSince = null;
                }
            }

            logger.LogInformation("Online store repaired: {Count} value(s) written since {Since:O} copied from Postgres", values.Count, since);
            return true;
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            logger.LogWarning("Online store still unreachable ({Message}); will retry the repair since {Since:O}", error.Message, since);
            return false;
        }
    }
}
