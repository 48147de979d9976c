using System.Diagnostics;
using System.Text.Json;
using FeatureStore.Core.Registry;
using FeatureStore.Core.Registry.Definitions;
using FeatureStore.Core.Values;
using Npgsql;
using NpgsqlTypes;

namespace FeatureStore.Benchmarks.Data;

/// <summary>
/// Loads the dataset fast (COPY rows are written synchronously: they only fill Npgsql's buffer,
/// and an await per column would cost more than the row), by the paths production data takes at rest: the definitions through the
/// real registry; the offline history and the durable online copy by binary COPY (valid_to chained
/// while generating: each key's rows come out sorted by valid_from); Redis through the real
/// online store's write API, in big batches, so its hash layout and payloads are the adapter's own.
/// </summary>
internal sealed class DatasetLoader(ServingDataset data, NpgsqlDataSource database, IFeatureRegistry registry, IOnlineStore online)
{
    private const int RedisBatchEntities = 2_000;
    private const string Version = "1.0.0";

    /// <summary>Registers the features, then loads history, online copy and Redis; returns the feature ids by index.</summary>
    public async Task<IReadOnlyList<Guid>> LoadAsync(CancellationToken cancellationToken)
    {
        var specs = data.Features.Select(f => ReadSpec(f)).ToList();
        var plan = await registry.ApplyAsync(specs, "benchmark", cancellationToken);
        Console.WriteLine($"load: registered {plan.Entries.Count} features through the registry ({string.Join(", ", data.Features.Select(f => f.Name))})");
        var ids = await FeatureIdsAsync(cancellationToken);

        await TimedAsync("offline history", data.HistoryRows, () => CopyHistoryAsync(ids, cancellationToken));
        await TimedAsync("online copy (Postgres)", (long)data.Entities * data.Features.Count, () => CopyOnlineAsync(ids, cancellationToken));
        await TimedAsync("online values (Redis)", (long)data.Entities * data.Features.Count, () => WriteRedisAsync(cancellationToken));
        // The state autovacuum reaches on its own, and the dirty pages written out now, not while measuring.
        var vacuum = Stopwatch.StartNew();
        foreach (var statement in new[] { "VACUUM ANALYZE ai_feature_values_offline, ai_feature_values_online", "CHECKPOINT" })
        {
            await using var command = database.CreateCommand(statement);
            command.CommandTimeout = 0;
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        Console.WriteLine($"load: VACUUM ANALYZE and CHECKPOINT in {vacuum.Elapsed.TotalSeconds:0.0} s");
        return ids;
    }

    private static FeatureSpec ReadSpec(BenchmarkFeature feature)
    {
        var problems = new List<DefinitionProblem>();
        using var json = JsonDocument.Parse(feature.Definition().ToJsonString());
        return FeatureSpecJson.Read(json.RootElement, feature.Name, problems)
            ?? throw new InvalidOperationException("benchmark definition is invalid: " + string.Join("; ", problems));
    }

    private async Task<IReadOnlyList<Guid>> FeatureIdsAsync(CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand("SELECT name, id FROM ai_feature_registry WHERE name = ANY(@names)");
        command.Parameters.AddWithValue("names", data.Features.Select(f => f.Name).ToArray());
        var byName = new Dictionary<string, Guid>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            byName[reader.GetString(0)] = reader.GetGuid(1);
        }

        return [.. data.Features.Select(f => byName[f.Name])];
    }

    // Feature by feature, entities in id order, each key's versions oldest first: every index is appended to.
    private async Task CopyHistoryAsync(IReadOnlyList<Guid> ids, CancellationToken cancellationToken)
    {
        await using var connection = await OpenForBulkLoadAsync(cancellationToken);
        await using var writer = await connection.BeginBinaryImportAsync(
            "COPY ai_feature_values_offline (feature_id, version_major, version, entity_type, entity_id, value, value_type, valid_from, valid_to, computed_at) FROM STDIN (FORMAT BINARY)",
            cancellationToken);
        long written = 0;
        var progress = Stopwatch.StartNew();
        foreach (var feature in data.Features)
        {
            foreach (var entity in data.EntitiesInIdOrder)
            {
                var entityId = ServingDataset.EntityId(entity);
                var versions = data.Versions(entity, feature.Index);
                var from = data.ValidFrom(entity, feature.Index, 0);
                for (var version = 0; version < versions; version++)
                {
                    long? to = version + 1 < versions ? data.ValidFrom(entity, feature.Index, version + 1) : null;
                    writer.StartRow();
                    writer.Write(ids[feature.Index], NpgsqlDbType.Uuid);
                    writer.Write(1, NpgsqlDbType.Integer);
                    writer.Write(Version, NpgsqlDbType.Text);
                    writer.Write(BenchmarkFeature.EntityType, NpgsqlDbType.Text);
                    writer.Write(entityId, NpgsqlDbType.Text);
                    writer.Write(data.ValueJson(entity, feature.Index, version), NpgsqlDbType.Jsonb);
                    writer.Write(feature.ValueType, NpgsqlDbType.Text);
                    writer.Write(ServingDataset.Instant(from), NpgsqlDbType.TimestampTz);
                    if (to is { } end)
                    {
                        writer.Write(ServingDataset.Instant(end), NpgsqlDbType.TimestampTz);
                    }
                    else
                    {
                        writer.WriteNull();
                    }

                    writer.Write(ServingDataset.Instant(from), NpgsqlDbType.TimestampTz);
                    from = to ?? from;
                    written++;
                }
            }

            Console.WriteLine($"load:   history {feature.Name}: {written:N0} / {data.HistoryRows:N0} rows ({written / progress.Elapsed.TotalSeconds:N0} rows/s)");
        }

        await writer.CompleteAsync(cancellationToken);
    }

    // The durable copy of each key's latest value, as the writer's RefreshOnline leaves it.
    private async Task CopyOnlineAsync(IReadOnlyList<Guid> ids, CancellationToken cancellationToken)
    {
        await using var connection = await OpenForBulkLoadAsync(cancellationToken);
        await using var writer = await connection.BeginBinaryImportAsync(
            "COPY ai_feature_values_online (feature_id, version_major, version, entity_type, entity_id, value, valid_from, computed_at, expires_at) FROM STDIN (FORMAT BINARY)",
            cancellationToken);
        var ttl = TimeSpan.FromDays(60);
        foreach (var feature in data.Features)
        {
            foreach (var entity in data.EntitiesInIdOrder)
            {
                var version = data.CurrentVersion(entity, feature.Index);
                var from = ServingDataset.Instant(data.ValidFrom(entity, feature.Index, version));
                writer.StartRow();
                writer.Write(ids[feature.Index], NpgsqlDbType.Uuid);
                writer.Write(1, NpgsqlDbType.Integer);
                writer.Write(Version, NpgsqlDbType.Text);
                writer.Write(BenchmarkFeature.EntityType, NpgsqlDbType.Text);
                writer.Write(ServingDataset.EntityId(entity), NpgsqlDbType.Text);
                writer.Write(data.ValueJson(entity, feature.Index, version), NpgsqlDbType.Jsonb);
                writer.Write(from, NpgsqlDbType.TimestampTz);
                writer.Write(from, NpgsqlDbType.TimestampTz);
                writer.Write(from + ttl, NpgsqlDbType.TimestampTz);
            }
        }

        await writer.CompleteAsync(cancellationToken);
    }

    // The rows are valid by construction (the registry ids were just read): a superuser may skip the
    // per-row foreign-key triggers, as pg_restore does; anyone else loads with them.
    private async Task<NpgsqlConnection> OpenForBulkLoadAsync(CancellationToken cancellationToken)
    {
        var connection = await database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var replica = new NpgsqlCommand("SET session_replication_role = replica", connection);
            await replica.ExecuteNonQueryAsync(cancellationToken);
        }
        catch (PostgresException error) when (error.SqlState == PostgresErrorCodes.InsufficientPrivilege)
        {
            Console.WriteLine("load: not a superuser, foreign keys are checked row by row (slower)");
        }

        return connection;
    }

    private async Task WriteRedisAsync(CancellationToken cancellationToken)
    {
        var progress = Stopwatch.StartNew();
        var nextReport = TimeSpan.FromSeconds(5);
        for (var first = 0; first < data.Entities; first += RedisBatchEntities)
        {
            var batch = new List<StoredValue>(RedisBatchEntities * data.Features.Count);
            for (var entity = first; entity < Math.Min(first + RedisBatchEntities, data.Entities); entity++)
            {
                foreach (var feature in data.Features)
                {
                    var version = data.CurrentVersion(entity, feature.Index);
                    var from = ServingDataset.Instant(data.ValidFrom(entity, feature.Index, version));
                    var key = new FeatureKey(feature.Name, 1, BenchmarkFeature.EntityType, ServingDataset.EntityId(entity));
                    batch.Add(new StoredValue(key, Version, JsonSerializer.SerializeToElement(data.Value(entity, feature.Index, version)), from, null, from));
                }
            }

            await online.WriteAsync(batch, cancellationToken);
            if (progress.Elapsed > nextReport)
            {
                Console.WriteLine($"load:   Redis: {Math.Min(first + RedisBatchEntities, data.Entities):N0} / {data.Entities:N0} users");
                nextReport += TimeSpan.FromSeconds(5);
            }
        }
    }

    private static async Task TimedAsync(string what, long rows, Func<Task> load)
    {
        var clock = Stopwatch.StartNew();
        await load();
        Console.WriteLine($"load: {what}: {rows:N0} rows in {clock.Elapsed.TotalSeconds:0.0} s ({rows / clock.Elapsed.TotalSeconds:N0} rows/s)");
    }
}
