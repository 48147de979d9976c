using FeatureStore.Core.Hosting;
using FeatureStore.Drift.Hosting;
using FeatureStore.Drift.Worker;
using FeatureStore.Postgres;
using FeatureStore.Redis;

namespace FeatureStore.Drift.Extensions;

internal static class ApplicationServiceExtensions
{
    public static void AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddFeatureStore()
            .AddPostgresOfflineStore("featurestore")
            .AddRedisOnlineStore("cache")
            .AddDriftChecks();
        builder.Services.AddHostedService<DriftWorker>();
    }
}
