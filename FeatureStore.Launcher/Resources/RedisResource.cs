using FeatureStore.Launcher.Servers;

namespace FeatureStore.Launcher.Resources;

/// <summary>Redis; its connection string is Aspire's <c>host:port</c>.</summary>
public sealed class RedisResource(string name) : ServerResource(name), IConnectionStringResource
{
    public string ConnectionString => Endpoint is { } e ? $"{e.Host}:{e.Port}" : throw new InvalidOperationException($"{Name} has not started");

    internal override IServerBackend CreateBackend(LaunchContext context) =>
        context.UseDocker ? new ContainerRedisServer(context.Options) : new LocalRedisServer(Name, context.Options, context.Log);
}
