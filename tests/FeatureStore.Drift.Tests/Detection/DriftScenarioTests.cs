using FeatureStore.Drift.Detection;

namespace FeatureStore.Drift.Tests.Detection;

/// <summary>
/// Four features watched together, one of which changes per scenario: the change must be reported as Drift
/// on that feature and on no other.
/// </summary>
public sealed class DriftScenarioTests
{
    private const int N = 1000;

    public enum Change
    {
        None,
        ShiftedMean,
        CategoryMix,
        RotatedEmbedding,
        ShorterArrays,
    }

    [Theory]
    [InlineData(Change.ShiftedMean, "user:session_minutes")]
    [InlineData(Change.CategoryMix, "user:plan")]
    [InlineData(Change.RotatedEmbedding, "user:embedding")]
    [InlineData(Change.ShorterArrays, "user:recent_items")]
    public void A_change_is_reported_as_drift_on_the_feature_that_changed_only(Change change, string changed)
    {
        var reports = Evaluate(new Random(42), change);

        Assert.Equal([changed], reports.Where(r => r.Status == DriftStatus.Drift).Select(r => r.Feature));
    }

    [Fact]
    public void Without_a_change_no_feature_drifts()
    {
        var reports = Evaluate(new Random(42), Change.None);

        Assert.All(reports, r => Assert.Equal(DriftStatus.Ok, r.Status));
    }

    [Fact]
    public void A_shifted_mean_is_seen_by_both_numeric_tests()
    {
        var report = Evaluate(new Random(7), Change.ShiftedMean).Single(r => r.Feature == "user:session_minutes");

        // Mean 30 → 33 with σ = 5: a 0.6σ shift, D ≈ Φ(0.3) − Φ(−0.3) ≈ 0.24.
        Assert.All(report.Tests, t => Assert.Equal(DriftStatus.Drift, t.Status));
        Assert.InRange(report.Current.Numbers!.Mean - report.Baseline.Numbers!.Mean, 2.5, 3.5);
    }

    private static List<FeatureDriftReport> Evaluate(Random random, Change change)
    {
        var thresholds = new DriftThresholds();
        return
        [
            DriftEvaluator.Evaluate(
                "user:session_minutes",
                Generated.NumericSample(Generated.Normal(random, N, 30, 5), Generated.Baseline),
                Generated.NumericSample(Generated.Normal(random, N, change == Change.ShiftedMean ? 33 : 30, 5)),
                thresholds),
            DriftEvaluator.Evaluate(
                "user:plan",
                Generated.CategoricalSample(Generated.Labels(random, N, ("free", 0.6), ("pro", 0.3), ("team", 0.1)), Generated.Baseline),
                Generated.CategoricalSample(change == Change.CategoryMix
                    ? Generated.Labels(random, N, ("free", 0.4), ("pro", 0.35), ("team", 0.25))
                    : Generated.Labels(random, N, ("free", 0.6), ("pro", 0.3), ("team", 0.1))),
                thresholds),
            DriftEvaluator.Evaluate(
                "user:embedding",
                Generated.VectorSample(Generated.Cluster(random, N, 16), Generated.Baseline),
                Generated.VectorSample(Generated.Cluster(random, N, 16, degrees: change == Change.RotatedEmbedding ? 40 : 0)),
                thresholds),
            DriftEvaluator.Evaluate(
                "user:recent_items",
                Generated.ArraySample(Generated.Poisson(random, N, 6), Generated.Baseline),
                Generated.ArraySample(Generated.Poisson(random, N, change == Change.ShorterArrays ? 4 : 6)),
                thresholds),
        ];
    }
}
