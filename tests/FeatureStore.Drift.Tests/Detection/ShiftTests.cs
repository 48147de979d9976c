using FeatureStore.Drift.Detection;

namespace FeatureStore.Drift.Tests.Detection;

public sealed class ShiftTests
{
    [Fact]
    public void Array_length_shift_is_the_mean_lengths_relative_change()
    {
        // Means 2 and 3: |3 − 2| / 2 = 0.5.
        var shift = ArrayLengthShift.Measure([1, 2, 3], [2, 3, 4]);

        Assert.Equal(2, shift.BaselineMeanLength);
        Assert.Equal(3, shift.CurrentMeanLength);
        Assert.Equal(0.5, shift.RelativeShift, 1e-12);
    }

    [Fact]
    public void Mostly_empty_arrays_are_divided_by_one_element_not_by_their_tiny_mean()
    {
        // Means 0.25 and 0.5: the change 0.25 over max(0.25, 1).
        Assert.Equal(0.25, ArrayLengthShift.Measure([0, 0, 0, 1], [0, 1, 0, 1]).RelativeShift, 1e-12);
    }

    [Fact]
    public void Centroid_shift_is_the_cosine_distance_of_the_means()
    {
        // Baseline mean (1, 0), current mean (1, 1): cos 45° = 0.7071, distance 0.2929.
        float[][] baseline = [[1, 0.1f], [1, -0.1f]];
        float[][] current = [[1, 0.9f], [1, 1.1f]];

        var shift = CentroidShift.Measure(baseline, current);

        Assert.Equal(1 - Math.Sqrt(0.5), shift.CosineDistance, 1e-6);

        // Each side's total variance is 0.02 (two points ±0.1 in one component), so noise = 0.02/2 + 0.02/2 = 0.02,
        // and T = ‖(0, 1)‖² / 0.02 = 50: far beyond chance (p = P(χ²₁ ≥ 50) ≈ 1.5e-12).
        Assert.Equal(50, shift.Significance, 1e-4);
        Assert.True(shift.PValue < 1e-11);
    }

    [Fact]
    public void A_mean_near_the_origin_turns_freely_but_the_turn_is_not_significant()
    {
        // A cluster centred on the origin: its sample means point anywhere, yet the move is sampling noise.
        var random = new Random(11);
        var baseline = Generated.Cluster(random, 500, 8).Select(v => v.Select((c, i) => i == 0 ? c - 1 : c).ToArray()).ToArray();
        var current = Generated.Cluster(random, 500, 8).Select(v => v.Select((c, i) => i == 0 ? c - 1 : c).ToArray()).ToArray();

        var shift = CentroidShift.Measure(baseline, current);

        Assert.True(shift.CosineDistance > 0.15, $"cosine distance {shift.CosineDistance}");
        Assert.True(shift.PValue > 0.01, $"p {shift.PValue}");
    }
}
