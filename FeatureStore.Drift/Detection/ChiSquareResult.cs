namespace FeatureStore.Drift.Detection;

/// <summary>A chi-square test of homogeneity: do two samples share one distribution over the same categories?</summary>
/// <param name="Statistic">Pearson's χ².</param>
/// <param name="DegreesOfFreedom">Categories compared, less one.</param>
/// <param name="PValue">The chance of a χ² at least this large if nothing changed.</param>
public sealed record ChiSquareResult(double Statistic, int DegreesOfFreedom, double PValue);
