using FeatureStore.Drift.Detection;

namespace FeatureStore.Drift.Tests.Detection;

public sealed class JensenShannonTests
{
    [Fact]
    public void Distance_between_a_fair_coin_and_a_certain_one()
    {
        // P = (½, ½), Q = (1, 0), M = (¾, ¼).
        // KL(P‖M) = ½·log2(⅔) + ½·log2(2) = 0.207519; KL(Q‖M) = log2(4/3) = 0.415037.
        // JSD = ½(0.207519 + 0.415037) = 0.311278 bits; distance = √JSD = 0.557923.
        Assert.Equal(0.5579230452841438, JensenShannon.Distance([0.5, 0.5], [1, 0]), 1e-12);
    }

    [Fact]
    public void Distributions_without_a_common_label_are_one_apart_and_equal_ones_zero()
    {
        var a = new Dictionary<string, int> { ["x"] = 3 };
        var b = new Dictionary<string, int> { ["y"] = 7 };

        Assert.Equal(1, JensenShannon.Distance(a, b), 1e-12);
        Assert.Equal(0, JensenShannon.Distance(a, new Dictionary<string, int> { ["x"] = 300 }), 1e-12);
    }
}
