namespace FeatureStore.Drift.Detection;

/// <summary>
/// One test's outcome. <see cref="Score"/> is an effect size compared with the thresholds; when the test also
/// has a <see cref="PValue"/>, the score counts only if that p-value is below the significance level, so that
/// noise is never reported however the thresholds are set, and tiny real changes on huge samples neither.
/// </summary>
/// <param name="Test">Which test.</param>
/// <param name="Score">The effect size (PSI, D, JS distance, relative length shift or cosine distance).</param>
/// <param name="PValue">The significance gate; null for a test without one.</param>
/// <param name="Statistic">The test statistic behind the p-value, where that is not the score itself (χ², T); otherwise null.</param>
/// <param name="WarnAt">The score from which the status is <see cref="DriftStatus.Warn"/>.</param>
/// <param name="DriftAt">The score from which the status is <see cref="DriftStatus.Drift"/>.</param>
/// <param name="Status">The verdict.</param>
public sealed record DriftTestResult(
    DriftTest Test,
    double Score,
    double? PValue,
    double? Statistic,
    double WarnAt,
    double DriftAt,
    DriftStatus Status)
{
    /// <summary>A result judged by the rule above, with <paramref name="alpha"/> the significance level.</summary>
    public static DriftTestResult Judge(DriftTest test, double score, double? pValue, double? statistic, double warnAt, double driftAt, double alpha) =>
        new(test, score, pValue, statistic, warnAt, driftAt, StatusOf(score, pValue, warnAt, driftAt, alpha));

    /// <summary>Ok when not significant; otherwise Drift from <paramref name="driftAt"/>, Warn from <paramref name="warnAt"/>.</summary>
    public static DriftStatus StatusOf(double score, double? pValue, double warnAt, double driftAt, double alpha)
    {
        if (pValue is { } p && p >= alpha)
        {
            return DriftStatus.Ok;
        }

        return score >= driftAt ? DriftStatus.Drift : score >= warnAt ? DriftStatus.Warn : DriftStatus.Ok;
    }
}
