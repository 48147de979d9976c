using FeatureStore.Core.Registry.Definitions;

namespace FeatureStore.Core.Errors;

/// <summary>Definitions that cannot be applied, with every problem found, field by field. Nothing was written.</summary>
public sealed class InvalidDefinitionException(IReadOnlyList<DefinitionProblem> problems)
    : FeatureStoreException(FeatureStoreErrorCodes.InvalidDefinition, Describe(problems))
{
    /// <summary>Every problem, in the order found.</summary>
    public IReadOnlyList<DefinitionProblem> Problems { get; } = problems;

    private static string Describe(IReadOnlyList<DefinitionProblem> problems) =>
        $"{problems.Count} problem(s) in the definitions; nothing was applied: " + string.Join("; ", problems.Select(p => p.ToString()));
}
