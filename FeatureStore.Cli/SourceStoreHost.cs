using FeatureStore.Core.Hosting;
using FeatureStore.Postgres;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace FeatureStore.Cli;

/// <summary>
/// The Postgres adapter registered exactly as services register it, on one connection string, so
/// the CLI writes through the same store (and never sees Npgsql types). The host is built, not run.
/// </summary>
internal static class SourceStoreHost
{
    private const string ConnectionName = "featurestore";

    public static IHost Build(string connectionString)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { [$"ConnectionStrings:{ConnectionName}"] = connectionString });
        new FeatureStoreBuilder(builder).AddPostgresOfflineStore(ConnectionName);
        return builder.Build();
    }
}
