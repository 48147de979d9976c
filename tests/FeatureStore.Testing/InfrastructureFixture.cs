using FeatureStore.Launcher;
using FeatureStore.Launcher.Resources;
using FeatureStore.Launcher.Servers;
using Xunit;

namespace FeatureStore.Testing;

/// <summary>
/// One real Postgres (with pgvector) and one real Redis per test assembly, started by the same
/// launcher code as the AppHost, on free loopback ports, data in a temporary directory. Test
/// classes share the servers and get a fresh database each (<see cref="CreateDatabaseAsync"/>).
/// </summary>
public sealed class InfrastructureFixture : IAsyncLifetime
{
    private readonly string _stateDirectory = Path.Combine(Path.GetTempPath(), "featurestore-tests-" + Guid.NewGuid().ToString("N")[..8]);
    private DistributedApplication? _app;

    public CollectingLaunchLog Log { get; } = new();

    public PostgresServerResource Postgres => _app!.Get<PostgresServerResource>("postgres");

    public RedisResource Redis => _app!.Get<RedisResource>("cache");

    public async Task InitializeAsync()
    {
        var options = new LauncherOptions { StateDirectory = _stateDirectory, NoDocker = true, Ephemeral = true, GatewayPort = 0 };
        var builder = new DistributedApplicationBuilder(options, Log);
        builder.AddPostgres("postgres");
        builder.AddRedis("cache");
        _app = builder.Build();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        try
        {
            await _app.StartAsync(timeout.Token);
        }
        catch (Exception error)
        {
            throw new InvalidOperationException($"test infrastructure did not start: {error.Message}{Environment.NewLine}{Log}", error);
        }
    }

    /// <summary>Creates an empty database (with the vector extension) and returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync(string prefix)
    {
        var name = $"{prefix.ToLowerInvariant()}_{Guid.NewGuid():N}"[..Math.Min(prefix.Length + 9, 63)];
        await PostgresDatabases.EnsureCreatedAsync(Postgres, name, CancellationToken.None);
        return Postgres.ConnectionStringFor(name);
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
        }

        if (Directory.Exists(_stateDirectory))
        {
            Directory.Delete(_stateDirectory, recursive: true);
        }
    }
}
