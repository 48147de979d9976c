using FeatureStore.Launcher.Servers;

namespace FeatureStore.Launcher.Resources;

/// <summary>PostgreSQL with pgvector.</summary>
public sealed class PostgresServerResource(string name) : ServerResource(name)
{
    /// <summary>The connection string of <paramref name="database"/> on this server, once it is healthy.</summary>
    public string ConnectionStringFor(string database) => Endpoint is { } e
        ? PostgresProbe.ConnectionString(e, database)
        : throw new InvalidOperationException($"{Name} has not started");

    internal override IServerBackend CreateBackend(LaunchContext context) =>
        context.UseDocker ? new ContainerPostgresServer(context.Options) : new LocalPostgresServer(Name, context.Options, context.Log);
}
