using FeatureStore.Launcher;
using FeatureStore.Launcher.Resources;
using FeatureStore.Testing;
using StackExchange.Redis;

namespace FeatureStore.AppHost.Tests;

/// <summary>
/// The whole stack (Postgres, Redis, Compute, Gateway, Drift) started through the AppHost's own
/// app model and launcher code, queried over HTTP, stopped, and started again on the same state.
/// </summary>
[Collection(StackCollection.Name)]
public sealed class StackEndToEndTests : IDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(3);
    private readonly string _stateDirectory = Path.Combine(Path.GetTempPath(), "featurestore-e2e-" + Guid.NewGuid().ToString("N")[..8]);
    private readonly CollectingLaunchLog _log = new();

    [Fact]
    public async Task The_stack_seeds_the_catalog_answers_graphql_keeps_its_data_across_a_restart_and_leaves_no_process_behind()
    {
        const string Feature = "user:e2e_added";
        var options = new LauncherOptions { StateDirectory = _stateDirectory, NoDocker = true, GatewayPort = 0 };

        var first = await StartAsync(options);
        var firstPids = ServicePids(first);
        try
        {
            using var gateway = new GatewayClient(first.Get<ProjectResource>("gateway").Url);
            var answer = await gateway.QueryAsync("{ __typename featureDefinitions { name } }");
            Assert.Equal("Query", answer.GetProperty("data").GetProperty("__typename").GetString());
            Assert.Equal(21, Names(answer).Count);
            Assert.Contains("msg:embedding", Names(answer));

            var applied = await gateway.QueryAsync($$"""
                mutation { applyFeatureDefinitions(definitions: [{name: "{{Feature}}", entityType: "user", valueType: "numeric",
                  computation: {source: "bookings", aggregation: "count"}, refresh: "daily"}]) { applied } }
                """);
            Assert.True(applied.GetProperty("data").GetProperty("applyFeatureDefinitions").GetProperty("applied").GetBoolean());
            await using var redis = await ConnectionMultiplexer.ConnectAsync(first.Get<RedisResource>("cache").ConnectionString);
            await redis.GetDatabase().StringSetAsync("e2e:kept", "yes");
        }
        finally
        {
            await first.StopAsync();
        }

        Assert.All(firstPids, pid => Assert.False(ProcessTree.IsRunning(pid), $"process {pid} outlived the stop"));

        var second = await StartAsync(options);
        try
        {
            using var gateway = new GatewayClient(second.Get<ProjectResource>("gateway").Url);
            var answer = await gateway.QueryAsync("{ featureDefinitions { name } }");
            Assert.Equal(22, Names(answer).Count);
            Assert.Contains(Feature, Names(answer));

            await using var redis = await ConnectionMultiplexer.ConnectAsync(second.Get<RedisResource>("cache").ConnectionString);
            Assert.Equal("yes", (string?)await redis.GetDatabase().StringGetAsync("e2e:kept"));
        }
        finally
        {
            await second.StopAsync();
        }
    }

    [Fact]
    public async Task A_crashed_service_is_reported_with_its_exit_code_and_restarted()
    {
        var app = await StartAsync(new LauncherOptions { StateDirectory = _stateDirectory, NoDocker = true, GatewayPort = 0, Ephemeral = true });
        try
        {
            var drift = app.Get<ProjectResource>("drift");
            var crashedPid = drift.ProcessId!.Value;
            var states = new List<string>();
            drift.StateChanged += r => { lock (states) { states.Add($"{r.State} {r.Detail}"); } };

            System.Diagnostics.Process.GetProcessById(crashedPid).Kill();

            var deadline = DateTime.UtcNow + StartTimeout;
            while (!(drift.State == ResourceState.Healthy && drift.ProcessId is { } pid && pid != crashedPid) && DateTime.UtcNow < deadline)
            {
                await Task.Delay(200);
            }

            Assert.Equal(ResourceState.Healthy, drift.State);
            Assert.NotEqual(crashedPid, drift.ProcessId);
            lock (states)
            {
                Assert.Contains(states, s => s.StartsWith("Restarting exit code 137", StringComparison.Ordinal));
            }

            Assert.Contains(_log.Lines, l => l.Contains("drift exited with code 137; restarting in 1 s", StringComparison.Ordinal));
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

    private async Task<DistributedApplication> StartAsync(LauncherOptions options)
    {
        var app = FeatureStoreApp.Build(options, _log);
        using var timeout = new CancellationTokenSource(StartTimeout);
        try
        {
            await app.StartAsync(timeout.Token);
        }
        catch (Exception error)
        {
            throw new InvalidOperationException($"the stack did not start: {error.Message}{Environment.NewLine}{_log}", error);
        }

        return app;
    }

    private static List<int> ServicePids(DistributedApplication app) =>
        app.Resources.OfType<ProjectResource>().Select(p => p.ProcessId!.Value).ToList();

    private static List<string?> Names(System.Text.Json.JsonElement answer) =>
        answer.GetProperty("data").GetProperty("featureDefinitions").EnumerateArray().Select(d => d.GetProperty("name").GetString()).ToList();
}
