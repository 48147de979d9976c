namespace FeatureStore.Drift.Quality;

/// <summary>What is wrong with one feature's values in one window, by kind of problem. A value is counted under its first problem only.</summary>
/// <param name="Total">Values looked at.</param>
/// <param name="Missing">JSON nulls.</param>
/// <param name="OutOfType">Values not of the feature's type (a string for a number, a vector of the wrong dimension, ...).</param>
/// <param name="OutOfRange">Numbers outside the expected range; arrays longer than their declared maximum.</param>
/// <param name="OutOfAllowedSet">Categorical labels not among the declared ones.</param>
/// <param name="Stale">Values older than the feature's time-to-live at the instant of the check (any value, null or not).</param>
/// <param name="MissingRate"><paramref name="Missing"/> over <paramref name="Total"/>; 0 when there were none.</param>
public sealed record DataQualityCounts(int Total, int Missing, int OutOfType, int OutOfRange, int OutOfAllowedSet, int Stale, double MissingRate);
