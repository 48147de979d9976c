namespace FeatureStore.Drift.Multivariate;

/// <summary>How much one feature tells the baseline from the current rows.</summary>
/// <param name="Feature">The feature (its columns taken together, see <see cref="RowEncoder.FeatureOf"/>).</param>
/// <param name="Importance">The drop of the held-out AUC when the feature's columns are shuffled one at a time, summed over its columns and averaged over the folds; about 0 for a feature that did not change.</param>
public sealed record FeatureContribution(string Feature, double Importance);
