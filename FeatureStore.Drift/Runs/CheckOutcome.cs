using FeatureStore.Core.Drift;
using FeatureStore.Drift.Alerts;

namespace FeatureStore.Drift.Runs;

/// <summary>What one check stored, and the alert to send if its status opens a drift episode.</summary>
/// <param name="Report">The stored report.</param>
/// <param name="Alert">The alert for it (sent only when <see cref="AlertEpisodes"/> says so).</param>
public sealed record CheckOutcome(DriftReport Report, DriftAlert Alert);
