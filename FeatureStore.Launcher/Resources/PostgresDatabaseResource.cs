using FeatureStore.Launcher.Servers;

namespace FeatureStore.Launcher.Resources;

/// <summary>A database on a Postgres server, created (with the vector extension) once the server is healthy.</summary>
public sealed class PostgresDatabaseResource : Resource, IConnectionStringResource
{
    private readonly PostgresServerResource _server;

    internal PostgresDatabaseResource(string name, PostgresServerResource server) : base(name)
    {
        _server = server;
        AddWaitFor(server);
    }

    public string ConnectionString => _server.ConnectionStringFor(Name);

    public override string Target => _server.Endpoint is { } e ? $"Host={e.Host};Port={e.Port};Database={Name}" : "";

    internal override async Task StartAsync(LaunchContext context, CancellationToken cancellationToken)
    {
        SetState(ResourceState.Starting);
        try
        {
            await PostgresDatabases.EnsureCreatedAsync(_server, Name, cancellationToken);
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            var failure = error as LaunchException ?? new LaunchException($"{Name}: {error.Message}", error);
            SetFailed(failure);
            throw failure;
        }

        SetState(ResourceState.Healthy);
    }

    internal override Task StopAsync(CancellationToken cancellationToken)
    {
        SetState(ResourceState.Stopped);
        return Task.CompletedTask;
    }
}
