namespace FeatureStore.Core.Registry.State;

/// <summary>One change to the registry: who did what, to which feature and version, when.</summary>
/// <param name="At">When.</param>
/// <param name="Actor">Who.</param>
/// <param name="Action">apply, deprecate, rollback, traffic_split or clear_traffic_split.</param>
/// <param name="Feature">The feature name.</param>
/// <param name="Version">The version concerned, if any.</param>
/// <param name="Details">Further facts as JSON (change kind, reasons, percent, previous version...).</param>
public sealed record AuditEntry(DateTimeOffset At, string Actor, string Action, string Feature, string? Version, string Details);
