using FeatureStore.Drift.Statistics;

namespace FeatureStore.Drift.Tests.Statistics;

public sealed class QuantilesTests
{
    [Theory]
    [InlineData(0.0, 1.0)]
    [InlineData(0.5, 2.5)]    // halfway between the 2nd and 3rd of four values
    [InlineData(0.25, 1.75)]  // position 0.75 between 1 and 2
    [InlineData(0.9, 3.7)]    // position 2.7 between 3 and 4
    [InlineData(1.0, 4.0)]
    public void Quantiles_interpolate_between_order_statistics(double probability, double expected) =>
        Assert.Equal(expected, Quantiles.Of([1, 2, 3, 4], probability), 1e-12);

    [Fact]
    public void A_summary_has_moments_range_and_the_reported_quantiles()
    {
        // 2, 4, 4, 4, 5, 5, 7, 9: mean 5, squared deviations sum to 32, sample variance 32/7.
        var summary = NumericSummary.Of([9, 4, 2, 4, 5, 4, 7, 5])!;

        Assert.Equal(8, summary.Count);
        Assert.Equal(5, summary.Mean, 1e-12);
        Assert.Equal(Math.Sqrt(32.0 / 7), summary.StandardDeviation, 1e-12);
        Assert.Equal((2.0, 9.0), (summary.Min, summary.Max));
        Assert.Equal(Quantiles.Reported, summary.Quantiles.Keys);
        Assert.Equal(4.5, summary.Quantiles[0.5], 1e-12);
        Assert.Null(NumericSummary.Of([]));
    }
}
