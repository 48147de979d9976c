using System.Text.Json;
using FeatureStore.Core.Registry;
using FeatureStore.Core.Registry.Definitions;
using FeatureStore.Core.Values;

namespace FeatureStore.Drift.Statistics;

/// <summary>Reads stored JSON values into a <see cref="FeatureSample"/>.</summary>
public static class SampleReader
{
    /// <summary>
    /// Reads <paramref name="values"/> as values of a feature shaped like <paramref name="schema"/>.
    /// A value that does not fit the type is counted as invalid and left out, so one bad row cannot
    /// stop a drift run; declared limits (allowed labels, array length) do not make a value invalid
    /// here: they are data-quality findings, and drift is about the values that actually arrive.
    /// </summary>
    public static FeatureSample Read(FeatureValueSchema schema, TimeWindow window, IEnumerable<JsonElement> values)
    {
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(values);
        var typeOnly = new FeatureValueSchema(schema.Kind, ElementType: schema.ElementType, Dimension: schema.Dimension);
        var numbers = new List<double>();
        var categories = new List<string>();
        var lengths = new List<int>();
        var vectors = new List<float[]>();
        int count = 0, nulls = 0, invalid = 0;
        foreach (var value in values)
        {
            count++;
            if (value.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined)
            {
                nulls++;
                continue;
            }

            if (FeatureValueValidator.Problem(typeOnly, value) is not null)
            {
                invalid++;
                continue;
            }

            switch (schema.Kind)
            {
                case FeatureValueType.Numeric:
                    numbers.Add(value.GetDouble());
                    break;
                case FeatureValueType.Categorical:
                    categories.Add(value.GetString()!);
                    break;
                case FeatureValueType.Boolean:
                    categories.Add(value.GetBoolean() ? "true" : "false");
                    break;
                case FeatureValueType.Array:
                    lengths.Add(value.GetArrayLength());
                    break;
                case FeatureValueType.Vector:
                    vectors.Add(value.EnumerateArray().Select(e => e.GetSingle()).ToArray());
                    break;
                default:
                    break;
            }
        }

        return new FeatureSample(schema.Kind, window, count, nulls, invalid, numbers, categories, lengths, vectors);
    }
}
