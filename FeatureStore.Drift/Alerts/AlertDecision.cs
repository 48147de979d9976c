using FeatureStore.Drift.Detection;

namespace FeatureStore.Drift.Alerts;

/// <summary>What to do after a run: whether to send an alert, and which status to remember for the next run.</summary>
/// <param name="Fire">True when this run opens a drift episode.</param>
/// <param name="Remember">The status to pass as <c>remembered</c> next time (store it per subject).</param>
public sealed record AlertDecision(bool Fire, DriftStatus Remember);
