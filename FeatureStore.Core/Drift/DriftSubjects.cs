namespace FeatureStore.Core.Drift;

/// <summary>Names of report subjects that are not a single feature.</summary>
public static class DriftSubjects
{
    /// <summary>
    /// The classifier's subject for an entity type: <c>entity:*</c> (e.g. <c>message:*</c>), read as "every
    /// feature of message entities". It looks like a feature name so reports can be listed by it the same way.
    /// </summary>
    public static string AllFeaturesOf(string entityType) => entityType + ":*";

    /// <summary>The entity type when <paramref name="subject"/> is an <see cref="AllFeaturesOf"/> name; otherwise null.</summary>
    public static string? EntityTypeOf(string subject)
    {
        ArgumentNullException.ThrowIfNull(subject);
        return subject.EndsWith(":*", StringComparison.Ordinal) && subject.Length > 2 ? subject[..^2] : null;
    }
}
