namespace FeatureStore.Drift.Detection;

/// <summary>A population stability index, with the significance of the binned counts it was computed from.</summary>
/// <param name="Value">PSI = Σ (current − baseline) · ln(current / baseline) over the bins' shares.</param>
/// <param name="Bins">How many bins were compared (fewer than asked when the baseline has repeated values).</param>
/// <param name="PValue">The chi-square test of the same binned counts: small samples give noisy PSIs, and this says when one is noise.</param>
public sealed record PsiResult(double Value, int Bins, double PValue);
