using System.Text.Json;

namespace FeatureStore.Drift.Skew;

/// <summary>One feature's value for one entity at one instant, as the online store served it and as the offline store holds it.</summary>
/// <param name="EntityId">The entity.</param>
/// <param name="At">The instant both values are for.</param>
/// <param name="Online">The served value (JSON null when nothing was served).</param>
/// <param name="Offline">The offline value as of <paramref name="At"/> (JSON null when there was none).</param>
public sealed record SkewPair(string EntityId, DateTimeOffset At, JsonElement Online, JsonElement Offline);
