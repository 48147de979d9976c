namespace FeatureStore.Drift.Detection;

/// <summary>
/// The thresholds in force: one default set and per-feature overrides, bound from configuration
/// (section <c>Drift:Thresholds</c>). An override is a whole set: values it does not name take the
/// built-in defaults, not those of <see cref="Default"/>.
/// </summary>
public sealed class DriftThresholdOptions
{
    /// <summary>The configuration section these options bind from.</summary>
    public const string Section = "Drift:Thresholds";

    /// <summary>The thresholds of every feature without an override.</summary>
    public DriftThresholds Default { get; set; } = new();

    /// <summary>
    /// Overrides, as a list of (feature, thresholds) rather than a dictionary by name: feature names
    /// (<c>entity:feature_name</c>) hold a colon, which configuration reads as a section separator.
    /// When a feature is listed twice, the last entry counts.
    /// </summary>
    public List<FeatureThresholds> Features { get; } = [];

    /// <summary>The thresholds for <paramref name="feature"/>.</summary>
    public DriftThresholds For(string feature) => Features.LastOrDefault(f => f.Feature == feature)?.Thresholds ?? Default;
}
