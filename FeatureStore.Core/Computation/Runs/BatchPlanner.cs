using FeatureStore.Core.Errors;
using FeatureStore.Core.Registry;
using FeatureStore.Core.Registry.State;
using FeatureStore.Core.Serving;

namespace FeatureStore.Core.Computation.Runs;

/// <summary>
/// Plans batch jobs: a scheduled run for every refresh schedule whose tick has come, covering only
/// the entities whose value may have changed since the schedule's previous run, and backfills of a
/// past range on request. Planning is idempotent: a (schedule, tick) is planned once.
/// </summary>
public sealed class BatchPlanner(RegistryCache registry, ISourceReader sources, IComputationQueue queue, BatchOptions options, TimeProvider clock)
{
    /// <summary>Who scheduled runs are requested by.</summary>
    public const string Scheduler = "scheduler";

    /// <summary>Plans every schedule that is due; returns the jobs this call created.</summary>
    public async Task<IReadOnlyList<ComputationJob>> PlanDueAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var targets = ComputationTargets.Select((await registry.GetAsync(cancellationToken)).Values, now);
        var created = new List<ComputationJob>();
        foreach (var schedule in targets.GroupBy(t => t.Spec.Refresh))
        {
            var tickSchedule = RefreshTicks.IsRealTime(schedule.Key) ? options.RealTimeCatchUp : schedule.Key;
            if (RefreshTicks.LatestAtOrBefore(tickSchedule, now) is not { } tick)
            {
                continue;
            }

            var last = await queue.LastJobAsync(schedule.Key, cancellationToken);
            if (last is not null && last.At >= tick)
            {
                continue;
            }

            var positions = await sources.HighWaterAsync(cancellationToken);
            var items = await ChangedAsync([.. schedule], last, tick, positions, cancellationToken);
            var job = new ComputationJob(Guid.NewGuid(), ComputationJob.Scheduled, schedule.Key, [], tick, null, positions, "running",
                items.Count, 0, 0, 0, Scheduler, now, null);
            if (await queue.CreateAsync(job, items, VectorLoads([.. schedule], items), cancellationToken) is { } planned)
            {
                created.Add(planned);
            }
        }

        return created;
    }

    /// <summary>
    /// Plans a backfill: every value of <paramref name="features"/> (all computed features when
    /// empty) materialized in (<paramref name="after"/>, <paramref name="upTo"/>], for every entity.
    /// </summary>
    /// <exception cref="FeatureStoreException">FEATURE_NOT_FOUND, or INVALID_ARGUMENT for an empty or future range or a feature that is not computed.</exception>
    public async Task<ComputationJob> PlanBackfillAsync(IReadOnlyList<string> features, DateTimeOffset after, DateTimeOffset upTo, string requestedBy, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(features);
        var now = clock.GetUtcNow();
        if (after >= upTo)
        {
            throw new FeatureStoreException(FeatureStoreErrorCodes.InvalidArgument, $"the range is empty: from {after:O} must be before to {upTo:O}");
        }

        if (upTo > now)
        {
            throw new FeatureStoreException(FeatureStoreErrorCodes.InvalidArgument, $"to {upTo:O} is in the future; a backfill computes the past");
        }

        var registered = await registry.GetAsync(cancellationToken);
        var unknown = features.Where(f => !registered.ContainsKey(f)).ToList();
        if (unknown.Count > 0)
        {
            throw new FeatureStoreException(FeatureStoreErrorCodes.FeatureNotFound, $"no feature named {string.Join(", ", unknown.Select(n => $"'{n}'"))}");
        }

        var targets = ComputationTargets.Select(registered.Values, now, v => features.Count == 0 || features.Contains(v.Spec.Name));
        var notComputed = features.Where(f => targets.All(t => t.Spec.Name != f)).ToList();
        if (notComputed.Count > 0)
        {
            throw new FeatureStoreException(FeatureStoreErrorCodes.InvalidArgument,
                $"{string.Join(", ", notComputed)}: not computed from the source tables (inactive, sunset, or a request-time transform)");
        }

        var positions = await sources.HighWaterAsync(cancellationToken);
        var items = await ChangedAsync(targets, null, upTo, positions, cancellationToken);
        var job = new ComputationJob(Guid.NewGuid(), ComputationJob.Backfill, ComputationJob.Backfill, features, upTo, after, positions, "running",
            items.Count, 0, 0, 0, requestedBy, now, null);
        return await queue.CreateAsync(job, items, VectorLoads(targets, items), cancellationToken)
            ?? throw new InvalidOperationException("a backfill job could not be created");
    }

    // The vector lines the job writes for at least BulkVectorLoadFrom entities.
    private List<VectorLoad> VectorLoads(IReadOnlyList<FeatureVersion> targets, List<(string EntityType, IReadOnlyList<string> Ids)> items) =>
        [.. targets.Where(t => t.Spec.Value.Kind == FeatureValueType.Vector)
            .Select(t => new VectorLoad(t.Spec.Name, t.Version.Major, items.Where(i => i.EntityType == t.Spec.EntityType).Sum(i => i.Ids.Count)))
            .Where(l => l.Entities >= options.BulkVectorLoadFrom)];

    // The entities whose value may differ from the previous run's: named by rows ingested since it
    // was planned, by rows whose event time falls after its tick (ingested before it was planned
    // but not yet visible as of that tick), and by rows that left a window since.
    private async Task<List<(string EntityType, IReadOnlyList<string> Ids)>> ChangedAsync(IReadOnlyList<FeatureVersion> targets, ComputationJob? last,
        DateTimeOffset tick, SourcePositions positions, CancellationToken cancellationToken)
    {
        var items = new List<(string, IReadOnlyList<string>)>();
        foreach (var ofType in targets.GroupBy(t => t.Spec.EntityType))
        {
            var needed = ofType.SelectMany(t => ValueInstants.SourcesOf(t.Spec)).Distinct().ToList();
            var ids = new SortedSet<string>(await sources.ChangedEntitiesAsync(ofType.Key, needed, last?.Positions ?? SourcePositions.Start, positions, cancellationToken), StringComparer.Ordinal);
            if (last is not null)
            {
                foreach (var source in needed)
                {
                    ids.UnionWith(await sources.EntitiesWithRowsBetweenAsync(ofType.Key, source, last.At, tick, cancellationToken));
                }

                foreach (var (source, window) in ofType.Where(t => t.Spec.Computation.Window is not null).Select(t => (t.Spec.Computation.Source, t.Spec.Computation.Window!.Value)).Distinct())
                {
                    ids.UnionWith(await sources.EntitiesWithRowsBetweenAsync(ofType.Key, source, last.At - window, tick - window, cancellationToken));
                }
            }

            var size = ofType.Key == ComputedEntityTypes.Message ? options.EntitiesPerItem * 4 : options.EntitiesPerItem;
            items.AddRange(StripeChunks.Split(ofType.Key, ids, size).Select(chunk => (ofType.Key, chunk)));
        }

        return items;
    }
}
