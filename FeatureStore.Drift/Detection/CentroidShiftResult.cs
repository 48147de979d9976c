namespace FeatureStore.Drift.Detection;

/// <summary>How far the centre of a vector feature's values moved.</summary>
/// <param name="CosineDistance">1 − cos(angle) between the baseline's and the current mean vector: 0 is no turn, 0.05 about 18°, 0.15 about 32°.</param>
/// <param name="Significance">T = ‖Δ mean‖² / (tr Σ_baseline / n + tr Σ_current / m): about 1 when only sampling noise moved the mean.</param>
/// <param name="PValue">P(χ²₁ ≥ T): an upper bound on the chance of such a move by noise alone, whatever the covariance (Székely and Bakirov, 2003).</param>
public sealed record CentroidShiftResult(double CosineDistance, double Significance, double PValue);
