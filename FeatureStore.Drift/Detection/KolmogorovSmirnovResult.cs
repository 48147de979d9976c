namespace FeatureStore.Drift.Detection;

/// <summary>A two-sample Kolmogorov–Smirnov test.</summary>
/// <param name="Statistic">D: the largest gap between the two empirical distribution functions, in [0, 1].</param>
/// <param name="PValue">The chance of a gap at least this large if both samples came from one continuous distribution.</param>
public sealed record KolmogorovSmirnovResult(double Statistic, double PValue);
