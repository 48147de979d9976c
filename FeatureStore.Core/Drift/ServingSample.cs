using System.Text.Json;
using FeatureStore.Core.Values;

namespace FeatureStore.Core.Drift;

/// <summary>A current value as the gateway served it, kept to compare with the offline history (training–serving skew).</summary>
/// <param name="Key">Feature, value line and entity.</param>
/// <param name="Value">The value the online store held (JSON null when it held none).</param>
/// <param name="ValidFrom">Since when that value held; null when there was none.</param>
/// <param name="ServedAt">When it was served.</param>
public sealed record ServingSample(FeatureKey Key, JsonElement Value, DateTimeOffset? ValidFrom, DateTimeOffset ServedAt);
