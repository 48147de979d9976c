using System.Diagnostics;
using FeatureStore.Launcher;
using FeatureStore.Launcher.Resources;
using FeatureStore.Testing;
using Npgsql;

namespace FeatureStore.AppHost.Tests;

/// <summary>
/// The real processes: on first start Compute loads the demo data and computes it, so the first
/// query returns real values; a Compute process killed (SIGKILL) in the middle of that batch run
/// is restarted by the launcher and the run ends complete, with nothing written twice.
/// </summary>
[Collection(StackCollection.Name)]
public sealed class ComputeRestartTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(3);
    private readonly string _stateDirectory = Path.Combine(Path.GetTempPath(), "featurestore-compute-" + Guid.NewGuid().ToString("N")[..8]);
    private readonly CollectingLaunchLog _log = new();

    [Fact]
    public async Task A_compute_process_killed_mid_run_is_restarted_and_its_run_ends_complete_with_nothing_doubled()
    {
        var app = FeatureStoreApp.Build(new LauncherOptions { StateDirectory = _stateDirectory, NoDocker = true, GatewayPort = 0, Ephemeral = true }, _log);
        var compute = app.Get<ProjectResource>("compute");
        // Small work items, so the run is long enough to kill halfway; a short lease, so the restarted process takes the dead one's item soon.
        compute.WithEnvironment("FeatureStore__Compute__Batch__EntitiesPerItem", "3")
            .WithEnvironment("FeatureStore__Compute__Batch__Lease", "00:00:05")
            .WithEnvironment("FeatureStore__DemoData__Messages", "800");
        // The stack is watched while it starts: the whole run can end before the gateway and drift are healthy.
        using var timeout = new CancellationTokenSource(Patience);
        var start = app.StartAsync(timeout.Token);
        try
        {
            await Task.WhenAny(start, app.Get<PostgresDatabaseResource>("featurestore").WhenHealthy);
            await using var database = NpgsqlDataSource.Create(app.Get<PostgresDatabaseResource>("featurestore").ConnectionString);
            // Mid-run means work both behind and ahead: the schedules' jobs are planned one after another, so
            // "three done" alone can be seen while the next job has no items yet, and a kill then finds nothing to resume.
            await WaitAsync(start, async () => await ScalarAsync(database,
                "SELECT (count(*) FILTER (WHERE status = 'done') >= 3 AND count(*) FILTER (WHERE status <> 'done') >= 3)::int FROM ai_computation_work_items") == 1,
                "three items done and three to do");

            // The sources locked, the compute's next item stops at its first read, holding its claim: the kill lands in the
            // middle of an item, not between two (or after the last).
            await using var freeze = await database.OpenConnectionAsync();
            await using var frozen = await freeze.BeginTransactionAsync();
            await using (var lockSources = new NpgsqlCommand(
                "LOCK TABLE src_messages, src_conversations, src_feedback, src_bookings, src_users, src_tenants, src_analytics_events IN ACCESS EXCLUSIVE MODE",
                freeze, frozen))
            {
                await lockSources.ExecuteNonQueryAsync();
            }

            // Waiting means: a backend waits for the lock, and an item was claimed over 2 s ago (the lease is 5 s), where an
            // item takes milliseconds.
            var killedPid = compute.ProcessId!.Value;
            await WaitAsync(start, async () =>
                await ScalarAsync(database, $"SELECT count(*) FROM pg_stat_activity WHERE {freeze.ProcessID} = ANY(pg_blocking_pids(pid))") > 0
                && await ScalarAsync(database,
                    $"SELECT count(*) FROM ai_computation_work_items WHERE status = 'running' AND claimed_by LIKE '%:{killedPid}:%' AND claimed_until < now() + interval '3 seconds'") > 0,
                "the compute to wait for the locked sources, an item claimed");
            Process.GetProcessById(killedPid).Kill();
            var remaining = await ScalarAsync(database, "SELECT count(*) FROM ai_computation_work_items WHERE status <> 'done'");
            var held = await ScalarAsync(database, $"SELECT count(*) FROM ai_computation_work_items WHERE status = 'running' AND claimed_by LIKE '%:{killedPid}:%'");
            await frozen.RollbackAsync();
            Assert.True(remaining > 1, "the run ended before the kill; nothing was left to resume");
            Assert.Equal(1, held);
            await start;

            await WaitAsync(start, async () => compute.ProcessId is { } pid && pid != killedPid
                && await ScalarAsync(database, "SELECT count(*) FROM ai_computation_jobs WHERE status <> 'done'") == 0
                && await ScalarAsync(database, "SELECT count(*) FROM ai_computation_jobs") > 0, "the run to end after the restart");

            Assert.Equal(0, await ScalarAsync(database, "SELECT count(*) FROM ai_computation_jobs WHERE items_done <> items_total"));
            Assert.Equal(await ScalarAsync(database, "SELECT count(*) FROM ai_computation_work_items w, unnest(w.entity_ids) e"),
                await ScalarAsync(database, "SELECT sum(entities_done) FROM ai_computation_jobs"));
            Assert.Equal(0, await ScalarAsync(database, "SELECT count(*) FROM ai_computation_work_items WHERE status <> 'done'"));
            Assert.Equal(0, await ScalarAsync(database,
                "SELECT count(*) FROM (SELECT feature_id, entity_id, valid_from FROM ai_feature_values_offline GROUP BY 1, 2, 3 HAVING count(*) > 1) d"));
            // What the dead process held was finished by its successor.
            Assert.Equal(held, await ScalarAsync(database, $"SELECT count(*) FROM ai_computation_work_items WHERE attempts >= 2 AND claimed_by NOT LIKE '%:{killedPid}:%'"));
            Assert.Contains(_log.Lines, l => l.Contains("compute exited with code 137; restarting", StringComparison.Ordinal));

            using var gateway = new GatewayClient(app.Get<ProjectResource>("gateway").Url);
            var answer = await gateway.QueryAsync("""{ entity(type: "conversation", id: "c0000001") { features(names: ["conv:message_count"]) { value source } } }""");
            var value = answer.GetProperty("data").GetProperty("entity").GetProperty("features")[0];
            Assert.True(value.GetProperty("value").GetInt32() > 0, answer.ToString());
            Assert.Contains(value.GetProperty("source").GetString(), new[] { "ONLINE", "CACHE" });
        }
        finally
        {
            await app.StopAsync();
        }
    }

    public void Dispose()
    {
        if (Directory.Exists(_stateDirectory))
        {
            Directory.Delete(_stateDirectory, recursive: true);
        }
    }

    // A start that fails ends the wait at once, with the start's own error.
    private async Task WaitAsync(Task start, Func<Task<bool>> condition, string what)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (!await condition())
        {
            if (start.IsFaulted)
            {
                await start;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"waited {Patience} for {what}:{Environment.NewLine}{_log}");
            }

            await Task.Delay(50);
        }
    }

    private static async Task<long> ScalarAsync(NpgsqlDataSource database, string sql)
    {
        try
        {
            await using var command = database.CreateCommand(sql);
            return Convert.ToInt64(await command.ExecuteScalarAsync() ?? 0L, System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (PostgresException error) when (error.SqlState == PostgresErrorCodes.UndefinedTable)
        {
            return 0; // not migrated yet
        }
    }
}
