using System.Text.Json;
using FeatureStore.Core.Drift;
using FeatureStore.Core.Registry.State;
using FeatureStore.Core.Values;
using FeatureStore.Drift.Alerts;
using FeatureStore.Drift.Detection;
using FeatureStore.Drift.Skew;
using FeatureStore.Drift.Statistics;
using FeatureStore.Drift.Worker;
using Microsoft.Extensions.Options;

namespace FeatureStore.Drift.Runs;

/// <summary>
/// Training–serving skew: each value the gateway served in the window (a sample of them, see
/// <see cref="IServingSampleStore"/>) is compared with the offline history's value for the same key as of the
/// instant it was served (<see cref="IOfflineStore.ReadAsOfAsync"/>, one query per chunk of samples), and
/// <see cref="SkewComparer"/> gives each feature's mismatch rate.
/// </summary>
public sealed class SkewCheck(IServingSampleStore samples, IOfflineStore offline, IDriftStore store, IOptions<DriftThresholdOptions> thresholds, IOptions<DriftOptions> options,
    TimeProvider clock)
{
    private const int PointsPerRead = 5_000;
    private static readonly JsonElement None = JsonDocument.Parse("null").RootElement.Clone();

    /// <summary>One skew report per feature of <paramref name="features"/> that was served (and sampled) in <paramref name="window"/>.</summary>
    public async Task<IReadOnlyList<CheckOutcome>> RunAsync(IReadOnlyList<RegisteredFeature> features, TimeWindow window, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(window);
        var served = await samples.ReadAsync([.. features.Select(f => f.Name)], window.Start, window.End, options.Value.SkewSamplesPerFeature, cancellationToken);
        var offlineValues = new Dictionary<PointInTime, StoredValue>();
        foreach (var chunk in served.Select(s => new PointInTime(s.Key, s.ServedAt)).Distinct().Chunk(PointsPerRead))
        {
            foreach (var (point, value) in await offline.ReadAsOfAsync(chunk, cancellationToken))
            {
                offlineValues[point] = value;
            }
        }

        var entityTypes = features.ToDictionary(f => f.Name, f => f.Active.Spec.EntityType, StringComparer.Ordinal);
        var outcomes = new List<CheckOutcome>();
        foreach (var feature in served.GroupBy(s => s.Key.Feature, StringComparer.Ordinal))
        {
            var pairs = feature.Select(s => new SkewPair(s.Key.EntityId, s.ServedAt, s.Value,
                offlineValues.TryGetValue(new PointInTime(s.Key, s.ServedAt), out var value) ? value.Value : None));
            var skew = SkewComparer.Compare(feature.Key, pairs, thresholds.Value.For(feature.Key));
            var lines = feature.Select(s => s.Key.ValueLine).Distinct().ToList();
            var score = new DriftScore("MismatchRate", skew.MismatchRate, null, null, skew.WarnAt, skew.DriftAt, DriftStatusText.Of(skew.Status));
            var details = ReportJson.Element(new { skew.Compared, skew.Mismatches, skew.OnlineMissing, skew.OfflineMissing, skew.ExampleEntities });
            var report = new DriftReport(Guid.NewGuid(), feature.Key, DriftChecks.Skew, entityTypes[feature.Key], lines.Count == 1 ? lines[0] : null, null,
                window.Start, window.End, DriftStatusText.Of(skew.Status), null, [score], [], null, details, false, clock.GetUtcNow());
            await store.SaveReportAsync(report, null, cancellationToken);
            outcomes.Add(new CheckOutcome(report, DriftAlert.For(skew, window) with { ReportId = report.Id }));
        }

        return outcomes;
    }
}
