namespace FeatureStore.Core.Computation.Runs;

/// <summary>A claimed piece of a job: some entities of one type to compute.</summary>
/// <param name="Id">The item.</param>
/// <param name="Job">The job it belongs to.</param>
/// <param name="EntityType">The entities' type.</param>
/// <param name="EntityIds">The entities.</param>
/// <param name="Attempts">How many times it has been claimed, this time included.</param>
public sealed record WorkItem(long Id, ComputationJob Job, string EntityType, IReadOnlyList<string> EntityIds, int Attempts);
