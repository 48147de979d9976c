using FeatureStore.Core.Drift;
using FeatureStore.Drift.Statistics;

namespace FeatureStore.Drift.Runs;

/// <summary>What a drift run did.</summary>
/// <param name="Window">The current window checked.</param>
/// <param name="Reports">Every report stored, in the order made: features, classifiers, skew.</param>
/// <param name="Alerts">The alerts sent (episodes opened), by report id.</param>
/// <param name="Failures">Features whose check failed, with why; the run went on without them.</param>
public sealed record DriftRunResult(TimeWindow Window, IReadOnlyList<DriftReport> Reports, IReadOnlyList<Guid> Alerts, IReadOnlyList<string> Failures);
