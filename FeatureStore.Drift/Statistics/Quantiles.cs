namespace FeatureStore.Drift.Statistics;

/// <summary>Sample quantiles by linear interpolation between order statistics (R's type 7, numpy's default).</summary>
public static class Quantiles
{
    /// <summary>The probabilities a <see cref="NumericSummary"/> reports: both tails, the quartiles and the median.</summary>
    public static IReadOnlyList<double> Reported { get; } = [0.01, 0.05, 0.25, 0.5, 0.75, 0.95, 0.99];

    /// <summary>The <paramref name="probability"/> quantile of <paramref name="sorted"/> (ascending, not empty).</summary>
    public static double Of(IReadOnlyList<double> sorted, double probability)
    {
        ArgumentNullException.ThrowIfNull(sorted);
        if (sorted.Count == 0)
        {
            throw new ArgumentException("no values to take a quantile of", nameof(sorted));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(probability, 0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(probability, 1);
        var position = probability * (sorted.Count - 1);
        var below = (int)Math.Floor(position);
        var above = Math.Min(below + 1, sorted.Count - 1);
        return sorted[below] + ((position - below) * (sorted[above] - sorted[below]));
    }
}
