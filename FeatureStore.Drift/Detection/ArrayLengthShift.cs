namespace FeatureStore.Drift.Detection;

/// <summary>Drift of an array feature, read from its values' lengths (a list that suddenly holds half as many items is the usual symptom of a broken upstream).</summary>
public static class ArrayLengthShift
{
    /// <summary>The shift of <paramref name="current"/>'s lengths against <paramref name="baseline"/>'s (both not empty).</summary>
    public static ArrayLengthShiftResult Measure(IReadOnlyList<int> baseline, IReadOnlyList<int> current)
    {
        ArgumentNullException.ThrowIfNull(baseline);
        ArgumentNullException.ThrowIfNull(current);
        var baselineMean = baseline.Average();
        var currentMean = current.Average();

        // Dividing by at least one element keeps mostly-empty arrays from turning a tiny change into a huge ratio.
        var relative = Math.Abs(currentMean - baselineMean) / Math.Max(baselineMean, 1);

        // Lengths are discrete, which makes the KS p-value conservative: it can only understate significance.
        var test = KolmogorovSmirnov.Test(baseline.Select(l => (double)l).ToArray(), current.Select(l => (double)l).ToArray());
        return new ArrayLengthShiftResult(baselineMean, currentMean, relative, test.PValue);
    }
}
