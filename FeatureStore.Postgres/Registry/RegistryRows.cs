using FeatureStore.Core.Registry;
using FeatureStore.Core.Registry.Definitions;
using FeatureStore.Core.Registry.State;
using FeatureStore.Core.Registry.Versioning;
using FeatureStore.Postgres.Data;

namespace FeatureStore.Postgres.Registry;

/// <summary>Maps registry rows to the Core model and a definition onto the row that mirrors it.</summary>
internal static class RegistryRows
{
    public static RegisteredFeature ToFeature(FeatureRegistryRow row, IEnumerable<FeatureVersionRow> versions)
    {
        var history = versions.OrderBy(v => v.Major).ThenBy(v => v.Minor).ThenBy(v => v.Patch).Select(ToVersion).ToList();
        var split = row.SplitVersion is { } candidate && row.SplitPercent is { } percent
            ? new TrafficSplit(SemanticVersion.Parse(candidate), percent)
            : null;
        return new RegisteredFeature(row.Name, SemanticVersion.Parse(row.ActiveVersion!), row.IsActive, split, history);
    }

    public static FeatureVersion ToVersion(FeatureVersionRow row) => new(
        FeatureSpecJson.FromStored(row.Definition),
        Enum.Parse<ChangeKind>(row.ChangeKind, ignoreCase: true),
        row.Reasons,
        row.CreatedAt,
        row.CreatedBy,
        row.DeprecatedAt is { } at ? new Deprecation(row.DeprecationReason!, row.SunsetAt!.Value, at, row.DeprecatedBy ?? "") : null);

    public static FeatureVersionRow NewVersion(Guid featureId, FeatureSpec spec, PlanEntry entry, string actor, DateTimeOffset now) => new()
    {
        FeatureId = featureId,
        Version = spec.Version.ToString(),
        Major = spec.Version.Major,
        Minor = spec.Version.Minor,
        Patch = spec.Version.Patch,
        Definition = FeatureSpecJson.ToJsonText(spec),
        ChangeKind = entry.Kind.ToString().ToUpperInvariant(),
        Reasons = [.. entry.Reasons],
        CreatedAt = now,
        CreatedBy = actor,
    };

    /// <summary>Makes the registry row mirror <paramref name="spec"/> as the active version.</summary>
    public static void Activate(FeatureRegistryRow row, FeatureSpec spec, DateTimeOffset now)
    {
        var json = FeatureSpecJson.ToJson(spec);
        row.Description = spec.Description;
        row.FeatureType = spec.Value.Kind.ToWireName();
        row.EntityType = spec.EntityType;
        row.ComputationSql = json["computation"]!.ToJsonString();
        row.RefreshSchedule = spec.Refresh;
        row.SchemaVersion = spec.Version.Major;
        row.ValueSchema = json["valueType"]!.ToJsonString();
        row.Owner = spec.Owner;
        row.Tags = [.. spec.Tags];
        row.ActiveVersion = spec.Version.ToString();
        row.SplitVersion = null;
        row.SplitPercent = null;
        row.UpdatedAt = now;
    }
}
