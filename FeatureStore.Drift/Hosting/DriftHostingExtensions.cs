using FeatureStore.Core.Hosting;
using FeatureStore.Drift.Alerts;
using FeatureStore.Drift.Detection;
using FeatureStore.Drift.Multivariate;
using FeatureStore.Drift.Runs;
using FeatureStore.Drift.Worker;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace FeatureStore.Drift.Hosting;

/// <summary>Registers the drift checks (the worker's loop is added by the worker itself, so tests can drive the checks directly).</summary>
public static class DriftHostingExtensions
{
    /// <summary>
    /// Adds the options (<c>Drift</c>, <c>Drift:Thresholds</c>, <c>Drift:Classifier</c>, <c>Drift:Webhook</c>), the
    /// checks, the run, the scheduler and the queue processor. Chain after the Postgres and Redis adapters.
    /// </summary>
    public static FeatureStoreBuilder AddDriftChecks(this FeatureStoreBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Host.Services;
        services.AddOptions<DriftOptions>().BindConfiguration(DriftOptions.Section)
            .Validate(o => o.Interval > TimeSpan.Zero && o.Window > TimeSpan.Zero && o.BaselineWindow > TimeSpan.Zero && o.PollInterval > TimeSpan.Zero
                && o.Lease > TimeSpan.Zero && o.ServingSampleRetention > TimeSpan.Zero, "Drift needs positive Interval, Window, BaselineWindow, PollInterval, Lease and ServingSampleRetention")
            .Validate(o => o.SampleSize > 0 && o.SkewSamplesPerFeature > 0, "Drift needs a positive SampleSize and SkewSamplesPerFeature")
            .Validate(o => o.Features.All(f => (f.BaselineStart is null) == (f.BaselineEnd is null) && !(f.BaselineEnd <= f.BaselineStart)),
                "Drift:Features: a fixed baseline needs both BaselineStart and BaselineEnd, the end after the start")
            .ValidateOnStart();
        services.AddOptions<DriftThresholdOptions>().BindConfiguration(DriftThresholdOptions.Section);
        services.AddOptions<ClassifierDriftOptions>().BindConfiguration(ClassifierSection)
            .Validate(o => o.Folds >= 2 && o.Trees > 0 && o.Leaves >= 2 && o.MinimumRowsPerLeaf > 0 && o.MaximumRowsPerSide > 0, "Drift:Classifier needs Folds >= 2, Leaves >= 2 and positive Trees, MinimumRowsPerLeaf and MaximumRowsPerSide")
            .ValidateOnStart();
        services.AddOptions<WebhookAlertOptions>().BindConfiguration(WebhookAlertOptions.Section);
        services.AddHttpClient<IAlertSink, WebhookAlertSink>();
        services.TryAddSingleton(sp => new ClassifierDriftDetector(sp.GetRequiredService<IOptions<ClassifierDriftOptions>>().Value));
        services.TryAddSingleton<BaselineSelector>();
        services.TryAddSingleton<FeatureCheck>();
        services.TryAddSingleton<ClassifierCheck>();
        services.TryAddSingleton<SkewCheck>();
        services.TryAddSingleton<DriftAlerts>();
        services.TryAddSingleton<DriftRun>();
        services.TryAddSingleton<DriftScheduler>();
        services.TryAddSingleton<DriftRequestProcessor>();
        services.TryAddSingleton<SchemaGate>();
        return builder;
    }

    /// <summary>The configuration section of <see cref="ClassifierDriftOptions"/>.</summary>
    public const string ClassifierSection = "Drift:Classifier";
}
