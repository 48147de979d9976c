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

    /// <summary>Overrides by feature name (<c>entity:feature_name</c>).</summary>
    public Dictionary<string, DriftThresholds> Features { get; } = new(StringComparer.Ordinal);

    /// <summary>The thresholds for <paramref name="feature"/>.</summary>
    public DriftThresholds For(string feature) => Features.GetValueOrDefault(feature) ?? Default;
}
