using FeatureStore.Launcher;
using FeatureStore.Launcher.Console;

namespace FeatureStore.AppHost;

/// <summary>The app model: what runs, what each service references and waits for. Wiring only.</summary>
public static class FeatureStoreApp
{
    public static DistributedApplication Build(LauncherOptions options, ILaunchLog? log = null)
    {
        var builder = new DistributedApplicationBuilder(options, log);

        var postgres = builder.AddPostgres("postgres");
        var database = builder.AddDatabase(postgres, "featurestore");
        var cache = builder.AddRedis("cache");

        // Compute owns the schema and, on first start, seeds the registry with features/.
        var compute = builder.AddProject("compute", "FeatureStore.Compute")
            .WithReference(database).WithReference(cache)
            .WithEnvironment("FeatureStore__Definitions__Directory", Path.Combine(RepositoryLayout.Root, "features"))
            .WaitFor(database).WaitFor(cache);

        var gateway = builder.AddProject("gateway", "FeatureStore.Gateway", options.GatewayPort)
            .WithReference(database).WithReference(cache).WithReference(compute)
            .WaitFor(compute);
        gateway.DisplayPath = "/graphql";

        builder.AddProject("drift", "FeatureStore.Drift")
            .WithReference(database).WithReference(cache).WithReference(gateway)
            .WaitFor(compute);

        return builder.Build();
    }
}
