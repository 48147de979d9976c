using FeatureStore.Core.Registry.State;

namespace FeatureStore.Core.Computation;

/// <summary>
/// Which feature versions the pipelines compute: of every active feature, the active version and
/// an A/B split's candidate (both value lines are served), unless sunset; only features computed
/// from the source tables (request-time transforms are computed when read).
/// </summary>
public static class ComputationTargets
{
    /// <summary>The versions to compute now, of the features <paramref name="include"/> accepts.</summary>
    public static IReadOnlyList<FeatureVersion> Select(IEnumerable<RegisteredFeature> features, DateTimeOffset now, Func<FeatureVersion, bool>? include = null)
    {
        ArgumentNullException.ThrowIfNull(features);
        var targets = new List<FeatureVersion>();
        foreach (var feature in features.Where(f => f.IsActive))
        {
            var versions = feature.Split is { } split && feature.Find(split.Candidate) is { } candidate && candidate.Version != feature.ActiveVersion
                ? new[] { feature.Active, candidate }
                : [feature.Active];
            targets.AddRange(versions.Where(v => v.Deprecation?.IsSunset(now) != true
                && ComputedEntityTypes.IsKnown(v.Spec.EntityType)
                && ValueInstants.SourcesOf(v.Spec).Count > 0
                && (include?.Invoke(v) ?? true)));
        }

        return targets;
    }
}
