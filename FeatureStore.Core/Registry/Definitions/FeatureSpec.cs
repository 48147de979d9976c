using FeatureStore.Core.Registry.Versioning;

namespace FeatureStore.Core.Registry.Definitions;

/// <summary>
/// A feature as a user declares it in a definition file (or the apply mutation): the intent.
/// What the system records about it (versions, activation, deprecation) lives elsewhere.
/// </summary>
/// <param name="Name"><c>entity:feature_name</c>, lower case (e.g. <c>user:booking_rate</c>).</param>
/// <param name="Version">The declared semantic version.</param>
/// <param name="EntityType">The kind of entity described (tenant, user, conversation, message, or any other declared).</param>
/// <param name="Value">The shape of its values.</param>
/// <param name="Description">What it means.</param>
/// <param name="Owner">Who answers for it.</param>
/// <param name="Tags">Labels for search and grouping, sorted and distinct.</param>
/// <param name="Computation">How it is computed.</param>
/// <param name="Refresh">real-time, hourly, daily, weekly or a cron expression.</param>
/// <param name="TimeToLive">How long a value stays fresh; null when it never goes stale.</param>
/// <param name="StalePolicy">Whether a stale value is served flagged (default) or omitted.</param>
public sealed record FeatureSpec(
    string Name,
    SemanticVersion Version,
    string EntityType,
    FeatureValueSchema Value,
    string? Description,
    string? Owner,
    IReadOnlyList<string> Tags,
    ComputationSpec Computation,
    string Refresh,
    TimeSpan? TimeToLive,
    StalePolicy StalePolicy = StalePolicy.Flag);
