using System.Text.Json;

namespace FeatureStore.Core.Values;

/// <summary>A value to write, already resolved to its feature version and validated.</summary>
/// <param name="Key">Feature, value line and entity.</param>
/// <param name="Version">The version writing it.</param>
/// <param name="Value">The value.</param>
/// <param name="ValueType">The value kind's wire name (kept on each offline row).</param>
/// <param name="ValidFrom">When it became true.</param>
/// <param name="TimeToLive">The feature's freshness window, for the online copy's expiry.</param>
public sealed record ValueWrite(FeatureKey Key, string Version, JsonElement Value, string ValueType, DateTimeOffset ValidFrom, TimeSpan? TimeToLive);
