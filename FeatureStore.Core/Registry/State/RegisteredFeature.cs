using FeatureStore.Core.Registry.Versioning;

namespace FeatureStore.Core.Registry.State;

/// <summary>A feature as the system knows it: every version, which is active, and any A/B split.</summary>
/// <param name="Name">The feature name.</param>
/// <param name="ActiveVersion">The version unpinned readers get (outside a split's share).</param>
/// <param name="IsActive">False once retired.</param>
/// <param name="Split">The running A/B test, if any.</param>
/// <param name="Versions">Every version, oldest first.</param>
public sealed record RegisteredFeature(
    string Name,
    SemanticVersion ActiveVersion,
    bool IsActive,
    TrafficSplit? Split,
    IReadOnlyList<FeatureVersion> Versions)
{
    /// <summary>The active version's record.</summary>
    public FeatureVersion Active => Versions.Single(v => v.Version == ActiveVersion);

    /// <summary>The highest version (which is not necessarily the active one after a rollback).</summary>
    public FeatureVersion Latest => Versions[^1];

    /// <summary>Active, Deprecated (its active version is) or Inactive.</summary>
    public FeatureStatus Status => !IsActive ? FeatureStatus.Inactive : Active.Deprecation is null ? FeatureStatus.Active : FeatureStatus.Deprecated;

    /// <summary>The version with that exact number, if registered.</summary>
    public FeatureVersion? Find(SemanticVersion version) => Versions.FirstOrDefault(v => v.Version == version);
}
