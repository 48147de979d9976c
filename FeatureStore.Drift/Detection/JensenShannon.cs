namespace FeatureStore.Drift.Detection;

/// <summary>
/// The Jensen–Shannon distance between two label distributions: the square root of the JS divergence
/// in bits, so it is a metric in [0, 1] (0: same mix, 1: no label in common). Unlike χ² it does not
/// grow with the sample size, which makes it the effect size that decides whether a significant change matters.
/// </summary>
public static class JensenShannon
{
    /// <summary>The distance between the label mixes of two counts (a label missing from one side counts zero there).</summary>
    public static double Distance(IReadOnlyDictionary<string, int> baseline, IReadOnlyDictionary<string, int> current)
    {
        ArgumentNullException.ThrowIfNull(baseline);
        ArgumentNullException.ThrowIfNull(current);
        var labels = Statistics.CategoryCounts.Union(baseline, current);
        double baselineTotal = baseline.Values.Sum(), currentTotal = current.Values.Sum();
        if (baselineTotal == 0 || currentTotal == 0)
        {
            return 0;
        }

        return Distance(
            labels.Select(l => baseline.GetValueOrDefault(l) / baselineTotal).ToArray(),
            labels.Select(l => current.GetValueOrDefault(l) / currentTotal).ToArray());
    }

    /// <summary>The distance between two probability vectors over the same categories (each summing to 1).</summary>
    public static double Distance(IReadOnlyList<double> p, IReadOnlyList<double> q)
    {
        ArgumentNullException.ThrowIfNull(p);
        ArgumentNullException.ThrowIfNull(q);
        var divergence = 0.0;
        for (var i = 0; i < p.Count; i++)
        {
            var m = (p[i] + q[i]) / 2;
            divergence += (Term(p[i], m) + Term(q[i], m)) / 2;
        }

        // Rounding can leave a divergence a hair below zero for identical inputs.
        return Math.Sqrt(Math.Max(0, divergence));
    }

    private static double Term(double probability, double mixture) =>
        probability == 0 ? 0 : probability * Math.Log2(probability / mixture);
}
