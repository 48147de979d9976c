namespace FeatureStore.Drift.Detection;

/// <summary>One feature's own thresholds, an entry of <see cref="DriftThresholdOptions.Features"/>.</summary>
public sealed class FeatureThresholds
{
    /// <summary>The feature name (<c>entity:feature_name</c>).</summary>
    public string Feature { get; set; } = "";

    /// <summary>Its thresholds; values not set take the built-in defaults.</summary>
    public DriftThresholds Thresholds { get; set; } = new();
}
