namespace FeatureStore.Core.Drift;

/// <summary>How much one feature gives the current window away to the classifier.</summary>
/// <param name="Feature">The feature.</param>
/// <param name="Importance">The drop of the held-out AUC when its columns are shuffled; about 0 for a feature that did not change.</param>
public sealed record DriftContribution(string Feature, double Importance);
