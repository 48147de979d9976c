namespace FeatureStore.Drift.Multivariate;

/// <summary>One training row for ML.NET: true for the current window, false for the baseline.</summary>
internal sealed class LabeledRow
{
    public bool Label { get; init; }

    public float[] Features { get; init; } = [];
}
