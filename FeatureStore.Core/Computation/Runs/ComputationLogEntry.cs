namespace FeatureStore.Core.Computation.Runs;

/// <summary>One row of the computation log: what one run did for one feature.</summary>
/// <param name="Feature">The feature, or null for work no feature owns (e.g. an event that could not be read).</param>
/// <param name="Type">One of <see cref="ComputationTypes"/>.</param>
/// <param name="RunId">The batch job the run belongs to, if any.</param>
/// <param name="EntitiesProcessed">Entities computed.</param>
/// <param name="Duration">How long the run took.</param>
/// <param name="ErrorsCount">Bad rows and failed computations.</param>
/// <param name="Errors">The first problems met (the count says how many there were in all).</param>
/// <param name="StartedAt">When the run began.</param>
/// <param name="CompletedAt">When it ended.</param>
public sealed record ComputationLogEntry(
    string? Feature,
    string Type,
    Guid? RunId,
    int EntitiesProcessed,
    TimeSpan Duration,
    int ErrorsCount,
    IReadOnlyList<ComputationProblem> Errors,
    DateTimeOffset StartedAt,
    DateTimeOffset CompletedAt)
{
    /// <summary>How many problems an entry keeps in detail; the count covers the rest.</summary>
    public const int MaxDetails = 50;

    /// <summary>One entry per feature a recomputation touched.</summary>
    public static IReadOnlyList<ComputationLogEntry> From(EntityComputationResult result, string type, Guid? runId, DateTimeOffset startedAt, DateTimeOffset completedAt)
    {
        ArgumentNullException.ThrowIfNull(result);
        return [.. result.Tallies.Select(t => new ComputationLogEntry(t.Key, type, runId, t.Value.Entities, completedAt - startedAt, t.Value.Errors,
            [.. result.Problems.Where(p => p.Feature == t.Key || p.Feature is null).Take(MaxDetails)], startedAt, completedAt))];
    }
}
