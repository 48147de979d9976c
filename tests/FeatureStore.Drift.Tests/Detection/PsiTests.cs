using FeatureStore.Drift.Detection;

namespace FeatureStore.Drift.Tests.Detection;

public sealed class PsiTests
{
    [Fact]
    public void Psi_of_shares_is_the_symmetric_divergence()
    {
        // (0.25 − 0.5)·ln(0.25/0.5) + (0.75 − 0.5)·ln(0.75/0.5) = 0.1733 + 0.1014 = 0.274653
        Assert.Equal(0.2746530721670274, Psi.FromShares([0.5, 0.5], [0.25, 0.75]), 1e-12);
    }

    [Fact]
    public void An_empty_bin_counts_as_a_tiny_share_instead_of_making_the_index_infinite()
    {
        // (1e-4 − 0.5)·ln(1e-4/0.5) + (1 − 0.5)·ln(1/0.5)
        var expected = ((1e-4 - 0.5) * Math.Log(1e-4 / 0.5)) + (0.5 * Math.Log(2));

        Assert.Equal(expected, Psi.FromShares([0.5, 0.5], [0, 1]), 1e-12);
    }

    [Fact]
    public void Bins_are_the_baselines_quantiles()
    {
        // Baseline 1..10 in 2 bins: the median 5.5 splits it 5 | 5. Current {1, 2, 3, 7, 8, 9, 10, 11} splits 3 | 5.
        // Shares 0.5/0.5 against 0.375/0.625: (−0.125)·ln(0.75) + 0.125·ln(1.25).
        var result = Psi.Compute([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], [1, 2, 3, 7, 8, 9, 10, 11], bins: 2);

        Assert.Equal((-0.125 * Math.Log(0.75)) + (0.125 * Math.Log(1.25)), result.Value, 1e-12);
        Assert.Equal(2, result.Bins);
    }

    [Fact]
    public void Repeated_baseline_values_merge_their_bins()
    {
        // Five 0s and five 1s: the nine deciles are 0 (×4), 0.5 (the interpolated median) and 1 (×4),
        // so three distinct edges and four bins.
        var result = Psi.Compute([0, 0, 0, 0, 0, 1, 1, 1, 1, 1], [0, 1, 1, 1], bins: 10);

        Assert.Equal(4, result.Bins);
    }
}
