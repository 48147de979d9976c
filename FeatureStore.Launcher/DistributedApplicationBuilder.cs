using FeatureStore.Launcher.Console;
using FeatureStore.Launcher.Processes;
using FeatureStore.Launcher.Resources;

namespace FeatureStore.Launcher;

/// <summary>Declares the resources of an app, in Aspire's shape: AddPostgres, AddRedis, AddProject.</summary>
public sealed class DistributedApplicationBuilder(LauncherOptions options, ILaunchLog? log = null)
{
    private readonly List<Resource> _resources = [];

    public LauncherOptions Options { get; } = options;

    public PostgresServerResource AddPostgres(string name) => Add(new PostgresServerResource(name));

    public PostgresDatabaseResource AddDatabase(PostgresServerResource server, string name) => Add(new PostgresDatabaseResource(name, server));

    public RedisResource AddRedis(string name) => Add(new RedisResource(name));

    /// <summary>Adds a service of this repository; <paramref name="port"/> 0 takes a free loopback port.</summary>
    public ProjectResource AddProject(string name, string projectName, int port = 0) =>
        Add(new ProjectResource(name, projectName, port == 0 ? FreePort.Next() : port));

    public DistributedApplication Build() => new(Options, _resources, log ?? new ConsoleLaunchLog());

    private T Add<T>(T resource) where T : Resource
    {
        if (_resources.Any(r => r.Name == resource.Name))
        {
            throw new ArgumentException($"a resource named '{resource.Name}' already exists", nameof(resource));
        }

        _resources.Add(resource);
        return resource;
    }
}
