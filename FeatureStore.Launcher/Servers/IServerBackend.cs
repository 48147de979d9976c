namespace FeatureStore.Launcher.Servers;

/// <summary>One way of running a server: a local process or a container. Chosen once per launch.</summary>
internal interface IServerBackend
{
    /// <summary>Starts the server and returns once it accepts connections.</summary>
    Task<ServerEndpoint> StartAsync(CancellationToken cancellationToken);

    Task StopAsync();
}
