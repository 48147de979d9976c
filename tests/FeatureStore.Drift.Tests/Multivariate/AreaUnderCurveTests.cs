using FeatureStore.Drift.Multivariate;

namespace FeatureStore.Drift.Tests.Multivariate;

public sealed class AreaUnderCurveTests
{
    [Fact]
    public void Auc_is_the_share_of_positive_negative_pairs_ranked_right_with_ties_counting_half()
    {
        // Positives score 0.9, 0.4, 0.4; negatives 0.4, 0.1. Of the 3 · 2 = 6 pairs:
        //   0.9 beats both negatives (2), each 0.4 ties the 0.4 (½ each) and beats 0.1 (1 each): 2 + 1.5 + 1.5 = 5.
        var auc = AreaUnderCurve.Compute([0.9f, 0.4f, 0.4f, 0.4f, 0.1f], [true, true, true, false, false]);

        Assert.Equal(5.0 / 6, auc, 1e-12);
    }

    [Fact]
    public void Perfect_and_reversed_rankings_give_one_and_zero()
    {
        Assert.Equal(1, AreaUnderCurve.Compute([3, 4, 1, 2], [true, true, false, false]));
        Assert.Equal(0, AreaUnderCurve.Compute([1, 2, 3, 4], [true, true, false, false]));
    }

    [Fact]
    public void The_p_value_is_one_sided_against_chance()
    {
        // n₊ = n₋ = 100: σ = √(201 / 120000) = 0.040927; AUC 0.6 is z = 2.4434, one-sided p = 0.0072750.
        Assert.Equal(0.5, AreaUnderCurve.PValue(0.5, 100, 100), 1e-12);
        Assert.Equal(0.0072750, AreaUnderCurve.PValue(0.6, 100, 100), 1e-6);
        Assert.Equal(1 - 0.0072750, AreaUnderCurve.PValue(0.4, 100, 100), 1e-6);
    }
}
