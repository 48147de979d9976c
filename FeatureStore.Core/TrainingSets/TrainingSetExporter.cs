using System.Text;
using FeatureStore.Core.Errors;
using FeatureStore.Core.Registry.Definitions;
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

            var now = clock.GetUtcNow();
            // Without a split a column always reads one line: find its cursor once, not per row.
            var fixedCursors = columns.Select(c => c.VersionPerEntity ? null : cursors[(c.Feature.Name, c.Resolved.ValueLine)]).ToArray();
            var splits = columns.Any(c => c.VersionPerEntity);
            var values = new ReadOnlyMemory<byte>[columns.Count];
            var entity = "";
            var entityBytes = ReadOnlyMemory<byte>.Empty;
            long written = 0;
            await foreach (var batch in spine.ReadOrderedAsync(cancellationToken))
            {
                for (var row = 0; row < batch.Count; row++)
                {
                    var entityId = batch.EntityId(row);
                    var ticks = batch.UtcTicks(row);
                    var at = new DateTimeOffset(ticks, TimeSpan.Zero);
                    if (splits && !entityId.Span.SequenceEqual(entityBytes.Span))
                    {
                        // A split buckets entities by their id as text: decoded once per entity, not per row.
                        entity = Encoding.UTF8.GetString(entityId.Span);
                        entityBytes = entityId;
                    }

                    for (var i = 0; i < columns.Count; i++)
                    {
                        var column = columns[i];
                        var version = column.VersionPerEntity ? VersionResolver.Resolve(column.Feature, column.Pin, entity, now) : column.Resolved;
                        var cursor = fixedCursors[i] ?? cursors[(column.Feature.Name, version.ValueLine)];
                        while (!cursor.TryAdvance(entityId.Span, ticks))
                        {
                            await cursor.FetchAsync();
                        }

                        values[i] = Cell(version.Version.Spec, cursor, entityId.Span, at);
                    }

                    if (writer.WriteRow(entityId.Span, at, values))
                    {
                        await writer.FlushAsync(cancellationToken);
                    }

                    if (++written % ProgressEvery == 0)
                    {
                        progress?.Report(written);
                    }
                }
            }

            progress?.Report(written);
            return written;
        }
        finally
        {
            foreach (var cursor in cursors.Values)
            {
                await cursor.DisposeAsync();
            }
        }
    }

    private const int ProgressEvery = 100_000;

    private static ReadOnlyMemory<byte> Cell(FeatureSpec spec, HistoryCursor cursor, ReadOnlySpan<byte> entityId, DateTimeOffset at)
    {
        if (!cursor.TryGetValue(entityId, out var validFrom, out var json))
        {
            return ServingRules.ComputeOnDemand(spec, at) is { } computed ? Encoding.UTF8.GetBytes(computed.GetRawText()) : default;
        }

        return ServingRules.Withholds(spec, ServingRules.IsStale(spec, new DateTimeOffset(validFrom, TimeSpan.Zero), at)) ? default : json;
    }
}
