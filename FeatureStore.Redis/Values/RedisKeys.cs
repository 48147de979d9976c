using System.Globalization;
using FeatureStore.Core.Values;

namespace FeatureStore.Redis.Values;

/// <summary>
/// The one place that builds Redis keys. Layout: one hash per entity, <c>{prefix}:{entityType}:{entityId}</c>,
/// one field per feature value line, <c>{feature}#{major}</c>. Every feature of an entity is one
/// HMGET; many entities are many HMGETs in one pipelined round trip. The prefix (default <c>fs</c>)
/// lets several stores share one Redis.
/// </summary>
public sealed class RedisKeys(string prefix)
{
    /// <summary>The hash of one entity.</summary>
    public string Entity(string entityType, string entityId) => $"{prefix}:{entityType}:{entityId}";

    /// <summary>The hash holding <paramref name="key"/>.</summary>
    public string Entity(FeatureKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return Entity(key.EntityType, key.EntityId);
    }

    /// <summary>The field of one feature value line inside an entity's hash.</summary>
    public static string Field(string feature, int valueLine) => $"{feature}#{valueLine.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>The field holding <paramref name="key"/>.</summary>
    public static string Field(FeatureKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return Field(key.Feature, key.ValueLine);
    }
}
