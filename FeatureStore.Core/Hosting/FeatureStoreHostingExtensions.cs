using Microsoft.Extensions.Hosting;

namespace FeatureStore.Core.Hosting;

/// <summary>Entry point of the feature store's service registration.</summary>
public static class FeatureStoreHostingExtensions
{
    /// <summary>Starts registering the feature store; chain the store adapters on the result.</summary>
    public static FeatureStoreBuilder AddFeatureStore(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return new FeatureStoreBuilder(builder);
    }
}
