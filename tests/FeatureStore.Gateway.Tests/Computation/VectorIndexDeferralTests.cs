using FeatureStore.Core.Computation.Runs;
using FeatureStore.Core.Sources;
using FeatureStore.SyntheticData;
using FeatureStore.Testing;
using Npgsql;

namespace FeatureStore.Gateway.Tests.Computation;

/// <summary>
/// A bulk job loads a vector line without its HNSW index and builds the index when the job ends; searches stay exact
/// meanwhile, and an index a dead replica or builder left missing or invalid is built by the next ensure.
/// </summary>
[Collection(InfrastructureCollection.Name)]
public sealed class VectorIndexDeferralTests(InfrastructureFixture infrastructure)
{
    private static readonly DateTimeOffset Start = new(2026, 10, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Now = new(2026, 10, 8, 0, 30, 0, TimeSpan.Zero);
    private static readonly TisTisGeneratorOptions Options = new() { Seed = 5, Tenants = 2, UsersPerTenant = 5, Messages = 160, Start = Start, Window = TimeSpan.FromDays(7) };

    private static readonly Dictionary<string, string> BulkFrom50 = new()
    {
        ["FeatureStore:Compute:Batch:BulkVectorLoadFrom"] = "50",
        ["FeatureStore:Compute:Batch:EntitiesPerItem"] = "10", // message items of 40: several per job
    };

    private const string EmbeddingIndex = """
        SELECT 'ix_vectors_' || replace(r.id::text, '-', '') || '_1' FROM ai_feature_registry r WHERE r.name = 'msg:embedding'
        """;

    [Fact]
    public async Task A_first_bulk_computation_loads_the_line_without_its_index_searches_exactly_meanwhile_and_builds_it_when_the_job_ends()
    {
        await using var stack = await ComputationStack.CreateAsync(infrastructure, "vecdefer", Now, BulkFrom50);
        await LoadAsync(stack);

        var jobs = await stack.Get<BatchPlanner>().PlanDueAsync(CancellationToken.None);

        var realTime = jobs.Single(j => j.Schedule == "real-time"); // msg:embedding's schedule
        Assert.True(realTime.ItemsTotal > 2);
        Assert.Equal(1, await stack.ScalarAsync($"SELECT count(*) FROM ai_vector_index_deferrals WHERE job_id = '{realTime.Id}'"));
        Assert.Null(await IndexValidAsync(stack));
        // The tenant centroid line (2 entities) is no bulk load: its index stays.
        Assert.Equal(1, await stack.ScalarAsync("SELECT count(*) FROM pg_indexes WHERE indexname LIKE 'ix_vectors_%'"));

        var processor = stack.Get<WorkItemProcessor>();
        while (await stack.ScalarAsync("SELECT count(*) FROM ai_feature_vectors v JOIN ai_feature_registry r ON r.id = v.feature_id WHERE r.name = 'msg:embedding'") == 0)
        {
            Assert.True(await processor.ProcessNextAsync("w1", CancellationToken.None));
        }

        Assert.Equal("running", (await stack.Get<IComputationQueue>().GetAsync(realTime.Id, CancellationToken.None))!.Status);
        Assert.Null(await IndexValidAsync(stack));
        await AssertSearchIsExactAsync(stack);

        await stack.DrainAsync();

        Assert.True(await IndexValidAsync(stack));
        Assert.Equal(0, await stack.ScalarAsync("SELECT count(*) FROM ai_vector_index_deferrals"));
        await AssertSearchIsExactAsync(stack);

        // A backfill over the full line adds nothing new to it: inserting is cheaper than rebuilding, the index stays.
        await stack.Get<BatchPlanner>().PlanBackfillAsync(["msg:embedding"], Start, Now, "test", CancellationToken.None);
        Assert.Equal(0, await stack.ScalarAsync("SELECT count(*) FROM ai_vector_index_deferrals"));
        Assert.True(await IndexValidAsync(stack));
        await stack.DrainAsync();
    }

    [Fact]
    public async Task A_job_below_the_bulk_size_inserts_into_the_index()
    {
        await using var stack = await ComputationStack.CreateAsync(infrastructure, "vecsmall", Now);
        await LoadAsync(stack);

        await stack.Get<BatchPlanner>().PlanDueAsync(CancellationToken.None);

        Assert.Equal(0, await stack.ScalarAsync("SELECT count(*) FROM ai_vector_index_deferrals"));
        Assert.True(await IndexValidAsync(stack));
        await stack.DrainAsync();
        Assert.True(await IndexValidAsync(stack));
    }

    [Fact]
    public async Task An_index_left_missing_by_a_dead_job_or_invalid_by_a_dead_builder_is_built_by_the_next_ensure_but_not_while_a_builder_holds_it()
    {
        await using var stack = await ComputationStack.CreateAsync(infrastructure, "vecrepair", Now, BulkFrom50);
        await LoadAsync(stack);
        var job = (await stack.Get<BatchPlanner>().PlanDueAsync(CancellationToken.None)).Single(j => j.Schedule == "real-time");
        Assert.Null(await IndexValidAsync(stack));

        // The job's last replica died before building: the job ended, the deferral and the missing index remain.
        await stack.ScalarAsync($"WITH e AS (UPDATE ai_computation_jobs SET status = 'failed' WHERE id = '{job.Id}' RETURNING 1) SELECT count(*) FROM e");
        await stack.ApplyCatalogAsync();
        Assert.True(await IndexValidAsync(stack));
        Assert.Equal(0, await stack.ScalarAsync("SELECT count(*) FROM ai_vector_index_deferrals"));

        // A builder died half-way: Postgres keeps the index, marked invalid (as CREATE INDEX CONCURRENTLY leaves it).
        var name = await stack.StringAsync(EmbeddingIndex);
        await stack.ScalarAsync($"WITH e AS (UPDATE pg_index SET indisvalid = false WHERE indexrelid = '{name}'::regclass RETURNING 1) SELECT count(*) FROM e");
        // Unpooled: closing it ends the session and its lock, as a builder's death would.
        await using (var builder = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(stack.Database.ConnectionString) { Pooling = false }.ConnectionString))
        {
            // While a live builder holds the line's lock, its invalid index is its work in progress: left alone.
            await builder.OpenAsync();
            await using (var hold = new NpgsqlCommand("SELECT pg_advisory_lock(1718943744, hashtext(@name))", builder))
            {
                hold.Parameters.AddWithValue("name", name);
                await hold.ExecuteNonQueryAsync();
            }

            await stack.ApplyCatalogAsync();
            Assert.False(await IndexValidAsync(stack));
        }

        await stack.ApplyCatalogAsync();
        Assert.True(await IndexValidAsync(stack));
    }

    [Fact]
    public async Task Dropping_a_deferred_index_never_queues_readers_and_a_drop_that_cannot_finish_defers_nothing()
    {
        await using var stack = await ComputationStack.CreateAsync(infrastructure, "vecdrop", Now, BulkFrom50);
        await LoadAsync(stack);
        Assert.True(await IndexValidAsync(stack));

        // A long transaction has read the vector table: the drop must wait for it to end.
        await using var longReader = new NpgsqlConnection(stack.Database.ConnectionString);
        await longReader.OpenAsync();
        await using var longTransaction = await longReader.BeginTransactionAsync();
        await using (var read = new NpgsqlCommand("SELECT count(*) FROM ai_feature_vectors", longReader, longTransaction))
        {
            await read.ExecuteScalarAsync();
        }

        var planning = stack.Get<BatchPlanner>().PlanDueAsync(CancellationToken.None);
        while (await stack.ScalarAsync("SELECT count(*) FROM pg_stat_activity WHERE query LIKE 'DROP INDEX CONCURRENTLY%' AND wait_event_type = 'Lock'") == 0)
        {
            Assert.False(planning.IsCompleted, "the drop should be waiting for the long transaction");
            await Task.Delay(50);
        }

        // Meanwhile a reader that would give up after a second of waiting for a lock is served: nothing queues it.
        await using (var reader = new NpgsqlConnection(stack.Database.ConnectionString))
        {
            await reader.OpenAsync();
            await using var impatient = new NpgsqlCommand("SET lock_timeout = '1s'; SELECT count(*) FROM ai_feature_vectors", reader);
            Assert.True(Convert.ToInt64(await impatient.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture) >= 0);
        }

        // The long transaction outlasts the drop's wait: the job inserts into the index as usual.
        var job = (await planning).Single(j => j.Schedule == "real-time");
        await longTransaction.RollbackAsync();
        Assert.Equal(0, await stack.ScalarAsync($"SELECT count(*) FROM ai_vector_index_deferrals WHERE job_id = '{job.Id}'"));
        await stack.DrainAsync();
        Assert.True(await IndexValidAsync(stack));
        await AssertSearchIsExactAsync(stack);
    }

    // The distances `similar` returns for a message's neighbours equal the exact k smallest, computed by SQL.
    private static async Task AssertSearchIsExactAsync(ComputationStack stack)
    {
        var probe = await stack.StringAsync("SELECT min(v.entity_id) FROM ai_feature_vectors v JOIN ai_feature_registry r ON r.id = v.feature_id WHERE r.name = 'msg:embedding'");
        var body = await stack.Client.QueryAsync("query($e: ID) { similar(feature: \"msg:embedding\", toEntity: $e, k: 5) { distance } }", new { e = probe });
        Assert.False(body.TryGetProperty("errors", out var errors), errors.ToString());
        var served = body.GetProperty("data").GetProperty("similar").EnumerateArray().Select(n => n.GetProperty("distance").GetDouble()).ToList();

        await using var connection = new NpgsqlConnection(stack.Database.ConnectionString);
        await connection.OpenAsync();
        await using var exact = new NpgsqlCommand("""
            SELECT (v.embedding <=> p.embedding)::float8
            FROM ai_feature_vectors v JOIN ai_feature_registry r ON r.id = v.feature_id
            JOIN ai_feature_vectors p ON p.feature_id = v.feature_id AND p.version_major = v.version_major AND p.entity_id = @e
            WHERE r.name = 'msg:embedding' AND v.entity_id <> @e
            ORDER BY 1 LIMIT 5
            """, connection);
        exact.Parameters.AddWithValue("e", probe);
        var expected = new List<double>();
        await using (var reader = await exact.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                expected.Add(reader.GetDouble(0));
            }
        }

        Assert.Equal(5, served.Count);
        Assert.Equal(expected, served, (a, b) => Math.Abs(a - b) < 1e-6);
    }

    // True or false when the line's index exists (valid or not), null when it does not.
    private static async Task<bool?> IndexValidAsync(ComputationStack stack)
    {
        var name = await stack.StringAsync(EmbeddingIndex);
        await using var connection = new NpgsqlConnection(stack.Database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT i.indisvalid FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid WHERE c.relname = @name", connection);
        command.Parameters.AddWithValue("name", name);
        return await command.ExecuteScalarAsync() as bool?;
    }

    private static async Task LoadAsync(ComputationStack stack)
    {
        foreach (var batch in new TisTisGenerator(Options).Batches(1000))
        {
            await stack.Get<ISourceStore>().WriteAsync(batch, CancellationToken.None);
        }
    }
}
