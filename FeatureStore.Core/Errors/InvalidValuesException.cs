using FeatureStore.Core.Registry.Definitions;

namespace FeatureStore.Core.Errors;

/// <summary>Values that cannot be written, every problem listed (field <c>values[i]</c>). Nothing was written.</summary>
public sealed class InvalidValuesException(IReadOnlyList<DefinitionProblem> problems)
    : FeatureStoreException(FeatureStoreErrorCodes.InvalidValue, $"{problems.Count} problem(s) in the values; nothing was written: " + string.Join("; ", problems))
{
    /// <summary>Every problem, in input order.</summary>
    public IReadOnlyList<DefinitionProblem> Problems { get; } = problems;
}
