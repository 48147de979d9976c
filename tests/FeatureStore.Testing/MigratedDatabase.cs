using FeatureStore.Core.Hosting;
using FeatureStore.Postgres;
using FeatureStore.Postgres.Schema;
using FeatureStore.Redis;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace FeatureStore.Testing;

/// <summary>
/// A fresh database with the schema applied through the production registration and migrator,
/// plus the service provider that registration built (for resolving stores in tests).
/// </summary>
public sealed class MigratedDatabase : IAsyncDisposable
{
    private readonly IHost _host;

    private MigratedDatabase(string connectionString, IHost host)
    {
        ConnectionString = connectionString;
        _host = host;
    }

    public string ConnectionString { get; }

    public IServiceProvider Services => _host.Services;

    public static async Task<MigratedDatabase> CreateAsync(InfrastructureFixture infrastructure, string prefix)
    {
        ArgumentNullException.ThrowIfNull(infrastructure);
        var connectionString = await infrastructure.CreateDatabaseAsync(prefix);
        var host = BuildHost(connectionString, infrastructure.Redis.ConnectionString);
        await host.Services.GetRequiredService<SchemaMigrator>().MigrateAsync(CancellationToken.None);
        return new MigratedDatabase(connectionString, host);
    }

    /// <summary>A host wired like a service: the feature store on the given Postgres database and Redis.</summary>
    public static IHost BuildHost(string postgresConnectionString, string redisConnectionString, ILoggerProvider? logs = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        if (logs is not null)
        {
            builder.Logging.AddProvider(logs);
        }

        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:featurestore"] = postgresConnectionString,
            ["ConnectionStrings:cache"] = redisConnectionString,
        });
        builder.AddFeatureStore().AddPostgresOfflineStore("featurestore").AddRedisOnlineStore("cache");
        return builder.Build();
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
    }
}
