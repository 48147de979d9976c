using FeatureStore.Core.Errors;
using FeatureStore.Core.Registry.State;
using FeatureStore.Core.Serving;

namespace FeatureStore.Core.TrainingSets;

/// <summary>
/// The streaming training-set export: a sort-merge as-of join of a staged spine with each feature
/// line's history, both read in (entity, time) order, so memory stays bounded whatever the size
/// and Postgres does ordered scans instead of one lookup per row. Versions, staleness and on-demand
/// values follow the same rules as the gateway's reads (<see cref="ServingRules"/>, <see cref="VersionResolver"/>).
/// </summary>
public sealed class TrainingSetExporter(RegistryCache registry, TimeProvider clock)
{
    /// <summary>Most feature columns in one export (each value line read is one ordered scan and one connection).</summary>
    public const int MaxFeatures = 64;

    /// <summary>Resolves the columns before any row is read, so a bad reference fails the export up front.</summary>
    /// <exception cref="FeatureStoreException">FEATURE_NOT_FOUND, VERSION_NOT_FOUND, VERSION_SUNSET, ENTITY_TYPE_MISMATCH, INVALID_ARGUMENT or LIMIT_EXCEEDED.</exception>
    public async Task<IReadOnlyList<TrainingSetColumn>> PlanAsync(string entityType, IReadOnlyList<string> references, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(references);
        if (references.Count is 0 or > MaxFeatures)
        {
            throw new FeatureStoreException(references.Count == 0 ? FeatureStoreErrorCodes.InvalidArgument : FeatureStoreErrorCodes.LimitExceeded,
                $"an export needs between 1 and {MaxFeatures} features, not {references.Count}");
        }

        var duplicate = references.GroupBy(r => r, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new FeatureStoreException(FeatureStoreErrorCodes.InvalidArgument, $"'{duplicate.Key}' is asked for twice: columns must have distinct names");
        }

        var features = await registry.GetAsync(cancellationToken);
        var now = clock.GetUtcNow();
        return [.. references.Select(reference =>
        {
            var (pin, feature) = FeatureReferences.Find(features, reference);
            var resolved = VersionResolver.Resolve(feature, pin, "", now);
            if (resolved.Version.Spec.EntityType != entityType)
            {
                throw new FeatureStoreException(FeatureStoreErrorCodes.EntityTypeMismatch, $"{pin.Name} describes {resolved.Version.Spec.EntityType} entities, not {entityType}");
            }

            return new TrainingSetColumn(reference, feature, pin, resolved);
        })];
    }

    /// <summary>Joins every spine row with each column's value as of the row's timestamp; returns the number of rows written.</summary>
    public async Task<long> ExportAsync(IReadOnlyList<TrainingSetColumn> columns, IStagedSpine spine, ITrainingSetWriter writer, IProgress<long>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentNullException.ThrowIfNull(spine);
        ArgumentNullException.ThrowIfNull(writer);
        var cursors = new Dictionary<(string Feature, int Line), HistoryCursor>();
        try
        {
            foreach (var line in columns.SelectMany(c => c.ValueLines.Select(l => (c.Feature.Name, l))).Distinct())
            {
                cursors[line] = new HistoryCursor(spine.ReadHistoryAsync(line.Name, line.l, cancellationToken).GetAsyncEnumerator(cancellationToken));
            }

            // Every line's read starts now, all together. A line's first batch may cost round trips (its write marks,
            // a patch of its kept copy: about 8 ms a line after a large write); fetched only as the merge first
            // starved on each line, one after another, those waits added up (10 lines: 80 ms of a 300 ms export).
            await Task.WhenAll(cursors.Values.Select(cursor => cursor.FetchAsync().AsTask()));

            var merge = new SpineMerge(columns, cursors, writer, clock.GetUtcNow());
            await foreach (var batch in spine.ReadOrderedAsync(cancellationToken))
            {
                merge.Begin();
                for (var wait = merge.Run(batch); wait != SpineMerge.Wait.BatchDone; wait = merge.Run(batch))
                {
                    if (wait == SpineMerge.Wait.Fetch)
                    {
                        await merge.Starved!.FetchAsync();
                    }
                    else if (wait == SpineMerge.Wait.Flush)
                    {
                        await writer.FlushAsync(cancellationToken);
                    }

                    if (wait != SpineMerge.Wait.Fetch && merge.Written % SpineMerge.ProgressEvery == 0)
                    {
                        progress?.Report(merge.Written);
                    }
                }
            }

            progress?.Report(merge.Written);
            return merge.Written;
        }
        finally
        {
            foreach (var cursor in cursors.Values)
            {
                await cursor.DisposeAsync();
            }
        }
    }
}
