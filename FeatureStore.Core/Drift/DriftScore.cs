namespace FeatureStore.Core.Drift;

/// <summary>One test's outcome in a stored report.</summary>
/// <param name="Test">The test (Psi, KolmogorovSmirnov, ChiSquareJensenShannon, ArrayLengthShift, CentroidShift, MissingRate, ClassifierAuc, MismatchRate).</param>
/// <param name="Score">The effect size compared with the thresholds.</param>
/// <param name="PValue">The significance gate, when the test has one.</param>
/// <param name="Statistic">The statistic behind the p-value, when it is not the score itself.</param>
/// <param name="WarnAt">The score from which the test warns.</param>
/// <param name="DriftAt">The score from which the test drifts.</param>
/// <param name="Status">OK, WARN or DRIFT (<see cref="DriftStatuses"/>).</param>
public sealed record DriftScore(string Test, double Score, double? PValue, double? Statistic, double WarnAt, double DriftAt, string Status);
