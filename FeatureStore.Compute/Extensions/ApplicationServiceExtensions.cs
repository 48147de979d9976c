using FeatureStore.Compute.Schema;
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
            .AddRedisOnlineStore("cache");
        builder.Services.AddHostedService<SchemaMigrationService>();
    }
}
