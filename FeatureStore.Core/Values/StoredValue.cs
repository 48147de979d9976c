using System.Text.Json;

namespace FeatureStore.Core.Values;

/// <summary>One value as a store holds it: valid from <see cref="ValidFrom"/> until <see cref="ValidTo"/> (open when null).</summary>
/// <param name="Key">Feature, value line and entity.</param>
/// <param name="Version">The exact version that wrote it.</param>
/// <param name="Value">The value (JSON null for an explicit "no value").</param>
/// <param name="ValidFrom">When it became true.</param>
/// <param name="ValidTo">When the next value replaced it; null while current.</param>
/// <param name="ComputedAt">When it was written.</param>
public sealed record StoredValue(FeatureKey Key, string Version, JsonElement Value, DateTimeOffset ValidFrom, DateTimeOffset? ValidTo, DateTimeOffset ComputedAt);
