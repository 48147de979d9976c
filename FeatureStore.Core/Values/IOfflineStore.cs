namespace FeatureStore.Core.Values;

/// <summary>
/// Every value's history, point-in-time correct. A value written for a key with validFrom t holds
/// until the next value's validFrom; writes may come out of order; rewriting the same (key, t)
/// replaces it.
/// </summary>
public interface IOfflineStore
{
    /// <summary>
    /// Writes the values in one transaction (all or nothing), keeps every key's intervals right, and
    /// updates the durable online copy; returns each touched key's current value.
    /// </summary>
    Task<IReadOnlyList<StoredValue>> WriteAsync(IReadOnlyList<ValueWrite> writes, CancellationToken cancellationToken);

    /// <summary>For each point, the value with the greatest validFrom at or before its instant, in one query; absent points had none.</summary>
    Task<IReadOnlyDictionary<PointInTime, StoredValue>> ReadAsOfAsync(IReadOnlyCollection<PointInTime> points, CancellationToken cancellationToken);

    /// <summary>
    /// Entity ids (ascending, after <paramref name="after"/>) that had a value of any of the feature
    /// value lines at or before <paramref name="asOf"/>: "all entities as of T", one page at a time.
    /// </summary>
    Task<IReadOnlyList<string>> EntitiesAsOfAsync(IReadOnlyCollection<(string Feature, int ValueLine)> lines, string entityType, DateTimeOffset asOf, string? after, int limit, CancellationToken cancellationToken);

    /// <summary>Current values (durable online copy) written at or after <paramref name="since"/>, to repair the online store after an outage.</summary>
    Task<IReadOnlyList<StoredValue>> CurrentWrittenSinceAsync(DateTimeOffset since, CancellationToken cancellationToken);

    /// <summary>The durable online copy (current values), read when the online store is unavailable.</summary>
    Task<IReadOnlyDictionary<FeatureKey, StoredValue>> ReadCurrentAsync(IReadOnlyCollection<FeatureKey> keys, CancellationToken cancellationToken);
}
