using System.Diagnostics;
using FeatureStore.Core.Computation.Runs;
using FeatureStore.Core.Registry.State;
using FeatureStore.Core.Serving;
using FeatureStore.Core.Values;
using Microsoft.Extensions.Logging;

namespace FeatureStore.Core.Computation;

/// <summary>
/// The on-demand path: a current value that is not stored is computed on request from the
/// entity's source rows, with the implementation batch and streaming use, and written back (so the
/// next read finds it online and the history has it). A failure here never fails the read: the
/// value is then MISSING, as it would have been.
/// </summary>
public sealed class OnDemandComputation(ISourceReader sources, EntityComputation computation, FeatureWriter writer, IComputationLog log,
    TimeProvider clock, ILogger<OnDemandComputation> logger)
{
    /// <summary>True when the version's values can be computed from source rows.</summary>
    public static bool Computes(FeatureVersion version)
    {
        ArgumentNullException.ThrowIfNull(version);
        return ComputedEntityTypes.IsKnown(version.Spec.EntityType) && ValueInstants.SourcesOf(version.Spec).Count > 0;
    }

    /// <summary>The stored current value of each key that could be computed; keys whose entity has no source rows are left out.</summary>
    public async Task<IReadOnlyDictionary<FeatureKey, StoredValue>> ComputeAsync(IReadOnlyList<(FeatureKey Key, FeatureVersion Version)> missing, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(missing);
        var found = new Dictionary<FeatureKey, StoredValue>();
        if (missing.Count == 0)
        {
            return found;
        }

        var started = clock.GetUtcNow();
        var stopwatch = Stopwatch.StartNew();
        try
        {
            var results = new List<EntityComputationResult>();
            var values = new List<ValueInput>();
            foreach (var ofType in missing.GroupBy(m => m.Key.EntityType))
            {
                var needed = ofType.SelectMany(m => ValueInstants.SourcesOf(m.Version.Spec)).Distinct().ToList();
                var rows = await sources.LoadAsync(ofType.Key, needed, [.. ofType.Select(m => m.Key.EntityId).Distinct()], cancellationToken);
                foreach (var ofVersion in ofType.GroupBy(m => m.Version))
                {
                    var entities = ofVersion.Where(m => rows.ContainsKey(m.Key.EntityId)).ToDictionary(m => m.Key.EntityId, m => rows[m.Key.EntityId]);
                    var result = await computation.ComputeAsync([ofVersion.Key], entities, started, null, cancellationToken);
                    results.Add(result);
                    values.AddRange(result.Values);
                }
            }

            if (values.Count > 0)
            {
                foreach (var stored in await writer.WriteAsync(values, cancellationToken))
                {
                    found[stored.Key] = stored;
                }
            }

            var completed = started + stopwatch.Elapsed;
            await log.RecordAsync([.. results.SelectMany(r => ComputationLogEntry.From(r, ComputationTypes.OnDemand, null, started, completed)).Where(e => e.EntitiesProcessed > 0)], cancellationToken);
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            logger.LogWarning("On-demand computation of {Count} value(s) failed ({Message}); they are served as MISSING", missing.Count, error.Message);
            found.Clear();
        }

        return found;
    }
}
