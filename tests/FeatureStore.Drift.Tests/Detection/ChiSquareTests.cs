using FeatureStore.Drift.Detection;

namespace FeatureStore.Drift.Tests.Detection;

public sealed class ChiSquareTests
{
    [Fact]
    public void A_two_by_two_table_gives_pearsons_statistic_and_p_value()
    {
        // Baseline a:10 b:20, current a:20 b:10. Every expected count is 30·30/60 = 15,
        // so χ² = 4 · (5² / 15) = 6.667 with one degree of freedom; p = erfc(√(6.667/2)) = 0.009823.
        var result = ChiSquare.Test(
            new Dictionary<string, int> { ["a"] = 10, ["b"] = 20 },
            new Dictionary<string, int> { ["a"] = 20, ["b"] = 10 });

        Assert.Equal(20.0 / 3, result.Statistic, 1e-12);
        Assert.Equal(1, result.DegreesOfFreedom);
        Assert.Equal(0.009823274507519245, result.PValue, 1e-9);
    }

    [Fact]
    public void Rare_labels_are_pooled_so_they_cannot_raise_false_alarms()
    {
        // The current side is the smaller (94 of 192), so a category expects 94/192 of its total there:
        // c (8) and d (4) each expect less than 5, and are tested as one pooled category "c+d" (8 vs 4, expecting 5.9).
        var pooled = ChiSquare.Test(
            new Dictionary<string, int> { ["a"] = 50, ["b"] = 40, ["c"] = 8 },
            new Dictionary<string, int> { ["a"] = 45, ["b"] = 45, ["d"] = 4 });
        var byHand = ChiSquare.Test([50, 40, 8], [45, 45, 4]);

        Assert.Equal(byHand, pooled);
        Assert.Equal(2, pooled.DegreesOfFreedom);
    }

    [Fact]
    public void A_pool_too_small_to_test_on_its_own_joins_the_smallest_category()
    {
        // c and d pool to 7 vs 3, expecting 4.9 < 5 on the smaller side: they join b, the smallest regular category.
        var pooled = ChiSquare.Test(
            new Dictionary<string, int> { ["a"] = 50, ["b"] = 40, ["c"] = 7 },
            new Dictionary<string, int> { ["a"] = 45, ["b"] = 45, ["d"] = 3 });

        Assert.Equal(ChiSquare.Test([50, 47], [45, 48]), pooled);
    }

    [Fact]
    public void A_single_category_has_nothing_to_compare()
    {
        var result = ChiSquare.Test(new Dictionary<string, int> { ["a"] = 10 }, new Dictionary<string, int> { ["a"] = 90 });

        Assert.Equal(new ChiSquareResult(0, 0, 1), result);
    }
}
