using System.Text.Json;
using FeatureStore.Core.Registry;
using FeatureStore.Core.Registry.Definitions;
using FeatureStore.Core.Serving;
using FeatureStore.Core.Values;

namespace FeatureStore.Drift.Quality;

/// <summary>Counts data-quality problems of stored values, by the same rules the store and serving apply (<see cref="FeatureValueValidator"/>, <see cref="ServingRules"/>).</summary>
public static class DataQuality
{
    /// <summary>
    /// The problems of <paramref name="values"/> of <paramref name="spec"/> as of <paramref name="asOf"/>. For a
    /// meaningful stale count pass each entity's value in force at <paramref name="asOf"/>, as serving would read it.
    /// </summary>
    public static DataQualityCounts Measure(FeatureSpec spec, IEnumerable<StoredValue> values, DateTimeOffset asOf, NumericRange? expectedRange = null)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(values);
        var schema = spec.Value;
        var typeOnly = new FeatureValueSchema(schema.Kind, ElementType: schema.ElementType, Dimension: schema.Dimension);
        int total = 0, missing = 0, outOfType = 0, outOfRange = 0, outOfAllowedSet = 0, stale = 0;
        foreach (var stored in values)
        {
            total++;
            stale += ServingRules.IsStale(spec, stored.ValidFrom, asOf) ? 1 : 0;
            var value = stored.Value;
            if (value.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined)
            {
                missing++;
            }
            else if (FeatureValueValidator.Problem(typeOnly, value) is not null)
            {
                outOfType++;
            }
            else if (OutOfRange(schema, value, expectedRange))
            {
                outOfRange++;
            }
            else if (schema.Kind == FeatureValueType.Categorical && schema.AllowedValues is { } allowed && !allowed.Contains(value.GetString()!))
            {
                outOfAllowedSet++;
            }
        }

        return new DataQualityCounts(total, missing, outOfType, outOfRange, outOfAllowedSet, stale, total == 0 ? 0 : (double)missing / total);
    }

    private static bool OutOfRange(FeatureValueSchema schema, JsonElement value, NumericRange? expectedRange) => schema.Kind switch
    {
        FeatureValueType.Numeric => expectedRange is not null && !expectedRange.Contains(value.GetDouble()),
        FeatureValueType.Array => schema.MaxLength is { } max && value.GetArrayLength() > max,
        _ => false,
    };
}
