namespace FeatureStore.Core.Drift;

/// <summary>Where sampled served values are kept until the drift worker compares them with the offline store.</summary>
public interface IServingSampleStore
{
    /// <summary>Appends the samples in one statement.</summary>
    Task AppendAsync(IReadOnlyList<ServingSample> samples, CancellationToken cancellationToken);

    /// <summary>
    /// Samples served in [<paramref name="windowStart"/>, <paramref name="windowEnd"/>) of the given features (all when empty),
    /// at most <paramref name="limitPerFeature"/> of each feature, the newest.
    /// </summary>
    Task<IReadOnlyList<ServingSample>> ReadAsync(IReadOnlyCollection<string> features, DateTimeOffset windowStart, DateTimeOffset windowEnd, int limitPerFeature, CancellationToken cancellationToken);

    /// <summary>Deletes samples served before <paramref name="before"/>; returns how many.</summary>
    Task<int> DeleteBeforeAsync(DateTimeOffset before, CancellationToken cancellationToken);
}
