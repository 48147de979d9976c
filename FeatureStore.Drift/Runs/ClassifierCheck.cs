using System.Text.Json;
using FeatureStore.Core.Drift;
using FeatureStore.Drift.Alerts;
using FeatureStore.Drift.Detection;
using FeatureStore.Drift.Multivariate;
using FeatureStore.Drift.Plots;
using FeatureStore.Drift.Statistics;
using Microsoft.Extensions.Options;

namespace FeatureStore.Drift.Runs;

/// <summary>
/// The multivariate check of one entity type: each entity's values of the checked features (its latest in each
/// window) become a row (<see cref="RowEncoder"/>), and <see cref="ClassifierDriftDetector"/> tries to tell the
/// baseline's rows from the current window's. The report's subject is <see cref="DriftSubjects.AllFeaturesOf"/>
/// the entity type; its contributions name the features that give the windows away, and its plot shows the most
/// telling one's distributions.
/// </summary>
public sealed class ClassifierCheck(ClassifierDriftDetector detector, IDriftStore store, IOptions<DriftThresholdOptions> thresholds, TimeProvider clock)
{
    /// <summary>Checks <paramref name="features"/> (all of <paramref name="entityType"/>) together; null when none has a numeric form.</summary>
    public async Task<CheckOutcome?> RunAsync(string entityType, IReadOnlyList<FeatureCheckResult> features, TimeWindow window, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(window);
        var encoder = new RowEncoder(features.ToDictionary(f => f.Spec.Name, f => f.Spec.Value, StringComparer.Ordinal));
        if (encoder.Columns.Count == 0)
        {
            return null;
        }

        var subject = DriftSubjects.AllFeaturesOf(entityType);
        var baselineRows = Rows(encoder, features, f => f.Baseline);
        var currentRows = Rows(encoder, features, f => f.Current);
        // Training is CPU-bound for seconds: off the caller's thread.
        var result = await Task.Run(() => detector.Detect(encoder.Columns, baselineRows, currentRows, thresholds.Value.For(subject)), cancellationToken);

        var top = result.Contributions.Count > 0 ? features.FirstOrDefault(f => f.Spec.Name == result.Contributions[0].Feature) : null;
        var plot = top is null ? null : SvgDistributionPlot.For(top.Spec.Name, top.BaselineSample, top.CurrentSample);
        var score = new DriftScore("ClassifierAuc", result.Auc, result.PValue, null, result.WarnAt, result.DriftAt, DriftStatusText.Of(result.Status));
        var details = ReportJson.Element(new
        {
            result.SkippedReason,
            result.BaselineRows,
            result.CurrentRows,
            features = features.Select(f => f.Spec.Name).Order(StringComparer.Ordinal).ToList(),
            columns = encoder.Columns.Count,
            plotted = top?.Spec.Name,
        });
        var report = new DriftReport(Guid.NewGuid(), subject, DriftChecks.Classifier, entityType, null, null, window.Start, window.End, DriftStatusText.Of(result.Status),
            null, [score], [.. result.Contributions.Select(c => new DriftContribution(c.Feature, c.Importance))], null, details, plot is not null, clock.GetUtcNow());
        await store.SaveReportAsync(report, plot, cancellationToken);
        return new CheckOutcome(report, DriftAlert.For(subject, result, window) with { ReportId = report.Id });
    }

    // One row per entity seen in any feature's sample; an entity's latest value of each feature (values come oldest first).
    private static List<float[]> Rows(RowEncoder encoder, IReadOnlyList<FeatureCheckResult> features, Func<FeatureCheckResult, IReadOnlyList<SampledValue>> side)
    {
        var entities = new Dictionary<string, Dictionary<string, JsonElement>>(StringComparer.Ordinal);
        foreach (var feature in features)
        {
            foreach (var value in side(feature))
            {
                if (!entities.TryGetValue(value.EntityId, out var row))
                {
                    entities[value.EntityId] = row = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
                }

                row[feature.Spec.Name] = value.Value;
            }
        }

        return [.. entities.Values.Select(encoder.Encode)];
    }
}
