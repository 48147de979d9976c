namespace FeatureStore.Core.Registry;

/// <summary>
/// A feature as the registry knows it: what a user declared (name, types, description,
/// owner, tags) and whether it is active. Immutable: a change is a new version.
/// </summary>
/// <param name="Name">Unique name, <c>entity:feature_name</c> (e.g. <c>user:booking_rate</c>).</param>
/// <param name="EntityType">The kind of entity the feature describes (tenant, user, conversation, message, ...).</param>
/// <param name="ValueType">The kind of value it holds.</param>
/// <param name="Description">What it means, for people.</param>
/// <param name="Owner">Who answers for it.</param>
/// <param name="Tags">Free labels for search and grouping.</param>
/// <param name="IsActive">False once retired; inactive features are not served.</param>
public sealed record FeatureDefinition(
    string Name,
    string EntityType,
    FeatureValueType ValueType,
    string? Description,
    string? Owner,
    IReadOnlyList<string> Tags,
    bool IsActive);
