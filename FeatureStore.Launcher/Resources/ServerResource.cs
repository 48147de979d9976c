using FeatureStore.Launcher.Servers;

namespace FeatureStore.Launcher.Resources;

/// <summary>A server (Postgres or Redis) run as a container when Docker answers, else as a local process.</summary>
public abstract class ServerResource(string name) : Resource(name)
{
    private IServerBackend? _backend;

    /// <summary>Known once healthy.</summary>
    public ServerEndpoint? Endpoint { get; private set; }

    public override string Target => Endpoint?.Description ?? "";

    internal abstract IServerBackend CreateBackend(LaunchContext context);

    internal override async Task StartAsync(LaunchContext context, CancellationToken cancellationToken)
    {
        SetState(ResourceState.Starting);
        _backend = CreateBackend(context);
        try
        {
            Endpoint = await _backend.StartAsync(cancellationToken);
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            var failure = error as LaunchException ?? new LaunchException($"{Name} failed to start: {error.Message}", error);
            SetFailed(failure);
            throw failure;
        }

        SetState(ResourceState.Healthy);
    }

    internal override async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_backend is null)
        {
            return;
        }

        SetState(ResourceState.Stopping);
        await _backend.StopAsync();
        SetState(ResourceState.Stopped);
    }
}
