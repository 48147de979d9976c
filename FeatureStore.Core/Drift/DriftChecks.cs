namespace FeatureStore.Core.Drift;

/// <summary>The checks a drift run makes; a report names one.</summary>
public static class DriftChecks
{
    /// <summary>One feature's distribution against its baseline (PSI, KS, chi-square/JS, length, centroid), with data quality.</summary>
    public const string Univariate = "univariate";

    /// <summary>All features of an entity type at once: a classifier tells baseline rows from current rows.</summary>
    public const string Classifier = "classifier";

    /// <summary>Training–serving skew: values served online against the offline values for the same entities and instants.</summary>
    public const string Skew = "skew";

    /// <summary>Every check, in the order a run makes them.</summary>
    public static IReadOnlyList<string> All { get; } = [Univariate, Classifier, Skew];
}
