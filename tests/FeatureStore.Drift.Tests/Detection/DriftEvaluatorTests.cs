using FeatureStore.Core.Registry;
using FeatureStore.Drift.Detection;

namespace FeatureStore.Drift.Tests.Detection;

public sealed class DriftEvaluatorTests
{
    private static readonly DriftThresholds Defaults = new();

    [Fact]
    public void Numeric_features_get_psi_and_kolmogorov_smirnov()
    {
        var random = new Random(1);
        var report = DriftEvaluator.Evaluate("user:x", Generated.NumericSample(Generated.Normal(random, 200)), Generated.NumericSample(Generated.Normal(random, 200)), Defaults);

        Assert.Equal([DriftTest.Psi, DriftTest.KolmogorovSmirnov], report.Tests.Select(t => t.Test));
        Assert.Equal(FeatureValueType.Numeric, report.Kind);
        Assert.Equal(200, report.Current.Numbers!.Count);
        Assert.Null(report.SkippedReason);
    }

    [Fact]
    public void The_feature_status_is_its_worst_test()
    {
        // A change of spread keeps the mean: KS and PSI both see it, and the report takes the worst.
        var random = new Random(2);
        var report = DriftEvaluator.Evaluate("user:x", Generated.NumericSample(Generated.Normal(random, 1000)), Generated.NumericSample(Generated.Normal(random, 1000, deviation: 2.5)), Defaults);

        Assert.Equal(report.Tests.Max(t => t.Status), report.Status);
        Assert.Equal(DriftStatus.Drift, report.Status);
    }

    [Fact]
    public void Too_few_values_are_reported_ok_with_the_reason_and_no_test()
    {
        var report = DriftEvaluator.Evaluate("user:x", Generated.NumericSample([1, 2, 3]), Generated.NumericSample([100, 200, 300]), Defaults);

        Assert.Equal(DriftStatus.Ok, report.Status);
        Assert.Empty(report.Tests);
        Assert.Equal("too few values to test (3 < 30)", report.SkippedReason);
    }

    [Fact]
    public void Samples_of_different_types_are_refused()
    {
        Assert.Throws<ArgumentException>(() =>
            DriftEvaluator.Evaluate("user:x", Generated.NumericSample([1]), Generated.CategoricalSample(["a"]), Defaults));
    }
}
