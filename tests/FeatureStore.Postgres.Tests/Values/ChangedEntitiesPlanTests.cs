using FeatureStore.Postgres.Values;
using FeatureStore.Testing;
using Npgsql;

namespace FeatureStore.Postgres.Tests.Values;

/// <summary>
/// The searches a kept line is patched by run on every export, on pooled connections: Npgsql prepares them, and after
/// five runs Postgres may plan them once for any parameters (a generic plan). Whatever the plan, the kept snapshot
/// must be parsed once per statement, not for every row scanned (that made the row-version scan 2.3x slower).
/// </summary>
[Collection(InfrastructureCollection.Name)]
public sealed class ChangedEntitiesPlanTests(InfrastructureFixture infrastructure)
{
    [Theory]
    [InlineData(nameof(TrainingSetSql.EntitiesWithRowsChangedSince))]
    [InlineData(nameof(TrainingSetSql.ChangedEntities))]
    [InlineData(nameof(TrainingSetSql.EntitiesChangedSinceWithin))]
    public async Task A_generic_plan_parses_the_kept_snapshot_once_not_per_row(string statement)
    {
        await using var database = await MigratedDatabase.CreateAsync(infrastructure, "plans");
        var sql = (string)typeof(TrainingSetSql).GetField(statement)!.GetValue(null)!;
        var positional = sql.Replace("@feature", "$1", StringComparison.Ordinal).Replace("@line", "$2", StringComparison.Ordinal)
            .Replace("@entity_type", "$3", StringComparison.Ordinal).Replace("@kept", "$4", StringComparison.Ordinal).Replace("@limit", "$5", StringComparison.Ordinal)
            .Replace("@lows", "$6", StringComparison.Ordinal).Replace("@highs", "$7", StringComparison.Ordinal);
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await Execute(connection, $"PREPARE search(uuid, int, text, text, int, text[], text[]) AS {positional}");
        await Execute(connection, "SET plan_cache_mode = force_generic_plan");

        var plan = new List<string>();
        await using (var explain = new NpgsqlCommand("EXPLAIN EXECUTE search(gen_random_uuid(), 1, 'user', pg_current_snapshot()::text, 10, ARRAY['a'], ARRAY['b'])", connection))
        await using (var reader = await explain.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                plan.Add(reader.GetString(0));
            }
        }

        var rowConditions = plan.Where(l => l.Contains("Filter:", StringComparison.Ordinal) || l.Contains("Cond:", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(rowConditions);
        // (EXPLAIN names init plans' results $0, $1, ... too, so the snapshot is told by its parsing, not its number.)
        Assert.All(rowConditions, l => Assert.DoesNotContain("pg_snapshot_xmin", l, StringComparison.Ordinal));
        Assert.All(rowConditions, l => Assert.DoesNotContain("::pg_snapshot", l, StringComparison.Ordinal));
        Assert.Contains(plan, l => l.Contains("InitPlan", StringComparison.Ordinal));
        if (statement == nameof(TrainingSetSql.EntitiesChangedSinceWithin))
        {
            // Each range is an index range: only its rows are read, whatever the line's size.
            Assert.Contains(plan, l => l.Contains("Index Cond:", StringComparison.Ordinal) && l.Contains("entity_id >=", StringComparison.Ordinal));
        }
    }

    private static async Task Execute(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
