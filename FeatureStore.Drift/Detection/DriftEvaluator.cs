using System.Globalization;
using FeatureStore.Core.Registry;
using FeatureStore.Drift.Statistics;

namespace FeatureStore.Drift.Detection;

/// <summary>
/// Runs the univariate tests that fit a feature's value type on a baseline and a current sample:
/// numeric → PSI and Kolmogorov–Smirnov; categorical and boolean → chi-square with Jensen–Shannon;
/// array → length shift; vector → centroid shift; json → none (only its statistics are reported).
/// </summary>
public static class DriftEvaluator
{
    /// <summary>The report on <paramref name="feature"/>'s <paramref name="current"/> window against its <paramref name="baseline"/>.</summary>
    public static FeatureDriftReport Evaluate(string feature, FeatureSample baseline, FeatureSample current, DriftThresholds thresholds)
    {
        ArgumentException.ThrowIfNullOrEmpty(feature);
        ArgumentNullException.ThrowIfNull(baseline);
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(thresholds);
        if (baseline.Kind != current.Kind)
        {
            throw new ArgumentException($"the baseline holds {baseline.Kind} values but the current window {current.Kind} ones", nameof(current));
        }

        var skipped = SkippedReason(baseline, current, thresholds);
        var tests = skipped is null ? Run(baseline, current, thresholds) : [];
        var status = tests.Count == 0 ? DriftStatus.Ok : tests.Max(t => t.Status);
        return new FeatureDriftReport(feature, current.Kind, status, tests, WindowStatistics.Of(baseline), WindowStatistics.Of(current), skipped);
    }

    private static string? SkippedReason(FeatureSample baseline, FeatureSample current, DriftThresholds thresholds)
    {
        if (baseline.Kind == FeatureValueType.Json)
        {
            return "json values have no distribution test";
        }

        var fewest = Math.Min(baseline.UsableCount, current.UsableCount);
        return fewest < thresholds.MinimumSampleSize
            ? string.Create(CultureInfo.InvariantCulture, $"too few values to test ({fewest} < {thresholds.MinimumSampleSize})")
            : null;
    }

    private static List<DriftTestResult> Run(FeatureSample baseline, FeatureSample current, DriftThresholds t) => baseline.Kind switch
    {
        FeatureValueType.Numeric => Numeric(baseline.Numbers, current.Numbers, t),
        FeatureValueType.Categorical or FeatureValueType.Boolean => [Categorical(baseline.Categories, current.Categories, t)],
        FeatureValueType.Array => [Lengths(baseline.Lengths, current.Lengths, t)],
        FeatureValueType.Vector => [Centroids(baseline.Vectors, current.Vectors, t)],
        _ => [],
    };

    private static List<DriftTestResult> Numeric(IReadOnlyList<double> baseline, IReadOnlyList<double> current, DriftThresholds t)
    {
        var psi = Psi.Compute(baseline, current, t.PsiBins);
        var ks = KolmogorovSmirnov.Test(baseline, current);
        return
        [
            DriftTestResult.Judge(DriftTest.Psi, psi.Value, psi.PValue, null, t.PsiWarn, t.PsiDrift, t.Alpha),
            DriftTestResult.Judge(DriftTest.KolmogorovSmirnov, ks.Statistic, ks.PValue, null, t.KolmogorovSmirnovWarn, t.KolmogorovSmirnovDrift, t.Alpha),
        ];
    }

    private static DriftTestResult Categorical(IReadOnlyList<string> baseline, IReadOnlyList<string> current, DriftThresholds t)
    {
        var baselineCounts = CategoryCounts.Of(baseline);
        var currentCounts = CategoryCounts.Of(current);
        var chiSquare = ChiSquare.Test(baselineCounts, currentCounts);
        var distance = JensenShannon.Distance(baselineCounts, currentCounts);
        return DriftTestResult.Judge(DriftTest.ChiSquareJensenShannon, distance, chiSquare.PValue, chiSquare.Statistic, t.JensenShannonWarn, t.JensenShannonDrift, t.Alpha);
    }

    private static DriftTestResult Lengths(IReadOnlyList<int> baseline, IReadOnlyList<int> current, DriftThresholds t)
    {
        var shift = ArrayLengthShift.Measure(baseline, current);
        return DriftTestResult.Judge(DriftTest.ArrayLengthShift, shift.RelativeShift, shift.PValue, null, t.ArrayLengthWarn, t.ArrayLengthDrift, t.Alpha);
    }

    private static DriftTestResult Centroids(IReadOnlyList<float[]> baseline, IReadOnlyList<float[]> current, DriftThresholds t)
    {
        var shift = CentroidShift.Measure(baseline, current);
        return DriftTestResult.Judge(DriftTest.CentroidShift, shift.CosineDistance, shift.PValue, shift.Significance, t.CentroidWarn, t.CentroidDrift, t.Alpha);
    }
}
