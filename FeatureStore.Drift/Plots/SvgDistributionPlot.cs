using System.Globalization;
using FeatureStore.Core.Registry;
using FeatureStore.Drift.Statistics;

namespace FeatureStore.Drift.Plots;

/// <summary>
/// Baseline-versus-current pictures of a feature's distribution as SVG 1.1 documents: overlaid histograms for
/// numbers (and for array lengths and vector norms), grouped bars for labels. Heights are shares of each side's
/// values, so windows of different sizes compare directly.
/// </summary>
public static class SvgDistributionPlot
{
    /// <summary>Labels shown at most; the rarer ones are summed into one "(other)" bar.</summary>
    public const int MostCategories = 12;

    /// <summary>The plot that fits the samples' value type; null for json features, which have no distribution to draw.</summary>
    public static string? For(string feature, FeatureSample baseline, FeatureSample current)
    {
        ArgumentNullException.ThrowIfNull(baseline);
        ArgumentNullException.ThrowIfNull(current);
        return baseline.Kind switch
        {
            FeatureValueType.Numeric => Histogram(feature, "value", baseline.Numbers, current.Numbers),
            FeatureValueType.Categorical or FeatureValueType.Boolean => Bars(feature, CategoryCounts.Of(baseline.Categories), CategoryCounts.Of(current.Categories)),
            FeatureValueType.Array => Histogram(feature, "length", baseline.Lengths.Select(l => (double)l).ToArray(), current.Lengths.Select(l => (double)l).ToArray()),
            FeatureValueType.Vector => Histogram(feature, "norm", baseline.Vectors.Select(VectorMath.Norm).ToArray(), current.Vectors.Select(VectorMath.Norm).ToArray()),
            _ => null,
        };
    }

    /// <summary>Overlaid histograms of two sets of numbers over <paramref name="bins"/> equal-width bins spanning both.</summary>
    public static string Histogram(string title, string axis, IReadOnlyList<double> baseline, IReadOnlyList<double> current, int bins = 20)
    {
        ArgumentNullException.ThrowIfNull(baseline);
        ArgumentNullException.ThrowIfNull(current);
        ArgumentOutOfRangeException.ThrowIfLessThan(bins, 1);
        var all = baseline.Concat(current).ToArray();
        var (low, high) = all.Length == 0 ? (0.0, 1.0) : (all.Min(), all.Max());
        if (high - low < 1e-12)
        {
            // One repeated value: a unit-wide range around it still draws a readable bar.
            (low, high) = (low - 0.5, high + 0.5);
        }

        var baselineShares = Shares(baseline, low, high, bins);
        var currentShares = Shares(current, low, high, bins);
        var maximum = NiceMaximum(baselineShares.Concat(currentShares).Max());
        var canvas = new SvgCanvas(title, $"Histogram of {axis}: baseline against current window, heights as shares of each window's values.");
        canvas.ShareAxis(maximum, axis);
        var width = (SvgCanvas.Right - SvgCanvas.Left) / bins;
        foreach (var (shares, colour, name) in new[] { (baselineShares, SvgCanvas.BaselineColour, "baseline"), (currentShares, SvgCanvas.CurrentColour, "current") })
        {
            var series = SvgCanvas.Group("series " + name);
            for (var bin = 0; bin < bins; bin++)
            {
                series.Add(SvgCanvas.Bar(SvgCanvas.Left + (bin * width), SvgCanvas.Y(shares[bin], maximum), width, colour));
            }

            canvas.Add(series);
        }

        for (var tick = 0; tick <= 4; tick++)
        {
            canvas.XTick(SvgCanvas.Left + (tick * (SvgCanvas.Right - SvgCanvas.Left) / 4), (low + (tick * (high - low) / 4)).ToString("G4", CultureInfo.InvariantCulture));
        }

        return canvas.Render(baseline.Count, current.Count);
    }

    /// <summary>Grouped bars (baseline, current) per label, the most frequent labels first.</summary>
    public static string Bars(string title, IReadOnlyDictionary<string, int> baseline, IReadOnlyDictionary<string, int> current)
    {
        ArgumentNullException.ThrowIfNull(baseline);
        ArgumentNullException.ThrowIfNull(current);
        var labels = CategoryCounts.Union(baseline, current)
            .OrderByDescending(l => baseline.GetValueOrDefault(l) + current.GetValueOrDefault(l))
            .ThenBy(l => l, StringComparer.Ordinal)
            .ToList();
        var shown = labels.Count <= MostCategories ? labels : labels.Take(MostCategories - 1).ToList();
        var rest = labels.Except(shown).ToList();
        var baselineShares = GroupShares(baseline, shown, rest);
        var currentShares = GroupShares(current, shown, rest);
        var names = rest.Count == 0 ? shown : [.. shown, "(other)"];
        var maximum = NiceMaximum(baselineShares.Concat(currentShares).DefaultIfEmpty(0).Max());
        var canvas = new SvgCanvas(title, "Share of each label: baseline against current window.");
        canvas.ShareAxis(maximum, "label");
        var slot = (SvgCanvas.Right - SvgCanvas.Left) / Math.Max(names.Count, 1);
        var barWidth = slot * 0.4;
        foreach (var (shares, colour, name, offset) in new[] { (baselineShares, SvgCanvas.BaselineColour, "baseline", 0.1), (currentShares, SvgCanvas.CurrentColour, "current", 0.5) })
        {
            var series = SvgCanvas.Group("series " + name);
            for (var i = 0; i < names.Count; i++)
            {
                series.Add(SvgCanvas.Bar(SvgCanvas.Left + (i * slot) + (offset * slot), SvgCanvas.Y(shares[i], maximum), barWidth, colour));
            }

            canvas.Add(series);
        }

        for (var i = 0; i < names.Count; i++)
        {
            canvas.XTick(SvgCanvas.Left + ((i + 0.5) * slot), names[i].Length > 14 ? names[i][..13] + "…" : names[i]);
        }

        return canvas.Render(baseline.Values.Sum(), current.Values.Sum());
    }

    private static double[] Shares(IReadOnlyList<double> values, double low, double high, int bins)
    {
        var shares = new double[bins];
        foreach (var value in values)
        {
            shares[Math.Clamp((int)((value - low) / (high - low) * bins), 0, bins - 1)] += 1.0 / values.Count;
        }

        return shares;
    }

    private static double[] GroupShares(IReadOnlyDictionary<string, int> counts, List<string> shown, List<string> rest)
    {
        double total = counts.Values.Sum();
        if (total == 0)
        {
            return new double[shown.Count + (rest.Count == 0 ? 0 : 1)];
        }

        var shares = shown.Select(l => counts.GetValueOrDefault(l) / total);
        return (rest.Count == 0 ? shares : shares.Append(rest.Sum(l => counts.GetValueOrDefault(l)) / total)).ToArray();
    }

    // The y axis ends at the next tenth above the tallest bar (at least 10 %), so its ticks are round numbers.
    private static double NiceMaximum(double tallest) => Math.Max(0.1, Math.Ceiling((tallest * 10) - 1e-9) / 10);
}
