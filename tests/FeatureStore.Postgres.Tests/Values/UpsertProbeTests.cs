using System.Text.Json;
using FeatureStore.Core.Registry;
using FeatureStore.Core.Values;
using FeatureStore.Postgres.Values;
using FeatureStore.Testing;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace FeatureStore.Postgres.Tests.Values;

/// <summary>
/// How many times the batch upsert (<see cref="OfflineSql.Upsert"/>) reaches into the history per value, counted in
/// its executed plan (EXPLAIN ANALYZE of the real command, rolled back). A batch computation appends each key's new
/// latest value, and each probe is an index descent in a table of millions of rows: that common case costs one probe
/// (the key's latest row), and only a value written at or before the key's latest row pays the two that place it.
/// </summary>
[Collection(InfrastructureCollection.Name)]
public sealed class UpsertProbeTests(InfrastructureFixture infrastructure)
{
    private const string Intent = "user:test_intent";
    private const int Keys = 20;
    private static readonly DateTimeOffset Day0 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_new_key_or_a_new_latest_value_costs_one_probe_and_a_write_into_the_past_three()
    {
        await using var database = await MigratedDatabase.CreateAsync(infrastructure, "probes");
        await database.Services.GetRequiredService<IFeatureRegistry>().ApplyAsync([Definitions.Intent()], "test", CancellationToken.None);

        Assert.Equal((Keys, 0, 0), await ProbesAsync(database, Day0, "\"pricing\""));

        await database.Services.GetRequiredService<IOfflineStore>().WriteAsync(Batch(Day0, "\"pricing\""), CancellationToken.None);
        Assert.Equal((Keys, 0, 0), await ProbesAsync(database, Day0.AddDays(1), "\"booking\""));

        // At the latest row's instant, unchanged: the row found tells it is the same, and nothing is closed.
        Assert.Equal((Keys, Keys, 0), await ProbesAsync(database, Day0, "\"pricing\""));
        // Before it (a backfill): the row after and the row before are both looked up.
        Assert.Equal((Keys, Keys, Keys), await ProbesAsync(database, Day0.AddDays(-1), "\"booking\""));
    }

    // The loops of the upsert's three probes of the history: the key's latest row (l), the row at or after the value (s),
    // the row before it (p).
    private static async Task<(long Latest, long AtOrAfter, long Before)> ProbesAsync(MigratedDatabase database, DateTimeOffset validFrom, string json)
    {
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        var ids = new Dictionary<string, Guid>(StringComparer.Ordinal)
        {
            [Intent] = await Sql.ScalarAsync<Guid>(database.ConnectionString, $"SELECT id FROM ai_feature_registry WHERE name = '{Intent}'"),
        };
        await using var transaction = await connection.BeginTransactionAsync();
        await using var upsert = new OfflineBatchWrite(Batch(validFrom, json), ids).UpsertCommand(connection, transaction);
        upsert.CommandText = "EXPLAIN (ANALYZE, FORMAT JSON) " + upsert.CommandText;
        var plan = (string)(await upsert.ExecuteScalarAsync())!;
        await transaction.RollbackAsync();

        using var document = JsonDocument.Parse(plan);
        var loops = new Dictionary<string, long>(StringComparer.Ordinal);
        Count(document.RootElement[0].GetProperty("Plan"), loops);
        return (loops.GetValueOrDefault("l"), loops.GetValueOrDefault("s"), loops.GetValueOrDefault("p"));
    }

    private static void Count(JsonElement node, Dictionary<string, long> loops)
    {
        if (node.TryGetProperty("Relation Name", out var relation) && relation.GetString() == "ai_feature_values_offline"
            && node.GetProperty("Node Type").GetString()!.StartsWith("Index", StringComparison.Ordinal))
        {
            var alias = node.GetProperty("Alias").GetString()!;
            loops[alias] = loops.GetValueOrDefault(alias) + node.GetProperty("Actual Loops").GetInt64();
        }

        if (node.TryGetProperty("Plans", out var children))
        {
            foreach (var child in children.EnumerateArray())
            {
                Count(child, loops);
            }
        }
    }

    private static List<ValueWrite> Batch(DateTimeOffset validFrom, string json)
    {
        using var document = JsonDocument.Parse(json);
        return [.. Enumerable.Range(0, Keys).Select(i => new ValueWrite(new FeatureKey(Intent, 1, "user", $"u{i:D2}"), "1.0.0",
            document.RootElement.Clone(), "categorical", validFrom, TimeSpan.FromDays(2)))];
    }
}
