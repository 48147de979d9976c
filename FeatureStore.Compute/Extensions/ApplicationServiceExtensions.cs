using FeatureStore.Compute.Batch;
using FeatureStore.Compute.Startup;
using FeatureStore.Compute.Streaming;
using FeatureStore.Core.Hosting;
using FeatureStore.Postgres;
using FeatureStore.Redis;

namespace FeatureStore.Compute.Extensions;

internal static class ApplicationServiceExtensions
{
    public static void AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddFeatureStore()
            .AddPostgresOfflineStore("featurestore")
            .AddRedisOnlineStore("cache")
            .AddComputation();

        builder.Services.AddOptions<DefinitionOptions>().BindConfiguration(DefinitionOptions.Section).ValidateOnStart();
        builder.Services.AddSingleton<StartupState>();
        builder.Services.AddSingleton<CatalogSeeder>();
        builder.Services.AddOptions<DemoDataOptions>().BindConfiguration(DemoDataOptions.Section)
            .Validate(o => o.Tenants > 0 && o.UsersPerTenant > 0 && o.Messages > 0 && o.Days > 0, "FeatureStore:DemoData needs positive Tenants, UsersPerTenant, Messages and Days")
            .ValidateOnStart();
        builder.Services.AddSingleton<DemoDataSeeder>();
        builder.Services.AddHostedService<StartupService>();
        builder.Services.AddHostedService<BatchScheduler>();
        builder.Services.AddHostedService<StreamingWorker>();
        builder.Services.AddHealthChecks().AddCheck<StartupState>("startup", tags: ["ready"]);
    }
}
