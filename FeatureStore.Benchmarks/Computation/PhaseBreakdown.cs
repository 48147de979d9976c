using System.Diagnostics;
using FeatureStore.Core.Computation;
using FeatureStore.Core.Registry;
using FeatureStore.Core.Serving;
using FeatureStore.Core.Values;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace FeatureStore.Benchmarks.Computation;

/// <summary>
/// Where a work item's time goes: one item's worth of entities of each type, recomputed again
/// phase by phase (load the source rows, compute with Core, write through the FeatureWriter), after
/// the batch run (so the writes replace rows, as a re-run does).
/// </summary>
internal static class PhaseBreakdown
{
    public static async Task<IReadOnlyList<(string EntityType, int Entities, int Values, TimeSpan Load, TimeSpan Compute, TimeSpan Write, TimeSpan Offline, TimeSpan Online)>> MeasureAsync(
        IServiceProvider services, NpgsqlDataSource database, int perItem, CancellationToken cancellationToken)
    {
        var registry = await services.GetRequiredService<RegistryCache>().GetAsync(cancellationToken);
        var reader = services.GetRequiredService<ISourceReader>();
        var computation = services.GetRequiredService<EntityComputation>();
        var writer = services.GetRequiredService<FeatureWriter>();
        var now = DateTimeOffset.UtcNow;
        var offline = services.GetRequiredService<IOfflineStore>();
        var online = services.GetRequiredService<IOnlineStore>();
        var results = new List<(string, int, int, TimeSpan, TimeSpan, TimeSpan, TimeSpan, TimeSpan)>();
        foreach (var (type, table, size) in new[] { ("message", "src_messages", perItem * 4), ("conversation", "src_conversations", perItem), ("user", "src_users", perItem) })
        {
            var ids = new List<string>();
            await using (var command = database.CreateCommand($"SELECT id FROM {table} ORDER BY id LIMIT {size}"))
            await using (var rows = await command.ExecuteReaderAsync(cancellationToken))
            {
                while (await rows.ReadAsync(cancellationToken))
                {
                    ids.Add(rows.GetString(0));
                }
            }

            var targets = ComputationTargets.Select(registry.Values, now, v => v.Spec.EntityType == type);
            var needed = targets.SelectMany(t => ValueInstants.SourcesOf(t.Spec)).Distinct().ToList();
            var watch = Stopwatch.StartNew();
            var loaded = await reader.LoadAsync(type, needed, ids, cancellationToken);
            var load = watch.Elapsed;
            watch.Restart();
            var computed = await computation.ComputeAsync(targets, loaded, now, null, cancellationToken);
            var compute = watch.Elapsed;
            watch.Restart();
            await writer.WriteAsync(computed.Values, cancellationToken);
            var write = watch.Elapsed;

            // The writer's two stores on their own: the Postgres transaction, then the Redis mirror.
            var specs = targets.ToDictionary(t => $"{t.Spec.Name}@{t.Spec.Version}", t => t.Spec);
            var writes = computed.Values.Select(v => specs[v.Reference] is var spec
                ? new ValueWrite(new FeatureKey(spec.Name, spec.Version.Major, spec.EntityType, v.EntityId), spec.Version.ToString(), v.Value, spec.Value.Kind.ToWireName(), v.ValidFrom, spec.TimeToLive)
                : null!).ToList();
            // Vectors apart (their pgvector mirror and HNSW index), then the rest, so the split shows in the log.
            var vectorWrites = writes.Where(w => w.ValueType == "vector").ToList();
            watch.Restart();
            var current = (await offline.WriteAsync([.. writes.Where(w => w.ValueType != "vector")], cancellationToken)).ToList();
            var scalarTime = watch.Elapsed;
            watch.Restart();
            current.AddRange(await offline.WriteAsync(vectorWrites, cancellationToken));
            var offlineTime = scalarTime + watch.Elapsed;
            Console.WriteLine($"  {type}: Postgres write of {writes.Count - vectorWrites.Count:N0} non-vector values {scalarTime.TotalSeconds:0.00} s, {vectorWrites.Count:N0} vectors {watch.Elapsed.TotalSeconds:0.00} s");
            watch.Restart();
            await online.WriteAsync(current, cancellationToken);
            results.Add((type, ids.Count, computed.Values.Count, load, compute, write, offlineTime, watch.Elapsed));
        }

        return results;
    }
}
