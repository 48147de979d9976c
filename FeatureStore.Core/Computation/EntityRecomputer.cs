using FeatureStore.Core.Registry.State;
using FeatureStore.Core.Serving;
using FeatureStore.Core.Values;

namespace FeatureStore.Core.Computation;

/// <summary>
/// Recomputes features of some entities end to end: load their source rows, compute every target
/// with Core's one implementation, write the values (offline history, online copy, notices).
/// Writing the same data again replaces the same history rows, so a repeated or resumed run
/// neither loses nor doubles anything.
/// </summary>
public sealed class EntityRecomputer(ISourceReader sources, EntityComputation computation, FeatureWriter writer)
{
    /// <summary>Recomputes <paramref name="targets"/> (all of <paramref name="entityType"/>) for <paramref name="ids"/>; see <see cref="EntityComputation.ComputeAsync"/> for the instants.</summary>
    public Task<RecomputeResult> RecomputeAsync(string entityType, IReadOnlyList<string> ids, IReadOnlyList<FeatureVersion> targets,
        DateTimeOffset at, DateTimeOffset? after, CancellationToken cancellationToken) =>
        RecomputeAsync(new Dictionary<string, IReadOnlyList<string>> { [entityType] = ids }, targets, at, after, cancellationToken);

    /// <summary>
    /// Recomputes entities of several types (<paramref name="idsByType"/>) and writes every value in
    /// one write: one transaction and one online round trip, however many types (the streaming path).
    /// </summary>
    public async Task<RecomputeResult> RecomputeAsync(IReadOnlyDictionary<string, IReadOnlyList<string>> idsByType, IReadOnlyList<FeatureVersion> targets,
        DateTimeOffset at, DateTimeOffset? after, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(idsByType);
        ArgumentNullException.ThrowIfNull(targets);
        var results = new List<EntityComputationResult>();
        foreach (var (entityType, ids) in idsByType)
        {
            var ofType = targets.Where(t => t.Spec.EntityType == entityType).ToList();
            if (ofType.Count == 0 || ids.Count == 0)
            {
                continue;
            }

            var needed = ofType.SelectMany(t => ValueInstants.SourcesOf(t.Spec)).Distinct().ToList();
            var rows = await sources.LoadAsync(entityType, needed, ids, cancellationToken);
            results.Add(await computation.ComputeAsync(ofType, rows, at, after, cancellationToken));
        }

        var result = new EntityComputationResult([.. results.SelectMany(r => r.Values)], [.. results.SelectMany(r => r.Problems)],
            results.SelectMany(r => r.Tallies).ToDictionary(t => t.Key, t => t.Value));
        var written = result.Values.Count == 0 ? [] : await writer.WriteAsync(result.Values, cancellationToken);
        return new RecomputeResult(result, written);
    }
}

/// <summary>What a recomputation computed and what it wrote.</summary>
/// <param name="Computed">Values, problems and per-feature tallies.</param>
/// <param name="Written">The current value of each key written.</param>
public sealed record RecomputeResult(EntityComputationResult Computed, IReadOnlyList<StoredValue> Written);
