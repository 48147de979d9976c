using FeatureStore.Drift.Detection;

namespace FeatureStore.Drift.Tests.Detection;

public sealed class KolmogorovSmirnovTests
{
    [Fact]
    public void Statistic_is_the_largest_gap_between_the_empirical_distribution_functions()
    {
        // a = {1, 2, 3}, b = {2.5, 4, 5, 6}. Walking the merged values:
        //   x = 1:   Fa = 1/3, Fb = 0    → 0.333
        //   x = 2:   Fa = 2/3, Fb = 0    → 0.667
        //   x = 2.5: Fa = 2/3, Fb = 1/4  → 0.417
        //   x = 3:   Fa = 1,   Fb = 1/4  → 0.75   ← largest
        //   x ≥ 4:   Fa = 1,   Fb ≥ 1/2  → ≤ 0.5
        var result = KolmogorovSmirnov.Test([3, 1, 2], [6, 2.5, 5, 4]);

        Assert.Equal(0.75, result.Statistic, 1e-12);

        // n·m/(n+m) = 12/7; λ = (√(12/7) + 0.12 + 0.11/√(12/7)) · 0.75; Q_KS(λ) = 0.152026...
        Assert.Equal(0.15202633984113148, result.PValue, 1e-9);
    }

    [Fact]
    public void Tied_values_are_stepped_over_on_both_sides_at_once()
    {
        // a = {1, 2, 2, 3}, b = {2, 3, 3, 4}:
        //   x = 1: 1/4 − 0   = 0.25
        //   x = 2: 3/4 − 1/4 = 0.5   ← largest (stepping only a's 2s first would show a false 0.75)
        //   x = 3: 1 − 3/4   = 0.25
        //   x = 4: 1 − 1     = 0
        Assert.Equal(0.5, KolmogorovSmirnov.Test([1, 2, 2, 3], [2, 3, 3, 4]).Statistic, 1e-12);
    }

    [Fact]
    public void Identical_samples_have_no_gap_and_a_p_value_of_one()
    {
        var result = KolmogorovSmirnov.Test([1, 2, 3, 4], [4, 3, 2, 1]);

        Assert.Equal(0, result.Statistic);
        Assert.Equal(1, result.PValue);
    }

    [Theory]
    [InlineData(1.0, 0.26999967167735456)]
    [InlineData(1.36, 0.049485876755377876)]   // the classic 5 % critical value
    [InlineData(1.6276, 0.010001537333060776)] // the 1 % one
    [InlineData(0.5, 0.9639452436648751)]      // the small-λ (theta function) branch
    public void Kolmogorov_survival_matches_the_series(double lambda, double expected) =>
        Assert.Equal(expected, KolmogorovSmirnov.Survival(lambda), 1e-9);
}
