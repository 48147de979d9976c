using FeatureStore.Core.Registry;
using FeatureStore.Drift.Statistics;

namespace FeatureStore.Drift.Detection;

/// <summary>The drift verdict on one feature in one window against its baseline, with every score and threshold behind it.</summary>
/// <param name="Feature">The feature name.</param>
/// <param name="Kind">Its value type, which chose the tests.</param>
/// <param name="Status">The worst status of <paramref name="Tests"/>; Ok when none ran.</param>
/// <param name="Tests">The tests run, with scores, p-values and thresholds.</param>
/// <param name="Baseline">The baseline window's statistics.</param>
/// <param name="Current">The current window's statistics.</param>
/// <param name="SkippedReason">Why no test ran (too few values, or a type without a distribution test); null when they ran.</param>
public sealed record FeatureDriftReport(
    string Feature,
    FeatureValueType Kind,
    DriftStatus Status,
    IReadOnlyList<DriftTestResult> Tests,
    WindowStatistics Baseline,
    WindowStatistics Current,
    string? SkippedReason);
