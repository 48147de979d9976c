using FeatureStore.Launcher.Servers;

namespace FeatureStore.Launcher.Resources;

/// <summary>PostgreSQL with pgvector.</summary>
public sealed class PostgresServerResource(string name) : ServerResource(name)
{
    internal override IServerBackend CreateBackend(LaunchContext context) =>
        context.UseDocker ? new ContainerPostgresServer(context.Options) : new LocalPostgresServer(Name, context.Options, context.Log);
}
