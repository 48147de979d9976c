using System.Text.Json;

namespace FeatureStore.Core.Serving;

/// <summary>A value a caller writes: the feature (optionally pinned to a version), the entity, the value, and since when it holds.</summary>
public sealed record ValueInput(string Reference, string EntityId, JsonElement Value, DateTimeOffset ValidFrom);
