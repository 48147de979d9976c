namespace FeatureStore.Core.Values;

/// <summary>Announces that keys have new current values, so every process's in-memory cache can drop them.</summary>
public interface IValueChanges
{
    /// <summary>Tells every subscriber that these keys changed.</summary>
    Task PublishAsync(IReadOnlyCollection<FeatureKey> keys, CancellationToken cancellationToken);
}
