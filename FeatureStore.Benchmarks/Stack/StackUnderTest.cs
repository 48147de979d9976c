using FeatureStore.Core.Hosting;
using FeatureStore.Launcher;
using FeatureStore.Launcher.Resources;
using FeatureStore.Launcher.Servers;
using FeatureStore.Postgres;
using FeatureStore.Postgres.Schema;
using FeatureStore.Redis;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace FeatureStore.Benchmarks.Stack;

/// <summary>
/// Postgres (+pgvector) and Redis started by the launcher exactly as the test fixtures start them
/// (local processes, ephemeral, in a temporary state directory deleted at the end), the schema
/// applied by the Postgres project's migrator, and a host wired like a service for the loader.
/// </summary>
internal sealed class StackUnderTest : IAsyncDisposable
{
    public const string Database = "featurestore";
    private readonly string _stateDirectory;
    private readonly DistributedApplication _app;
    private readonly IHost _host;

    private StackUnderTest(string stateDirectory, DistributedApplication app, IHost host, string postgres, string redis)
    {
        _stateDirectory = stateDirectory;
        _app = app;
        _host = host;
        PostgresConnectionString = postgres;
        RedisConnectionString = redis;
    }

    public string PostgresConnectionString { get; }

    public string RedisConnectionString { get; }

    public IServiceProvider Services => _host.Services;

    public static async Task<StackUnderTest> StartAsync(CancellationToken cancellationToken)
    {
        var stateDirectory = Path.Combine(Path.GetTempPath(), "featurestore-bench-" + Guid.NewGuid().ToString("N")[..8]);
        var log = new LaunchLog();
        var options = new LauncherOptions { StateDirectory = stateDirectory, NoDocker = true, Ephemeral = true, GatewayPort = 0 };
        var builder = new DistributedApplicationBuilder(options, log);
        builder.AddPostgres("postgres");
        builder.AddRedis("cache");
        var app = builder.Build();
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromMinutes(2));
            await app.StartAsync(timeout.Token);
            var postgres = app.Get<PostgresServerResource>("postgres");
            await PostgresDatabases.EnsureCreatedAsync(postgres, Database, timeout.Token);
            var postgresConnection = postgres.ConnectionStringFor(Database);
            var redisConnection = app.Get<RedisResource>("cache").ConnectionString;
            var host = BuildHost(postgresConnection, redisConnection);
            var applied = await host.Services.GetRequiredService<SchemaMigrator>().MigrateAsync(timeout.Token);
            Console.WriteLine($"stack: Postgres and Redis up, {applied.Count} migration(s) applied (state in {stateDirectory})");
            return new StackUnderTest(stateDirectory, app, host, postgresConnection, redisConnection);
        }
        catch (Exception error)
        {
            await app.StopAsync();
            DeleteState(stateDirectory);
            throw new InvalidOperationException($"the stack did not start: {error.Message}{Environment.NewLine}{log}", error);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_host is IAsyncDisposable asyncHost)
        {
            await asyncHost.DisposeAsync();
        }
        else
        {
            _host.Dispose();
        }

        await _app.StopAsync();
        DeleteState(_stateDirectory);
    }

    // Wired like a service (the same registration the gateway uses), but never started: only its stores are used.
    private static IHost BuildHost(string postgres, string redis)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:featurestore"] = postgres,
            ["ConnectionStrings:cache"] = redis,
        });
        // Warnings, and the computation queue's own account of the vector indexes it builds after a bulk job.
        builder.Logging.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Warning).AddFilter("FeatureStore.Postgres.Computation", LogLevel.Information);
        builder.AddFeatureStore().AddPostgresOfflineStore("featurestore").AddRedisOnlineStore("cache").AddComputation();
        return builder.Build();
    }

    private static void DeleteState(string stateDirectory)
    {
        if (Directory.Exists(stateDirectory))
        {
            Directory.Delete(stateDirectory, recursive: true);
        }
    }
}
