using Testcontainers.PostgreSql;

namespace FeatureStore.Launcher.Servers;

/// <summary>
/// PostgreSQL + pgvector as a container (when Docker answers). Data lives in a named Docker
/// volume keyed by the state directory, so stopping and starting again keeps it.
/// </summary>
internal sealed class ContainerPostgresServer(LauncherOptions options) : IServerBackend
{
    public const string Image = "pgvector/pgvector:pg17";
    // Docker Desktop runs containers in a VM that may have far less memory than this machine: size for at most 4 GB.
    private static readonly long ContainerMemory = Math.Min(PostgresSettings.MachineMemory(), 4L * 1024 * 1024 * 1024);
    private const long SharedMemoryBytes = 4L * 1024 * 1024 * 1024 + 512L * 1024 * 1024;
    private PostgreSqlContainer? _container;

    public async Task<ServerEndpoint> StartAsync(CancellationToken cancellationToken)
    {
        var password = Secrets.ReadOrCreate(Path.Combine(options.StateDirectory, "postgres.password"));
        var volume = DockerVolumes.NameFor(options.StateDirectory, "postgres");
        _container = new PostgreSqlBuilder(Image)
            .WithUsername("postgres")
            .WithPassword(password)
            .WithDatabase("postgres")
            .WithVolumeMount(volume, "/var/lib/postgresql/data")
            .WithCommand([.. PostgresSettings.Arguments(ContainerMemory, options.Ephemeral)])
            // Docker gives a container 64 MB of /dev/shm, where Postgres puts parallel work's shared memory: a parallel
            // HNSW build reserves its whole maintenance_work_mem there (up to 4 GB, VectorIndexes.MaxBuildMemoryMiB)
            // and would fail. tmpfs takes memory only as it is used.
            .WithCreateParameterModifier(parameters => (parameters.HostConfig ??= new()).ShmSize = SharedMemoryBytes)
            .Build();
        await _container.StartAsync(cancellationToken);
        var port = _container.GetMappedPublicPort(PostgreSqlBuilder.PostgreSqlPort);
        return new ServerEndpoint(_container.Hostname, port, password, $"{_container.Hostname}:{port} (container {Image}, volume {volume})");
    }

    public async Task StopAsync()
    {
        if (_container is not null)
        {
            await _container.DisposeAsync();
        }
    }
}
