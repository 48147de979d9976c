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
    public async Task<RecomputeResult> RecomputeAsync(string entityType, IReadOnlyList<string> ids, IReadOnlyList<FeatureVersion> targets,
        DateTimeOffset at, DateTimeOffset? after, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(targets);
        var ofType = targets.Where(t => t.Spec.EntityType == entityType).ToList();
        if (ofType.Count == 0 || ids.Count == 0)
        {
            return new RecomputeResult(new EntityComputationResult([], [], new Dictionary<string, FeatureTally>()), []);
        }

        var needed = ofType.SelectMany(t => ValueInstants.SourcesOf(t.Spec)).Distinct().ToList();
        var rows = await sources.LoadAsync(entityType, needed, ids, cancellationToken);
        var result = await computation.ComputeAsync(ofType, rows, at, after, cancellationToken);
        var written = result.Values.Count == 0 ? [] : await writer.WriteAsync(result.Values, cancellationToken);
        return new RecomputeResult(result, written);
    }
}

/// <summary>What a recomputation computed and what it wrote.</summary>
/// <param name="Computed">Values, problems and per-feature tallies.</param>
/// <param name="Written">The current value of each key written.</param>
public sealed record RecomputeResult(EntityComputationResult Computed, IReadOnlyList<StoredValue> Written);
