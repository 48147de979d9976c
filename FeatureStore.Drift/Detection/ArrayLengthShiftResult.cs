namespace FeatureStore.Drift.Detection;

/// <summary>How much the length of an array feature's values moved.</summary>
/// <param name="BaselineMeanLength">The baseline's mean number of elements.</param>
/// <param name="CurrentMeanLength">The current window's mean number of elements.</param>
/// <param name="RelativeShift">|current − baseline| / max(baseline, 1): the mean length's change as a share of what it was.</param>
/// <param name="PValue">The Kolmogorov–Smirnov test of the two length distributions.</param>
public sealed record ArrayLengthShiftResult(double BaselineMeanLength, double CurrentMeanLength, double RelativeShift, double PValue);
