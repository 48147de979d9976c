using FeatureStore.Core.Computation;
using FeatureStore.Core.Computation.Runs;
using FeatureStore.Core.Computation.Streaming;
using FeatureStore.Core.Transformers.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace FeatureStore.Core.Hosting;

/// <summary>Registers the computation services every path shares (the one implementation of each feature).</summary>
public static class ComputationHostingExtensions
{
    /// <summary>
    /// Adds the feature computer with its embedding provider, the shared recomputation step, and
    /// batch planning and processing. Chain after <c>AddFeatureStore()</c> and the store adapters.
    /// </summary>
    public static FeatureStoreBuilder AddComputation(this FeatureStoreBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddTextEmbeddings();
        var services = builder.Host.Services;
        services.AddOptions<BatchOptions>().BindConfiguration(BatchOptions.Section)
            .Validate(o => o.PlanInterval > TimeSpan.Zero && o.PollInterval > TimeSpan.Zero && o.Lease > TimeSpan.Zero && o.EntitiesPerItem > 0,
                "FeatureStore:Compute:Batch needs positive intervals, lease and EntitiesPerItem")
            .Validate(o => o.RealTimeCatchUp != RefreshTicks.RealTime && Registry.Definitions.RefreshSchedules.IsValid(o.RealTimeCatchUp),
                "FeatureStore:Compute:Batch:RealTimeCatchUp must be hourly, daily, weekly or a cron expression")
            .ValidateOnStart();
        services.TryAddSingleton(sp => sp.GetRequiredService<IOptions<BatchOptions>>().Value);
        services.AddOptions<StreamingOptions>().BindConfiguration(StreamingOptions.Section)
            .Validate(o => o.BatchSize > 0 && o.IdleDelay > TimeSpan.Zero && o.ClaimAfter > TimeSpan.Zero && o.MaxDeliveries > 0,
                "FeatureStore:Compute:Streaming needs a positive BatchSize, IdleDelay, ClaimAfter and MaxDeliveries")
            .ValidateOnStart();
        services.TryAddSingleton(sp => sp.GetRequiredService<IOptions<StreamingOptions>>().Value);
        services.TryAddSingleton<StreamProcessor>();
        services.TryAddSingleton<OnDemandComputation>();
        services.TryAddSingleton<FeatureComputer>();
        services.TryAddSingleton<EntityComputation>();
        services.TryAddSingleton<EntityRecomputer>();
        services.TryAddSingleton<BatchPlanner>();
        services.TryAddSingleton<WorkItemProcessor>();
        return builder;
    }
}
