using FeatureStore.Drift.Detection;
using Microsoft.Extensions.Configuration;

namespace FeatureStore.Drift.Tests.Detection;

public sealed class DriftTestResultTests
{
    [Theory]
    [InlineData(0.30, null, DriftStatus.Drift)]   // no gate: the score alone decides
    [InlineData(0.25, null, DriftStatus.Drift)]   // thresholds are inclusive
    [InlineData(0.15, null, DriftStatus.Warn)]
    [InlineData(0.05, null, DriftStatus.Ok)]
    [InlineData(0.30, 0.001, DriftStatus.Drift)]
    [InlineData(0.30, 0.01, DriftStatus.Ok)]      // not significant at α = 0.01: noise, however large
    [InlineData(0.05, 0.0001, DriftStatus.Ok)]    // significant but too small to matter
    public void Status_needs_significance_and_size(double score, double? pValue, DriftStatus expected) =>
        Assert.Equal(expected, DriftTestResult.StatusOf(score, pValue, warnAt: 0.1, driftAt: 0.25, alpha: 0.01));

    [Fact]
    public void Per_feature_overrides_replace_the_default_set()
    {
        var options = new DriftThresholdOptions();
        options.Features.Add(new FeatureThresholds { Feature = "user:booking_rate", Thresholds = new DriftThresholds { PsiDrift = 0.5 } });

        Assert.Equal(0.5, options.For("user:booking_rate").PsiDrift);
        Assert.Equal(0.25, options.For("user:other").PsiDrift);
    }

    [Fact]
    public void Thresholds_bind_from_the_documented_configuration_section()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Drift:Thresholds:Default:Alpha"] = "0.001",
            ["Drift:Thresholds:Features:0:Feature"] = "msg:embedding",
            ["Drift:Thresholds:Features:0:Thresholds:CentroidDrift"] = "0.08",
        }).Build();

        var options = configuration.GetSection(DriftThresholdOptions.Section).Get<DriftThresholdOptions>()!;

        Assert.Equal(0.001, options.For("user:x").Alpha);
        Assert.Equal(0.08, options.For("msg:embedding").CentroidDrift);
        Assert.Equal(0.01, options.For("msg:embedding").Alpha); // an override is a whole set
    }
}
