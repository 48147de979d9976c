using FeatureStore.Core.Values;

namespace FeatureStore.Redis.Values;

/// <summary>
/// The one place that builds Redis keys. Layout: one hash per entity, <c>fs:{entityType}:{entityId}</c>,
/// one field per feature value line, <c>{feature}#{major}</c>. Every feature of an entity is one
/// HMGET; many entities are many HMGETs in one pipelined round trip.
/// </summary>
public static class RedisKeys
{
    /// <summary>The hash of one entity.</summary>
    public static string Entity(string entityType, string entityId) => $"fs:{entityType}:{entityId}";

    /// <summary>The field of one feature value line inside an entity's hash.</summary>
    public static string Field(string feature, int valueLine) => $"{feature}#{valueLine.ToString(System.Globalization.CultureInfo.InvariantCulture)}";

    /// <summary>The hash holding <paramref name="key"/>.</summary>
    public static string Entity(FeatureKey key) => Entity(key.EntityType, key.EntityId);

    /// <summary>The field holding <paramref name="key"/>.</summary>
    public static string Field(FeatureKey key) => Field(key.Feature, key.ValueLine);
}
