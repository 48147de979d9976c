using FeatureStore.Core.Registry.Definitions;
using FeatureStore.Core.Registry.Versioning;

namespace FeatureStore.Core.Registry.State;

/// <summary>One immutable version of a feature, as the registry recorded it.</summary>
/// <param name="Spec">The definition applied.</param>
/// <param name="Change">How it differed from the version before it (NEW for the first).</param>
/// <param name="Reasons">The detected differences.</param>
/// <param name="CreatedAt">When it was applied.</param>
/// <param name="CreatedBy">Who applied it.</param>
/// <param name="Deprecation">Set once deprecated.</param>
public sealed record FeatureVersion(
    FeatureSpec Spec,
    ChangeKind Change,
    IReadOnlyList<string> Reasons,
    DateTimeOffset CreatedAt,
    string CreatedBy,
    Deprecation? Deprecation)
{
    /// <summary>The version number.</summary>
    public SemanticVersion Version => Spec.Version;
}
