using FeatureStore.Drift.Detection;

namespace FeatureStore.Drift.Multivariate;

/// <summary>The classifier two-sample test: can a model tell the current window's rows from the baseline's?</summary>
/// <param name="Auc">The area under the ROC curve of the out-of-fold scores: 0.5 when the windows cannot be told apart, 1 when always.</param>
/// <param name="PValue">One-sided Mann–Whitney p-value of that AUC against 0.5: the gate that keeps small samples from alarming.</param>
/// <param name="BaselineRows">Baseline rows used (after sampling).</param>
/// <param name="CurrentRows">Current rows used (after sampling).</param>
/// <param name="Status">Ok when not significant; otherwise by <paramref name="WarnAt"/> and <paramref name="DriftAt"/>.</param>
/// <param name="WarnAt">The AUC from which the status is Warn.</param>
/// <param name="DriftAt">The AUC from which the status is Drift.</param>
/// <param name="Contributions">The features that tell the windows apart, most telling first; empty when the status is Ok (there is nothing to explain).</param>
/// <param name="SkippedReason">Why no model was trained (too few rows); null when one was.</param>
public sealed record ClassifierDriftResult(
    double Auc,
    double PValue,
    int BaselineRows,
    int CurrentRows,
    DriftStatus Status,
    double WarnAt,
    double DriftAt,
    IReadOnlyList<FeatureContribution> Contributions,
    string? SkippedReason);
