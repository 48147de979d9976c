namespace FeatureStore.Core.Registry.Versioning;

/// <summary>The kind of a change between two definitions and the reasons, field by field.</summary>
/// <param name="Kind">The largest kind any difference calls for.</param>
/// <param name="Reasons">One line per difference, e.g. "valueType.dimension 384 → 768 (MAJOR)".</param>
public sealed record DetectedChange(ChangeKind Kind, IReadOnlyList<string> Reasons);
