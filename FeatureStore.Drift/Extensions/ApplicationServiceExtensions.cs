using FeatureStore.Core.Hosting;
using FeatureStore.Postgres;
using FeatureStore.Redis;

namespace FeatureStore.Drift.Extensions;

internal static class ApplicationServiceExtensions
{
    // Detectors arrive with the drift issue; until then the worker only proves its dependencies are healthy.
    public static void AddApplicationServices(this IHostApplicationBuilder builder) =>
        builder.AddFeatureStore()
            .AddPostgresOfflineStore("featurestore")
            .AddRedisOnlineStore("cache");
}
