namespace FeatureStore.Core.Registry.Versioning;

/// <summary>What applying one definition would do.</summary>
/// <param name="Name">The feature.</param>
/// <param name="Kind">NEW, UNCHANGED, PATCH, MINOR or MAJOR.</param>
/// <param name="FromVersion">The latest registered version; null for a new feature.</param>
/// <param name="ToVersion">The declared version.</param>
/// <param name="Reasons">The detected differences, one line each.</param>
public sealed record PlanEntry(string Name, ChangeKind Kind, SemanticVersion? FromVersion, SemanticVersion ToVersion, IReadOnlyList<string> Reasons)
{
    /// <summary>True when applying writes a new version.</summary>
    public bool WritesVersion => Kind != ChangeKind.Unchanged;
}
