using System.Text.Json;

namespace FeatureStore.Core.Drift;

/// <summary>One entity's value in a sample (a baseline snapshot keeps the entity so rows can be rebuilt per entity).</summary>
/// <param name="EntityId">The entity.</param>
/// <param name="Value">The value (JSON null for none).</param>
public sealed record SampledValue(string EntityId, JsonElement Value);
