using FeatureStore.Core.Hosting;
using FeatureStore.Postgres;
using FeatureStore.Redis;

namespace FeatureStore.Drift.Extensions;

internal static class ApplicationServiceExtensions
{
    // The detectors (Statistics/, Detection/, Multivariate/, Skew/, Quality/, Alerts/, Plots/) are pure logic;
    // until the scheduler that feeds them is wired (docs/drift.md), the worker only proves its dependencies are healthy.
    public static void AddApplicationServices(this IHostApplicationBuilder builder) =>
        builder.AddFeatureStore()
            .AddPostgresOfflineStore("featurestore")
            .AddRedisOnlineStore("cache");
}
