using FeatureStore.Core.Drift;
using FeatureStore.Core.Registry.State;
using FeatureStore.Core.Serving;
using FeatureStore.Drift.Statistics;
using FeatureStore.Drift.Worker;
using Microsoft.Extensions.Options;

namespace FeatureStore.Drift.Runs;

/// <summary>
/// One drift run over one window: every feature asked for (all active and deprecated ones when none is named)
/// gets its univariate check; then each entity type's checked features get the classifier check; then the
/// features' serving samples get the skew check; then every report goes through the alert episodes. A feature
/// whose check fails is logged and left out; the others go on.
/// </summary>
public sealed class DriftRun(RegistryCache registry, FeatureCheck features, ClassifierCheck classifier, SkewCheck skew, DriftAlerts alerts,
    IServingSampleStore samples, IOptions<DriftOptions> options, ILogger<DriftRun> logger)
{
    /// <summary>Checks <paramref name="only"/> (every feature when empty) over <paramref name="window"/>.</summary>
    public async Task<DriftRunResult> RunAsync(IReadOnlyCollection<string> only, TimeWindow window, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(only);
        ArgumentNullException.ThrowIfNull(window);
        var registered = await registry.GetAsync(cancellationToken);
        var targets = registered.Values.Where(f => f.Status != FeatureStatus.Inactive && (only.Count == 0 || only.Contains(f.Name)))
            .OrderBy(f => f.Name, StringComparer.Ordinal).ToList();
        var failures = only.Where(n => !registered.ContainsKey(n)).Select(n => $"{n}: no such feature").ToList();

        var outcomes = new List<CheckOutcome>();
        var checkedFeatures = new List<FeatureCheckResult>();
        foreach (var feature in targets)
        {
            try
            {
                var result = await features.RunAsync(feature, window, cancellationToken);
                checkedFeatures.Add(result);
                outcomes.Add(result.Outcome);
            }
            catch (Exception error) when (error is not OperationCanceledException)
            {
                logger.LogError(error, "Drift check of {Feature} failed", feature.Name);
                failures.Add($"{feature.Name}: {error.Message}");
            }
        }

        foreach (var entityType in checkedFeatures.GroupBy(c => c.Spec.EntityType, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            if (await classifier.RunAsync(entityType.Key, [.. entityType], window, cancellationToken) is { } outcome)
            {
                outcomes.Add(outcome);
            }
        }

        outcomes.AddRange(await skew.RunAsync(targets, window, cancellationToken));
        await samples.DeleteBeforeAsync(window.End - options.Value.ServingSampleRetention, cancellationToken);

        var alerted = new List<Guid>();
        foreach (var outcome in outcomes)
        {
            if (await alerts.ObserveAsync(outcome, cancellationToken))
            {
                alerted.Add(outcome.Report.Id);
            }
        }

        return new DriftRunResult(window, [.. outcomes.Select(o => o.Report)], alerted, failures);
    }
}
