namespace FeatureStore.Launcher.Resources;

/// <summary>
/// Something the launcher starts, watches and stops: a server, a database, a service process.
/// It starts only when every resource it waits for is healthy (Aspire's WaitFor).
/// </summary>
public abstract class Resource(string name)
{
    private readonly TaskCompletionSource _healthy = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly List<Resource> _waitsFor = [];

    public string Name { get; } = name;

    public ResourceState State { get; private set; } = ResourceState.Waiting;

    /// <summary>Extra words for the state column (an exit code, a reason).</summary>
    public string? Detail { get; private set; }

    /// <summary>Where it is reached (URL or host:port); never a secret.</summary>
    public abstract string Target { get; }

    public IReadOnlyList<Resource> WaitsFor => _waitsFor;

    /// <summary>Raised on every change of <see cref="State"/> or <see cref="Detail"/>.</summary>
    public event Action<Resource>? StateChanged;

    /// <summary>Completes the first time the resource is healthy.</summary>
    public Task WhenHealthy => _healthy.Task;

    internal void AddWaitFor(Resource dependency) => _waitsFor.Add(dependency);

    /// <summary>Starts the resource; infrastructure returns once healthy, services once spawned.</summary>
    internal abstract Task StartAsync(LaunchContext context, CancellationToken cancellationToken);

    /// <summary>Stops it and everything it spawned, within the shutdown budget.</summary>
    internal abstract Task StopAsync(CancellationToken cancellationToken);

    protected void SetState(ResourceState state, string? detail = null)
    {
        if (state == State && detail == Detail)
        {
            return;
        }

        State = state;
        Detail = detail;
        if (state == ResourceState.Healthy)
        {
            _healthy.TrySetResult();
        }

        StateChanged?.Invoke(this);
    }

    /// <summary>Fails <see cref="WhenHealthy"/> so dependents stop waiting.</summary>
    protected void SetFailed(Exception error)
    {
        SetState(ResourceState.Failed, error.Message);
        _healthy.TrySetException(error);
    }
}
