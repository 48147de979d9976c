using FeatureStore.Core.Registry;

namespace FeatureStore.Drift.Statistics;

/// <summary>
/// What one feature's values looked like in one window. Which parts are filled depends on the kind:
/// <see cref="Numbers"/> for numeric, <see cref="Categories"/> for categorical and boolean,
/// <see cref="Lengths"/> for arrays, <see cref="Norms"/> and <see cref="Centroid"/> for vectors.
/// </summary>
/// <param name="Kind">The feature's value type.</param>
/// <param name="Window">The window described.</param>
/// <param name="Count">Every value read, nulls and invalid ones included.</param>
/// <param name="NullCount">JSON nulls.</param>
/// <param name="NullRate"><see cref="NullCount"/> over <see cref="Count"/>; 0 for an empty window.</param>
/// <param name="InvalidCount">Values not of the feature's type.</param>
/// <param name="Numbers">Numeric: the values' summary.</param>
/// <param name="Categories">Categorical and boolean: how often each label occurred.</param>
/// <param name="Lengths">Array: the summary of the values' lengths.</param>
/// <param name="Norms">Vector: the summary of the values' Euclidean norms.</param>
/// <param name="Centroid">Vector: the mean vector.</param>
public sealed record WindowStatistics(
    FeatureValueType Kind,
    TimeWindow Window,
    int Count,
    int NullCount,
    double NullRate,
    int InvalidCount,
    NumericSummary? Numbers,
    IReadOnlyDictionary<string, int>? Categories,
    NumericSummary? Lengths,
    NumericSummary? Norms,
    IReadOnlyList<double>? Centroid)
{
    /// <summary>The statistics of <paramref name="sample"/>.</summary>
    public static WindowStatistics Of(FeatureSample sample)
    {
        ArgumentNullException.ThrowIfNull(sample);
        var nullRate = sample.Count == 0 ? 0 : (double)sample.NullCount / sample.Count;
        var isCategorical = sample.Kind is FeatureValueType.Categorical or FeatureValueType.Boolean;
        var isVector = sample.Kind == FeatureValueType.Vector;
        return new WindowStatistics(
            sample.Kind,
            sample.Window,
            sample.Count,
            sample.NullCount,
            nullRate,
            sample.InvalidCount,
            sample.Kind == FeatureValueType.Numeric ? NumericSummary.Of(sample.Numbers) : null,
            isCategorical ? CategoryCounts.Of(sample.Categories) : null,
            sample.Kind == FeatureValueType.Array ? NumericSummary.Of(sample.Lengths.Select(l => (double)l)) : null,
            isVector ? NumericSummary.Of(sample.Vectors.Select(VectorMath.Norm)) : null,
            isVector && sample.Vectors.Count > 0 ? VectorMath.Mean(sample.Vectors) : null);
    }
}
