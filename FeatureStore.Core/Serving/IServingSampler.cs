using FeatureStore.Core.Values;

namespace FeatureStore.Core.Serving;

/// <summary>Keeps a share of the current values served, for the training–serving skew check. Must never slow or fail a read.</summary>
public interface IServingSampler
{
    /// <summary>Offers one current read: the key and the value the online store held for it (null when none).</summary>
    void Offer(FeatureKey key, StoredValue? value, DateTimeOffset servedAt);
}
