using FeatureStore.Core.Registry.Definitions;

namespace FeatureStore.Core.Registry.Versioning;

/// <summary>A whole plan: an entry per definition, or the problems that stop it being applied at all.</summary>
/// <param name="Entries">One per valid definition, in the order given.</param>
/// <param name="Problems">Every reason the plan cannot be applied; empty when it can.</param>
public sealed record RegistryPlan(IReadOnlyList<PlanEntry> Entries, IReadOnlyList<DefinitionProblem> Problems)
{
    /// <summary>True when the plan can be applied.</summary>
    public bool IsValid => Problems.Count == 0;
}
