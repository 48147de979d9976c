using System.Text.Json;

namespace FeatureStore.Core.Serving;

/// <summary>A value as served, saying where it came from, which version wrote it and whether it is stale.</summary>
/// <param name="Name">The feature reference as asked (with its pin, if any).</param>
/// <param name="Version">The version the value belongs to (the version resolved when missing).</param>
/// <param name="Value">The value; null when <see cref="Source"/> is Missing.</param>
/// <param name="ValueType">The feature's value kind.</param>
/// <param name="ValidFrom">When the value became true.</param>
/// <param name="ValidTo">When the next value replaced it (asOf reads of history only).</param>
/// <param name="ComputedAt">When it was written.</param>
/// <param name="Source">Where it came from.</param>
/// <param name="Stale">True when it is older than the feature's time-to-live at the instant read.</param>
/// <param name="Warning">A deprecation warning, when the version served is deprecated.</param>
public sealed record ServedValue(
    string Name,
    string Version,
    JsonElement? Value,
    string ValueType,
    DateTimeOffset? ValidFrom,
    DateTimeOffset? ValidTo,
    DateTimeOffset? ComputedAt,
    ValueSource Source,
    bool Stale,
    string? Warning);
