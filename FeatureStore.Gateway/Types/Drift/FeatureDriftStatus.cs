using FeatureStore.Core.Drift;

namespace FeatureStore.Gateway.Types.Drift;

/// <summary>A subject's latest drift status: the worst of its newest report of each check.</summary>
internal sealed record FeatureDriftStatus(string Feature, string Status, DateTimeOffset CheckedAt, IReadOnlyList<DriftReport> Reports);
