namespace FeatureStore.Drift.Statistics;

/// <summary>The shape of a set of numbers: moments, range and quantiles.</summary>
/// <param name="Count">How many numbers.</param>
/// <param name="Mean">The arithmetic mean.</param>
/// <param name="StandardDeviation">The sample standard deviation (n − 1); 0 for a single number.</param>
/// <param name="Min">The smallest number.</param>
/// <param name="Max">The largest number.</param>
/// <param name="Quantiles">Quantile by probability, for each of <see cref="Statistics.Quantiles.Reported"/>.</param>
public sealed record NumericSummary(
    int Count,
    double Mean,
    double StandardDeviation,
    double Min,
    double Max,
    IReadOnlyDictionary<double, double> Quantiles)
{
    /// <summary>The summary of <paramref name="values"/>; null when there are none.</summary>
    public static NumericSummary? Of(IEnumerable<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var sorted = values.Order().ToArray();
        if (sorted.Length == 0)
        {
            return null;
        }

        var mean = sorted.Average();
        var variance = sorted.Length < 2 ? 0 : sorted.Sum(v => (v - mean) * (v - mean)) / (sorted.Length - 1);
        var quantiles = Statistics.Quantiles.Reported.ToDictionary(p => p, p => Statistics.Quantiles.Of(sorted, p));
        return new NumericSummary(sorted.Length, mean, Math.Sqrt(variance), sorted[0], sorted[^1], quantiles);
    }
}
