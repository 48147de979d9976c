using FeatureStore.Core.Serving;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace FeatureStore.Core.Hosting;

/// <summary>Entry point of the feature store's service registration.</summary>
public static class FeatureStoreHostingExtensions
{
    /// <summary>Registers the serving and writing services (one model for every process); chain the store adapters on the result.</summary>
    public static FeatureStoreBuilder AddFeatureStore(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.TryAddSingleton<RegistryCache>();
        builder.Services.AddOptions<CacheOptions>().BindConfiguration(CacheOptions.Section)
            .Validate(o => o.MaxAge > TimeSpan.Zero && o.MaxEntries > 0, "FeatureStore:Cache needs a positive MaxAge and MaxEntries").ValidateOnStart();
        builder.Services.TryAddSingleton<CurrentValueCache>();
        builder.Services.TryAddSingleton<FeatureServer>();
        builder.Services.TryAddSingleton<SimilaritySearch>();
        builder.Services.TryAddSingleton<TrainingSets.TrainingSetExporter>();
        builder.Services.TryAddSingleton<FeatureWriter>();
        builder.Services.TryAddSingleton<OnlineRepair>();
        builder.Services.AddHostedService<OnlineRepairService>();
        return new FeatureStoreBuilder(builder);
    }
}
