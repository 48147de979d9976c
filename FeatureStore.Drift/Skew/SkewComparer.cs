using FeatureStore.Drift.Detection;

namespace FeatureStore.Drift.Skew;

/// <summary>Measures training–serving skew: the share of (entity, instant) pairs where the online and offline values differ.</summary>
public static class SkewComparer
{
    private const int Examples = 5;

    /// <summary>The skew report of <paramref name="feature"/> over <paramref name="pairs"/>, with the tolerances and thresholds of <paramref name="thresholds"/>.</summary>
    public static SkewReport Compare(string feature, IEnumerable<SkewPair> pairs, DriftThresholds thresholds)
    {
        ArgumentException.ThrowIfNullOrEmpty(feature);
        ArgumentNullException.ThrowIfNull(pairs);
        ArgumentNullException.ThrowIfNull(thresholds);
        int compared = 0, mismatches = 0, onlineMissing = 0, offlineMissing = 0;
        var examples = new List<string>();
        foreach (var pair in pairs)
        {
            compared++;
            if (JsonValueComparer.Same(pair.Online, pair.Offline, thresholds.SkewAbsoluteTolerance, thresholds.SkewRelativeTolerance))
            {
                continue;
            }

            mismatches++;
            onlineMissing += JsonValueComparer.IsNull(pair.Online) ? 1 : 0;
            offlineMissing += JsonValueComparer.IsNull(pair.Offline) ? 1 : 0;
            if (examples.Count < Examples)
            {
                examples.Add(pair.EntityId);
            }
        }

        var rate = compared == 0 ? 0 : (double)mismatches / compared;
        var status = DriftTestResult.StatusOf(rate, null, thresholds.SkewWarn, thresholds.SkewDrift, thresholds.Alpha);
        return new SkewReport(feature, compared, mismatches, onlineMissing, offlineMissing, rate, status, thresholds.SkewWarn, thresholds.SkewDrift, examples);
    }
}
