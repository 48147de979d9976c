namespace FeatureStore.Drift.Detection;

/// <summary>
/// The population stability index: the symmetric Kullback–Leibler divergence between the baseline's and the
/// current window's shares of a fixed set of bins. The bins are the baseline's quantiles, so each holds an equal
/// share of the baseline and the index weighs the whole range, tails included, the same.
/// </summary>
public static class Psi
{
    /// <summary>
    /// The share given to an empty bin instead of 0, which would make the index infinite: one in ten thousand,
    /// far below any share a real bin has with ten quantile bins.
    /// </summary>
    public const double EmptyBinShare = 1e-4;

    /// <summary>The index of <paramref name="current"/> against <paramref name="baseline"/> (both not empty) over up to <paramref name="bins"/> quantile bins.</summary>
    public static PsiResult Compute(IReadOnlyList<double> baseline, IReadOnlyList<double> current, int bins = 10)
    {
        ArgumentNullException.ThrowIfNull(baseline);
        ArgumentNullException.ThrowIfNull(current);
        ArgumentOutOfRangeException.ThrowIfLessThan(bins, 2);
        if (baseline.Count == 0 || current.Count == 0)
        {
            throw new ArgumentException("both samples need at least one value");
        }

        var sorted = baseline.Order().ToArray();

        // Repeated values in the baseline (a discrete feature) give repeated quantiles: each edge is kept once.
        var edges = Enumerable.Range(1, bins - 1)
            .Select(i => Statistics.Quantiles.Of(sorted, (double)i / bins))
            .Distinct()
            .ToArray();
        var baselineCounts = Count(baseline, edges);
        var currentCounts = Count(current, edges);
        var value = FromShares(Shares(baselineCounts), Shares(currentCounts));
        return new PsiResult(value, edges.Length + 1, ChiSquare.Test(baselineCounts, currentCounts).PValue);
    }

    /// <summary>The index between two lists of bin shares (same bins, same order); empty bins count as <see cref="EmptyBinShare"/>.</summary>
    public static double FromShares(IReadOnlyList<double> baseline, IReadOnlyList<double> current)
    {
        ArgumentNullException.ThrowIfNull(baseline);
        ArgumentNullException.ThrowIfNull(current);
        if (baseline.Count != current.Count)
        {
            throw new ArgumentException("both shares must be over the same bins", nameof(current));
        }

        var index = 0.0;
        for (var i = 0; i < baseline.Count; i++)
        {
            var expected = Math.Max(baseline[i], EmptyBinShare);
            var actual = Math.Max(current[i], EmptyBinShare);
            index += (actual - expected) * Math.Log(actual / expected);
        }

        return index;
    }

    // Bin k holds the values in (edges[k-1], edges[k]]; the first and last bins are open-ended.
    private static int[] Count(IReadOnlyList<double> values, double[] edges)
    {
        var counts = new int[edges.Length + 1];
        foreach (var value in values)
        {
            var at = Array.BinarySearch(edges, value);
            counts[at >= 0 ? at : ~at]++;
        }

        return counts;
    }

    private static double[] Shares(int[] counts)
    {
        double total = counts.Sum();
        return counts.Select(c => c / total).ToArray();
    }
}
