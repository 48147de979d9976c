using FeatureStore.Core.Registry.Definitions;

namespace FeatureStore.Core.Registry.Versioning;

/// <summary>
/// Compares proposed definitions with the latest registered version of each feature and decides
/// NEW / UNCHANGED / PATCH / MINOR / MAJOR, rejecting any definition whose declared version bump
/// is smaller than the change it makes.
/// </summary>
public static class RegistryPlanner
{
    /// <param name="latest">The latest registered definition of each feature, by name.</param>
    /// <param name="proposed">The definitions to apply.</param>
    /// <summary>Plans <paramref name="proposed"/> against <paramref name="latest"/>.</summary>
    public static RegistryPlan Plan(IReadOnlyDictionary<string, FeatureSpec> latest, IReadOnlyList<FeatureSpec> proposed)
    {
        ArgumentNullException.ThrowIfNull(latest);
        ArgumentNullException.ThrowIfNull(proposed);
        var entries = new List<PlanEntry>();
        var problems = new List<DefinitionProblem>();
        foreach (var duplicate in proposed.GroupBy(p => p.Name).Where(g => g.Count() > 1))
        {
            problems.Add(new(duplicate.Key, "name", $"defined {duplicate.Count()} times; each feature must be defined once"));
        }

        foreach (var spec in proposed)
        {
            if (!latest.TryGetValue(spec.Name, out var current))
            {
                entries.Add(new PlanEntry(spec.Name, ChangeKind.New, null, spec.Version, []));
                continue;
            }

            var change = ChangeClassifier.Classify(current, spec);
            var declared = spec.Version.BumpFrom(current.Version);
            if (change.Kind == ChangeKind.Unchanged)
            {
                if (spec.Version != current.Version)
                {
                    problems.Add(new(spec.Name, "version", $"the definition is unchanged from {current.Version}; keep version {current.Version} (a version marks a change)"));
                }

                entries.Add(new PlanEntry(spec.Name, ChangeKind.Unchanged, current.Version, current.Version, []));
                continue;
            }

            if (declared is null || declared < change.Kind)
            {
                var required = current.Version.Next(change.Kind);
                problems.Add(new(spec.Name, "version",
                    $"{change.Kind.ToString().ToUpperInvariant()} change ({string.Join("; ", change.Reasons)}) needs a {change.Kind.ToString().ToLowerInvariant()} bump "
                    + $"from {current.Version} to {required} or above; the definition declares {spec.Version}"));
            }

            entries.Add(new PlanEntry(spec.Name, change.Kind, current.Version, spec.Version, change.Reasons));
        }

        return new RegistryPlan(entries, problems);
    }
}
