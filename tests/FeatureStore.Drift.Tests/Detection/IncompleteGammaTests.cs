using FeatureStore.Drift.Detection;

namespace FeatureStore.Drift.Tests.Detection;

public sealed class IncompleteGammaTests
{
    [Theory]
    [InlineData(0.3, 1.0957979948180752)] // reflection branch
    [InlineData(1.0, 0.0)]
    [InlineData(10.5, 13.940625219403763)]
    [InlineData(100.0, 359.1342053695754)]
    public void LogGamma_matches_reference_values(double x, double expected) =>
        Assert.Equal(expected, IncompleteGamma.LogGamma(x), 1e-12);

    [Theory]
    [InlineData(0.5)]
    [InlineData(2.0)] // series branch (x < a + 1 is false for a = 1: continued fraction)
    [InlineData(30.0)]
    public void P_of_one_is_the_exponential_distribution_function(double x) =>
        Assert.Equal(1 - Math.Exp(-x), IncompleteGamma.Lower(1, x), 1e-13);

    [Fact]
    public void Q_of_one_half_is_the_complementary_error_function()
    {
        // Q(1/2, x) = erfc(√x); erfc(1) = 0.157299207050285...
        Assert.Equal(0.15729920705028513, IncompleteGamma.Upper(0.5, 1), 1e-13);
    }

    [Fact]
    public void Lower_and_upper_add_up_to_one_on_both_branches()
    {
        foreach (var (a, x) in new[] { (3.0, 1.0), (3.0, 10.0), (0.7, 0.2), (50.0, 49.0), (50.0, 70.0) })
        {
            Assert.Equal(1, IncompleteGamma.Lower(a, x) + IncompleteGamma.Upper(a, x), 1e-12);
        }
    }

    [Theory]
    [InlineData(3.841458820694124, 1, 0.05)]   // the textbook 5 % critical values
    [InlineData(6.6348966010212145, 1, 0.01)]
    [InlineData(9.487729036781154, 4, 0.05)]
    [InlineData(23.209251158954356, 10, 0.01)]
    [InlineData(0.0, 3, 1.0)]
    public void Chi_square_survival_gives_the_critical_values_tables_list(double statistic, int degreesOfFreedom, double expected) =>
        Assert.Equal(expected, ChiSquare.Survival(statistic, degreesOfFreedom), 1e-9);
}
