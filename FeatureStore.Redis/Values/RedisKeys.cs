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

    /// <summary>A SCAN pattern matching every entity hash (and the prefix's other keys, which callers filter out).</summary>
    public string AllEntities => $"{GlobEscaped(prefix)}:*";

    /// <summary>The entity an entity hash's name stands for; null for a key of another shape.</summary>
    public (string Type, string Id)? ParseEntity(string hash)
    {
        ArgumentNullException.ThrowIfNull(hash);
        if (!hash.StartsWith(prefix + ":", StringComparison.Ordinal))
        {
            return null;
        }

        // Entity types have no ':'; ids may.
        var rest = hash[(prefix.Length + 1)..];
        var colon = rest.IndexOf(':', StringComparison.Ordinal);
        return colon <= 0 || colon == rest.Length - 1 ? null : (rest[..colon], rest[(colon + 1)..]);
    }

    /// <summary>The value line a hash field stands for; null for a field of another shape.</summary>
    public static (string Feature, int ValueLine)? ParseField(string field)
    {
        ArgumentNullException.ThrowIfNull(field);
        var hash = field.LastIndexOf('#');
        return hash > 0 && int.TryParse(field.AsSpan(hash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var line)
            ? (field[..hash], line)
            : null;
    }

    private static string GlobEscaped(string text) =>
        string.Concat(text.Select(c => c is '*' or '?' or '[' or ']' or '\\' ? $"\\{c}" : c.ToString()));

    /// <summary>The field of one feature value line inside an entity's hash.</summary>
    public static string Field(string feature, int valueLine) => $"{feature}#{valueLine.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>The field holding <paramref name="key"/>.</summary>
    public static string Field(FeatureKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return Field(key.Feature, key.ValueLine);
    }
}
