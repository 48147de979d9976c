using FeatureStore.Core.Registry.Definitions;
using FeatureStore.Core.Time;

namespace FeatureStore.Core.Registry.Versioning;

/// <summary>
/// Breaking-change detection. MAJOR: what a reader depends on changed (entity type, value kind,
/// vector dimension, array element type, a tighter array limit, a changed JSON Schema, removed or
/// newly imposed categories, the computation). MINOR: something was added or relaxed (categories,
/// a looser array limit, refresh, time-to-live). PATCH: description, owner, tags.
/// </summary>
public static class ChangeClassifier
{
    /// <summary>Compares the latest registered definition with a proposed one (versions are ignored).</summary>
    public static DetectedChange Classify(FeatureSpec current, FeatureSpec proposed)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(proposed);
        var reasons = new List<(ChangeKind Kind, string Text)>();
        void Changed(ChangeKind kind, string field, object? from, object? to) =>
            reasons.Add((kind, $"{field} {Show(from)} → {Show(to)} ({kind.ToString().ToUpperInvariant()})"));

        if (current.EntityType != proposed.EntityType)
        {
            Changed(ChangeKind.Major, "entityType", current.EntityType, proposed.EntityType);
        }

        CompareValues(current.Value, proposed.Value, Changed);

        if (!current.Computation.SameAs(proposed.Computation))
        {
            Changed(ChangeKind.Major, "computation", FeatureSpecJson.ToJson(current)["computation"]!.ToJsonString(), FeatureSpecJson.ToJson(proposed)["computation"]!.ToJsonString());
        }

        if (current.Refresh != proposed.Refresh)
        {
            Changed(ChangeKind.Minor, "refresh", current.Refresh, proposed.Refresh);
        }

        if (current.TimeToLive != proposed.TimeToLive)
        {
            Changed(ChangeKind.Minor, "ttl", current.TimeToLive is { } a ? Durations.Format(a) : null, proposed.TimeToLive is { } b ? Durations.Format(b) : null);
        }

        if (current.StalePolicy != proposed.StalePolicy)
        {
            Changed(ChangeKind.Minor, "stalePolicy", current.StalePolicy.ToString().ToLowerInvariant(), proposed.StalePolicy.ToString().ToLowerInvariant());
        }

        if (current.Description != proposed.Description)
        {
            Changed(ChangeKind.Patch, "description", current.Description, proposed.Description);
        }

        if (current.Owner != proposed.Owner)
        {
            Changed(ChangeKind.Patch, "owner", current.Owner, proposed.Owner);
        }

        if (!current.Tags.SequenceEqual(proposed.Tags))
        {
            Changed(ChangeKind.Patch, "tags", string.Join(",", current.Tags), string.Join(",", proposed.Tags));
        }

        var kind = reasons.Count == 0 ? ChangeKind.Unchanged : reasons.Max(r => r.Kind);
        return new DetectedChange(kind, reasons.OrderByDescending(r => r.Kind).Select(r => r.Text).ToList());
    }

    private static void CompareValues(FeatureValueSchema current, FeatureValueSchema proposed, Action<ChangeKind, string, object?, object?> changed)
    {
        if (current.Kind != proposed.Kind)
        {
            changed(ChangeKind.Major, "valueType.kind", current.Kind.ToWireName(), proposed.Kind.ToWireName());
            return;
        }

        if (current.Dimension != proposed.Dimension)
        {
            changed(ChangeKind.Major, "valueType.dimension", current.Dimension, proposed.Dimension);
        }

        if (current.ElementType != proposed.ElementType)
        {
            changed(ChangeKind.Major, "valueType.elementType", current.ElementType?.ToWireName(), proposed.ElementType?.ToWireName());
        }

        if (current.MaxLength != proposed.MaxLength)
        {
            // A looser limit keeps every old value valid; a tighter (or new) one may not.
            var looser = proposed.MaxLength is null || (current.MaxLength is { } old && proposed.MaxLength > old);
            changed(looser ? ChangeKind.Minor : ChangeKind.Major, "valueType.maxLength", current.MaxLength, proposed.MaxLength);
        }

        if (current.JsonSchema != proposed.JsonSchema)
        {
            changed(ChangeKind.Major, "valueType.jsonSchema", current.JsonSchema, proposed.JsonSchema);
        }

        CompareCategories(current.AllowedValues, proposed.AllowedValues, changed);
    }

    private static void CompareCategories(IReadOnlyList<string>? current, IReadOnlyList<string>? proposed, Action<ChangeKind, string, object?, object?> changed)
    {
        if (current is null && proposed is null)
        {
            return;
        }

        if (current is null || proposed is null)
        {
            // Imposing a list where any label was allowed can invalidate values; lifting it cannot.
            changed(current is null ? ChangeKind.Major : ChangeKind.Minor, "valueType.allowedValues", current is null ? "any" : string.Join(",", current), proposed is null ? "any" : string.Join(",", proposed));
            return;
        }

        var removed = current.Except(proposed, StringComparer.Ordinal).ToList();
        var added = proposed.Except(current, StringComparer.Ordinal).ToList();
        if (removed.Count > 0)
        {
            changed(ChangeKind.Major, "valueType.allowedValues removed", string.Join(",", removed), null);
        }

        if (added.Count > 0)
        {
            changed(ChangeKind.Minor, "valueType.allowedValues added", null, string.Join(",", added));
        }
    }

    private static string Show(object? value) => value switch
    {
        null => "(none)",
        string s => s.Length > 80 ? s[..77] + "..." : s,
        _ => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? "(none)",
    };
}
