using FeatureStore.Core.Serving;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace FeatureStore.Core.Hosting;

/// <summary>Registers the sampling of served values for the drift worker's skew check.</summary>
public static class ServingSampleHostingExtensions
{
    /// <summary>
    /// Makes <see cref="FeatureServer"/> keep a share of its current reads (<see cref="ServingSampleOptions"/>) and
    /// write them in the background. Needs an <see cref="Drift.IServingSampleStore"/> (the Postgres adapter registers one).
    /// </summary>
    public static FeatureStoreBuilder AddServingSamples(this FeatureStoreBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Host.Services;
        services.AddOptions<ServingSampleOptions>().BindConfiguration(ServingSampleOptions.Section)
            .Validate(o => o.Fraction is >= 0 and <= 1 && o.Capacity > 0 && o.BatchSize > 0 && o.FlushInterval > TimeSpan.Zero,
                "FeatureStore:ServingSamples needs a Fraction from 0 to 1 and a positive Capacity, BatchSize and FlushInterval")
            .ValidateOnStart();
        services.TryAddSingleton<ServingSampler>();
        services.TryAddSingleton<IServingSampler>(sp => sp.GetRequiredService<ServingSampler>());
        services.AddHostedService<ServingSampleWriter>();
        return builder;
    }
}
