using FeatureStore.Core.Registry.State;
using FeatureStore.Core.Serving;
using FeatureStore.Core.Transformers.Text;
using FeatureStore.Core.Values;

namespace FeatureStore.Core.Computation;

/// <summary>
/// Computes feature versions for a group of entities from their source rows: the step batch,
/// streaming and on-demand share. Bad rows are left out and reported; a feature that cannot be
/// computed for one entity is reported and the others go on; every value is checked against its
/// type before it is handed back, so one bad value never fails a whole write.
/// </summary>
public sealed class EntityComputation(FeatureComputer computer)
{
    /// <summary>
    /// The latest value of every target for every entity as of <paramref name="at"/>, or, when
    /// <paramref name="after"/> is given, every value materialized in (after, at] (a backfill).
    /// </summary>
    public async Task<EntityComputationResult> ComputeAsync(IReadOnlyList<FeatureVersion> targets, IReadOnlyDictionary<string, EntitySources> entities,
        DateTimeOffset at, DateTimeOffset? after, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(targets);
        ArgumentNullException.ThrowIfNull(entities);
        var values = new List<ValueInput>();
        var problems = new List<ComputationProblem>();
        var tallies = targets.Select(t => t.Spec.Name).Distinct().ToDictionary(name => name, _ => (Entities: 0, Errors: 0));
        // Bad rows are all messages: they count against the targets that read messages.
        // Targets are looked up per value by instance: a version's record equality hashes its whole definition.
        var readsMessages = targets.Where(t => ValueInstants.SourcesOf(t.Spec).Contains("messages")).ToHashSet(ReferenceEqualityComparer.Instance);
        // Each value names its exact version (name@1.2.0); one string per target, not one per value.
        var references = new Dictionary<FeatureVersion, string>(ReferenceEqualityComparer.Instance);
        foreach (var target in targets)
        {
            references.TryAdd(target, $"{target.Spec.Name}@{target.Spec.Version}");
        }

        foreach (var (entityId, rows) in entities)
        {
            // Computing is CPU-bound: a replica asked to stop must not finish a whole work item first.
            cancellationToken.ThrowIfCancellationRequested();
            var (clean, bad) = SourceRowChecks.Clean(entityId, rows);
            problems.AddRange(bad);
            foreach (var target in targets)
            {
                var spec = target.Spec;
                var instants = after is { } from ? ValueInstants.Between(spec, entityId, clean, from, at)
                    : ValueInstants.LatestAtOrBefore(spec, entityId, clean, at) is { } latest ? [latest] : [];
                var tally = tallies[spec.Name];
                tally.Entities++;
                if (bad.Count > 0 && readsMessages.Contains(target))
                {
                    tally.Errors += bad.Count;
                }

                foreach (var instant in instants)
                {
                    var problem = await ComputeOneAsync(target, references[target], entityId, clean, instant, values, cancellationToken);
                    if (problem is not null)
                    {
                        problems.Add(problem);
                        tally.Errors++;
                        break;
                    }
                }

                tallies[spec.Name] = tally;
            }
        }

        return new EntityComputationResult(values, problems, tallies.ToDictionary(t => t.Key, t => new FeatureTally(t.Value.Entities, t.Value.Errors)));
    }

    private async Task<ComputationProblem?> ComputeOneAsync(FeatureVersion target, string reference, string entityId, EntitySources sources, DateTimeOffset instant,
        List<ValueInput> values, CancellationToken cancellationToken)
    {
        var spec = target.Spec;
        try
        {
            var value = await computer.ComputeAsync(spec, entityId, sources, instant, cancellationToken);
            if (FeatureValueValidator.Problem(spec.Value, value) is { } invalid)
            {
                return new ComputationProblem(spec.Name, entityId, null, $"computed a value its type refuses: {invalid}");
            }

            values.Add(new ValueInput(reference, entityId, value, instant));
            return null;
        }
        catch (Exception error) when (error is ArgumentException or EmbeddingProviderException)
        {
            return new ComputationProblem(spec.Name, entityId, null, error.Message);
        }
    }
}
