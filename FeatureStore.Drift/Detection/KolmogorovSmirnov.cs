namespace FeatureStore.Drift.Detection;

/// <summary>The two-sample Kolmogorov–Smirnov test: sensitive to any change of a numeric distribution, in location, spread or shape.</summary>
public static class KolmogorovSmirnov
{
    /// <summary>The test of <paramref name="baseline"/> against <paramref name="current"/> (both not empty).</summary>
    public static KolmogorovSmirnovResult Test(IReadOnlyList<double> baseline, IReadOnlyList<double> current)
    {
        ArgumentNullException.ThrowIfNull(baseline);
        ArgumentNullException.ThrowIfNull(current);
        if (baseline.Count == 0 || current.Count == 0)
        {
            throw new ArgumentException("both samples need at least one value");
        }

        var statistic = Statistic(baseline.Order().ToArray(), current.Order().ToArray());
        var effective = (double)baseline.Count * current.Count / (baseline.Count + current.Count);
        var root = Math.Sqrt(effective);

        // Stephens' small-sample correction (Numerical Recipes §14.3.3) keeps the asymptotic p-value close for modest samples.
        return new KolmogorovSmirnovResult(statistic, Survival((root + 0.12 + (0.11 / root)) * statistic));
    }

    /// <summary>
    /// Q_KS(λ) = 2 Σ_{j≥1} (−1)^{j−1} e^{−2j²λ²}: the chance that the scaled largest gap exceeds λ.
    /// Below λ = 1.18 that alternating series converges slowly, so the equivalent Jacobi-theta form is used there.
    /// </summary>
    public static double Survival(double lambda)
    {
        if (lambda <= 0)
        {
            return 1;
        }

        if (lambda < 1.18)
        {
            var sum = 0.0;
            for (var j = 1; j <= 8; j++)
            {
                var odd = (2 * j) - 1;
                sum += Math.Exp(-odd * odd * Math.PI * Math.PI / (8 * lambda * lambda));
            }

            return Math.Clamp(1 - (Math.Sqrt(2 * Math.PI) / lambda * sum), 0, 1);
        }

        var tail = 0.0;
        for (var j = 1; j <= 100; j++)
        {
            var term = Math.Exp(-2.0 * j * j * lambda * lambda);
            tail += j % 2 == 1 ? term : -term;
            if (term < 1e-17)
            {
                break;
            }
        }

        return Math.Clamp(2 * tail, 0, 1);
    }

    // Walks both sorted samples together; equal values are stepped over on both sides at once, so ties never open a false gap.
    private static double Statistic(double[] a, double[] b)
    {
        int i = 0, j = 0;
        var largest = 0.0;
        while (i < a.Length && j < b.Length)
        {
            var next = Math.Min(a[i], b[j]);
            while (i < a.Length && a[i] == next)
            {
                i++;
            }

            while (j < b.Length && b[j] == next)
            {
                j++;
            }

            largest = Math.Max(largest, Math.Abs(((double)i / a.Length) - ((double)j / b.Length)));
        }

        return largest;
    }
}
