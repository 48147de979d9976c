namespace FeatureStore.Drift.Detection;

/// <summary>Pearson's chi-square test that a baseline and a current sample come from one categorical distribution.</summary>
public static class ChiSquare
{
    /// <summary>
    /// The smallest expected count a category may have before it is pooled with the other small ones:
    /// below it the χ² approximation overstates significance, and rare labels would raise false alarms.
    /// </summary>
    public const double MinimumExpectedCount = 5;

    /// <summary>P(X ≥ <paramref name="statistic"/>) for X chi-square distributed with <paramref name="degreesOfFreedom"/> degrees of freedom.</summary>
    public static double Survival(double statistic, int degreesOfFreedom)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(degreesOfFreedom);
        return statistic <= 0 ? 1 : IncompleteGamma.Upper(degreesOfFreedom / 2.0, statistic / 2);
    }

    /// <summary>The test on label counts; a label missing from one side counts zero there.</summary>
    public static ChiSquareResult Test(IReadOnlyDictionary<string, int> baseline, IReadOnlyDictionary<string, int> current)
    {
        ArgumentNullException.ThrowIfNull(baseline);
        ArgumentNullException.ThrowIfNull(current);
        var labels = Statistics.CategoryCounts.Union(baseline, current);
        return Test(
            labels.Select(l => baseline.GetValueOrDefault(l)).ToArray(),
            labels.Select(l => current.GetValueOrDefault(l)).ToArray());
    }

    /// <summary>The test on counts per category (two lists of one length, same order).</summary>
    public static ChiSquareResult Test(IReadOnlyList<int> baseline, IReadOnlyList<int> current)
    {
        ArgumentNullException.ThrowIfNull(baseline);
        ArgumentNullException.ThrowIfNull(current);
        if (baseline.Count != current.Count)
        {
            throw new ArgumentException("both samples must be counted over the same categories", nameof(current));
        }

        double baselineTotal = baseline.Sum(), currentTotal = current.Sum();
        var total = baselineTotal + currentTotal;
        if (baselineTotal == 0 || currentTotal == 0)
        {
            return new ChiSquareResult(0, 0, 1);
        }

        var (pooledBaseline, pooledCurrent) = PoolSmallCategories(baseline, current, Math.Min(baselineTotal, currentTotal) / total);
        var statistic = 0.0;
        for (var i = 0; i < pooledBaseline.Count; i++)
        {
            var categoryTotal = pooledBaseline[i] + pooledCurrent[i];
            var expectedBaseline = baselineTotal * categoryTotal / total;
            var expectedCurrent = currentTotal * categoryTotal / total;
            statistic += Square(pooledBaseline[i] - expectedBaseline) / expectedBaseline;
            statistic += Square(pooledCurrent[i] - expectedCurrent) / expectedCurrent;
        }

        var degreesOfFreedom = pooledBaseline.Count - 1;
        return degreesOfFreedom == 0
            ? new ChiSquareResult(0, 0, 1)
            : new ChiSquareResult(statistic, degreesOfFreedom, Survival(statistic, degreesOfFreedom));
    }

    // Categories whose smaller expected count (the smaller sample's share of the category total) falls below
    // the minimum go into one pooled category; empty categories are dropped. The pooled category is kept only
    // when it is itself large enough, or else merged into the smallest regular one.
    private static (List<double> Baseline, List<double> Current) PoolSmallCategories(IReadOnlyList<int> baseline, IReadOnlyList<int> current, double smallerShare)
    {
        List<double> keptBaseline = [], keptCurrent = [];
        double pooledBaseline = 0, pooledCurrent = 0;
        for (var i = 0; i < baseline.Count; i++)
        {
            var categoryTotal = baseline[i] + current[i];
            if (categoryTotal == 0)
            {
                continue;
            }

            if (categoryTotal * smallerShare < MinimumExpectedCount)
            {
                pooledBaseline += baseline[i];
                pooledCurrent += current[i];
            }
            else
            {
                keptBaseline.Add(baseline[i]);
                keptCurrent.Add(current[i]);
            }
        }

        if (pooledBaseline + pooledCurrent > 0)
        {
            if ((pooledBaseline + pooledCurrent) * smallerShare >= MinimumExpectedCount || keptBaseline.Count == 0)
            {
                keptBaseline.Add(pooledBaseline);
                keptCurrent.Add(pooledCurrent);
            }
            else
            {
                var smallest = Enumerable.Range(0, keptBaseline.Count).MinBy(i => keptBaseline[i] + keptCurrent[i]);
                keptBaseline[smallest] += pooledBaseline;
                keptCurrent[smallest] += pooledCurrent;
            }
        }

        return (keptBaseline, keptCurrent);
    }

    private static double Square(double x) => x * x;
}
