using FeatureStore.Drift.Detection;
using FeatureStore.Drift.Quality;

namespace FeatureStore.Drift.Runs;

/// <summary>
/// Data-quality counts judged like drift tests, so they show in a report's tests and status: the missing rate, and
/// the rate of values outside the declared type, range or allowed set. Windows smaller than
/// <see cref="DriftThresholds.MinimumSampleSize"/> are not judged (three values, one null, is not a 33 % outage).
/// </summary>
public static class QualityScores
{
    /// <summary>The name of the missing-rate score.</summary>
    public const string MissingRate = "MissingRate";

    /// <summary>The name of the invalid-rate score.</summary>
    public const string InvalidRate = "InvalidRate";

    /// <summary>The two scores of <paramref name="counts"/>; none for a window too small to judge.</summary>
    public static IReadOnlyList<(string Test, double Score, double WarnAt, double DriftAt, DriftStatus Status)> Of(DataQualityCounts counts, DriftThresholds thresholds)
    {
        ArgumentNullException.ThrowIfNull(counts);
        ArgumentNullException.ThrowIfNull(thresholds);
        if (counts.Total < thresholds.MinimumSampleSize)
        {
            return [];
        }

        var invalidRate = (double)(counts.OutOfType + counts.OutOfRange + counts.OutOfAllowedSet) / counts.Total;
        return
        [
            (MissingRate, counts.MissingRate, thresholds.MissingRateWarn, thresholds.MissingRateDrift,
                DriftTestResult.StatusOf(counts.MissingRate, null, thresholds.MissingRateWarn, thresholds.MissingRateDrift, thresholds.Alpha)),
            (InvalidRate, invalidRate, thresholds.InvalidRateWarn, thresholds.InvalidRateDrift,
                DriftTestResult.StatusOf(invalidRate, null, thresholds.InvalidRateWarn, thresholds.InvalidRateDrift, thresholds.Alpha)),
        ];
    }
}
