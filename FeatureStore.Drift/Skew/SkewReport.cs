using FeatureStore.Drift.Detection;

namespace FeatureStore.Drift.Skew;

/// <summary>Training–serving skew of one feature: how often the online value differs from the offline one for the same entity and instant.</summary>
/// <param name="Feature">The feature.</param>
/// <param name="Compared">Pairs compared.</param>
/// <param name="Mismatches">Pairs whose values differ (beyond the numeric tolerance), missing on one side included.</param>
/// <param name="OnlineMissing">Of those, pairs with an offline value but none online.</param>
/// <param name="OfflineMissing">Of those, pairs with an online value but none offline.</param>
/// <param name="MismatchRate"><paramref name="Mismatches"/> over <paramref name="Compared"/>; 0 when nothing was compared.</param>
/// <param name="Status">By the rate against <paramref name="WarnAt"/> and <paramref name="DriftAt"/>: any mismatch is a real difference, so no significance gate.</param>
/// <param name="WarnAt">The rate from which the status is Warn.</param>
/// <param name="DriftAt">The rate from which the status is Drift.</param>
/// <param name="ExampleEntities">Up to five entities with a mismatch, to start debugging from.</param>
public sealed record SkewReport(
    string Feature,
    int Compared,
    int Mismatches,
    int OnlineMissing,
    int OfflineMissing,
    double MismatchRate,
    DriftStatus Status,
    double WarnAt,
    double DriftAt,
    IReadOnlyList<string> ExampleEntities);
