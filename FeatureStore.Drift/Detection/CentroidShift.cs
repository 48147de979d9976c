using FeatureStore.Drift.Statistics;

namespace FeatureStore.Drift.Detection;

/// <summary>
/// Drift of a vector (embedding) feature: the turn of its mean vector, measured as a cosine distance.
/// A mean that is small next to the spread of the vectors turns freely by chance, so the turn only counts
/// when the move of the mean is also larger than sampling noise explains (<see cref="CentroidShiftResult.PValue"/>).
/// </summary>
public static class CentroidShift
{
    /// <summary>The shift of <paramref name="current"/>'s centroid against <paramref name="baseline"/>'s (both not empty, one dimension).</summary>
    public static CentroidShiftResult Measure(IReadOnlyList<float[]> baseline, IReadOnlyList<float[]> current)
    {
        ArgumentNullException.ThrowIfNull(baseline);
        ArgumentNullException.ThrowIfNull(current);
        var baselineMean = VectorMath.Mean(baseline);
        var currentMean = VectorMath.Mean(current);
        var moved = 0.0;
        for (var i = 0; i < baselineMean.Length; i++)
        {
            moved += (currentMean[i] - baselineMean[i]) * (currentMean[i] - baselineMean[i]);
        }

        // E‖Δ‖² under no change is tr Σ (1/n + 1/m); each side's covariance is estimated from its own sample.
        var noise = (TotalVariance(baseline, baselineMean) / baseline.Count) + (TotalVariance(current, currentMean) / current.Count);
        var significance = noise > 0 ? moved / noise : moved > 0 ? double.PositiveInfinity : 0;

        // T is a weighted sum of χ²₁ variables with weights summing to one; for T ≥ 1.54 its tail is at most χ²₁'s.
        var pValue = double.IsPositiveInfinity(significance) ? 0 : ChiSquare.Survival(significance, 1);
        return new CentroidShiftResult(VectorMath.CosineDistance(baselineMean, currentMean), significance, pValue);
    }

    // The trace of the sample covariance: the sum of the components' variances.
    private static double TotalVariance(IReadOnlyList<float[]> vectors, double[] mean)
    {
        if (vectors.Count < 2)
        {
            return 0;
        }

        var sum = 0.0;
        foreach (var vector in vectors)
        {
            for (var i = 0; i < mean.Length; i++)
            {
                sum += (vector[i] - mean[i]) * (vector[i] - mean[i]);
            }
        }

        return sum / (vectors.Count - 1);
    }
}
