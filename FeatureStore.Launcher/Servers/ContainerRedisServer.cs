using Testcontainers.Redis;

namespace FeatureStore.Launcher.Servers;

/// <summary>Redis as a container (when Docker answers), append-only data in a named volume.</summary>
internal sealed class ContainerRedisServer(LauncherOptions options) : IServerBackend
{
    public const string Image = "redis:7";
    private RedisContainer? _container;

    public async Task<ServerEndpoint> StartAsync(CancellationToken cancellationToken)
    {
        var volume = DockerVolumes.NameFor(options.StateDirectory, "redis");
        _container = new RedisBuilder(Image)
            .WithVolumeMount(volume, "/data")
            .WithCommand("--appendonly", "yes")
            .Build();
        await _container.StartAsync(cancellationToken);
        var port = _container.GetMappedPublicPort(RedisBuilder.RedisPort);
        return new ServerEndpoint(_container.Hostname, port, null, $"{_container.Hostname}:{port} (container {Image}, volume {volume})");
    }

    public async Task StopAsync()
    {
        if (_container is not null)
        {
            await _container.DisposeAsync();
        }
    }
}
