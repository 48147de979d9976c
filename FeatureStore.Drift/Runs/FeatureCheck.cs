using System.Globalization;
using FeatureStore.Core.Drift;
using FeatureStore.Core.Registry.State;
using FeatureStore.Core.Values;
using FeatureStore.Drift.Alerts;
using FeatureStore.Drift.Detection;
using FeatureStore.Drift.Plots;
using FeatureStore.Drift.Quality;
using FeatureStore.Drift.Statistics;
using FeatureStore.Drift.Worker;
using Microsoft.Extensions.Options;

namespace FeatureStore.Drift.Runs;

/// <summary>
/// One feature's check in one window: read the current window and the baseline (bounded samples), store the
/// window's statistics, run the univariate tests (<see cref="DriftEvaluator"/>) and the data-quality counts
/// (<see cref="DataQuality"/>), draw the plot, and store the report. The status is the worst of the tests and
/// of the quality scores.
/// </summary>
public sealed class FeatureCheck(BaselineSelector baselines, IValueSampleReader reader, IDriftStore store, IOptions<DriftThresholdOptions> thresholds,
    IOptions<DriftOptions> options, TimeProvider clock)
{
    /// <summary>Checks <paramref name="feature"/>'s active value line over <paramref name="window"/>.</summary>
    public async Task<FeatureCheckResult> RunAsync(RegisteredFeature feature, TimeWindow window, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(feature);
        ArgumentNullException.ThrowIfNull(window);
        var spec = feature.Active.Spec;
        var line = feature.ActiveVersion.Major;
        var limits = thresholds.Value.For(spec.Name);
        var baseline = await baselines.SelectAsync(feature, window, cancellationToken);
        var current = await reader.SampleAsync(spec.Name, line, window.Start, window.End, options.Value.SampleSize, cancellationToken);
        var baselineSample = SampleReader.Read(spec.Value, baseline.Window, baseline.Values.Select(v => v.Value));
        var currentSample = SampleReader.Read(spec.Value, window, current.Select(v => v.Value));
        var drift = DriftEvaluator.Evaluate(spec.Name, baselineSample, currentSample, limits);

        var range = options.Value.For(spec.Name)?.Range;
        var quality = DataQuality.Measure(spec, current, window.End, range);
        var freshness = await reader.CurrentFreshnessAsync(spec.Name, line, window.End, cancellationToken);
        var qualityScores = QualityScores.Of(quality, limits);
        var status = qualityScores.Select(q => q.Status).Append(drift.Status).Max();

        var statistics = ReportJson.Element(new { baseline = drift.Baseline, current = drift.Current });
        await store.SaveStatisticsAsync(new DriftWindowStatistics(spec.Name, line, window.Start, window.End, ReportJson.Element(drift.Current)), cancellationToken);
        // Two empty histograms say nothing the report's counts do not.
        var plot = baselineSample.UsableCount + currentSample.UsableCount == 0 ? null : SvgDistributionPlot.For(spec.Name, baselineSample, currentSample);
        var details = ReportJson.Element(new
        {
            drift.SkippedReason,
            baseline = new { baseline.Kind, start = baseline.Window.Start, end = baseline.Window.End, values = baseline.Values.Count },
            quality = new { quality.Total, quality.Missing, quality.OutOfType, quality.OutOfRange, quality.OutOfAllowedSet, quality.MissingRate, expectedRange = range },
            online = new { freshness.Current, freshness.Stale },
        });
        var tests = drift.Tests.Select(ReportJson.Score)
            .Concat(qualityScores.Select(q => new DriftScore(q.Test, q.Score, null, null, q.WarnAt, q.DriftAt, DriftStatusText.Of(q.Status))))
            .ToList();
        var report = new DriftReport(Guid.NewGuid(), spec.Name, DriftChecks.Univariate, spec.EntityType, line, spec.Version.ToString(), window.Start, window.End,
            DriftStatusText.Of(status), baseline.Id, tests, [], statistics, details, plot is not null, clock.GetUtcNow());
        await store.SaveReportAsync(report, plot, cancellationToken);

        var alert = DriftAlert.For(drift) with { Status = status, ReportId = report.Id };
        if (qualityScores.Any(q => q.Status != DriftStatus.Ok))
        {
            alert = alert with { Summary = string.Join("; ", new[] { alert.Summary }.Concat(qualityScores.Where(q => q.Status != DriftStatus.Ok)
                .Select(q => string.Create(CultureInfo.InvariantCulture, $"{q.Test} {q.Score:P1} (warn {q.WarnAt:P1}, drift {q.DriftAt:P1})"))).Where(s => s.Length > 0)) };
        }

        return new FeatureCheckResult(spec, [.. current.Select(v => new SampledValue(v.Key.EntityId, v.Value))], baseline.Values, currentSample, baselineSample,
            new CheckOutcome(report, alert));
    }
}
