using FeatureStore.Core.Serving;

namespace FeatureStore.Core.Computation;

/// <summary>What computing a group of entities produced.</summary>
/// <param name="Values">The values to write, each for its exact feature version.</param>
/// <param name="Problems">Bad rows skipped and computations that failed.</param>
/// <param name="Tallies">Per feature name: entities computed and errors met.</param>
public sealed record EntityComputationResult(
    IReadOnlyList<ValueInput> Values,
    IReadOnlyList<ComputationProblem> Problems,
    IReadOnlyDictionary<string, FeatureTally> Tallies);

/// <summary>Per feature, how many entities a run computed and how many errors it met.</summary>
/// <param name="Entities">Entities computed (with or without a value to write).</param>
/// <param name="Errors">Bad rows and failed computations.</param>
public sealed record FeatureTally(int Entities, int Errors);
