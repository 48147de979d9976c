namespace FeatureStore.Core.Values;

/// <summary>Current values for serving, any number of keys in one round trip.</summary>
public interface IOnlineStore
{
    /// <summary>The current value of each key that has one. Throws when the store cannot be reached.</summary>
    Task<IReadOnlyDictionary<FeatureKey, StoredValue>> ReadAsync(IReadOnlyCollection<FeatureKey> keys, CancellationToken cancellationToken);

    /// <summary>
    /// Every current value, a batch at a time, in no particular order (for warming a cache). A
    /// value changed while the scan runs may be seen before or after its change.
    /// </summary>
    IAsyncEnumerable<IReadOnlyList<StoredValue>> ScanAsync(CancellationToken cancellationToken);

    /// <summary>Makes these the current values (each the latest of its key).</summary>
    Task WriteAsync(IReadOnlyList<StoredValue> values, CancellationToken cancellationToken);
}
