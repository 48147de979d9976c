using FeatureStore.Core.Registry;

namespace FeatureStore.Drift.Statistics;

/// <summary>
/// One feature's values in one window, read into the form its drift tests need: numbers for numeric
/// features, labels for categorical and boolean ones, lengths for arrays, components for vectors.
/// Only the list that fits <see cref="Kind"/> is filled; the others are empty.
/// A baseline is simply the sample of a reference window.
/// </summary>
/// <param name="Kind">The feature's value type.</param>
/// <param name="Window">The window the values were read from.</param>
/// <param name="Count">Every value read, nulls and invalid ones included.</param>
/// <param name="NullCount">JSON nulls (no value).</param>
/// <param name="InvalidCount">Values that do not have the feature's type; left out of the lists (see DataQuality).</param>
/// <param name="Numbers">Numeric: the values.</param>
/// <param name="Categories">Categorical: the labels; boolean: "true" or "false".</param>
/// <param name="Lengths">Array: the number of elements of each value.</param>
/// <param name="Vectors">Vector: the components of each value, all of one dimension.</param>
public sealed record FeatureSample(
    FeatureValueType Kind,
    TimeWindow Window,
    int Count,
    int NullCount,
    int InvalidCount,
    IReadOnlyList<double> Numbers,
    IReadOnlyList<string> Categories,
    IReadOnlyList<int> Lengths,
    IReadOnlyList<float[]> Vectors)
{
    /// <summary>How many values the drift tests can use (not null, of the right type).</summary>
    public int UsableCount => Count - NullCount - InvalidCount;
}
