using System.Globalization;
using System.Text.Json;
using FeatureStore.Core.Registry;
using FeatureStore.Core.Registry.Definitions;
using Json.Schema;

namespace FeatureStore.Core.Values;

/// <summary>Checks a value against its feature's declared shape, so nothing of the wrong type is ever stored.</summary>
public static class FeatureValueValidator
{
    /// <summary>Null when <paramref name="value"/> fits <paramref name="schema"/>; otherwise what is wrong. JSON null always fits (no value).</summary>
    public static string? Problem(FeatureValueSchema schema, JsonElement value)
    {
        ArgumentNullException.ThrowIfNull(schema);
        if (value.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined)
        {
            return null;
        }

        switch (schema.Kind)
        {
            case FeatureValueType.Vector:
                if (value.ValueKind != JsonValueKind.Array || value.EnumerateArray().Any(e => e.ValueKind != JsonValueKind.Number))
                {
                    return "must be an array of numbers (a vector)";
                }

                var length = value.GetArrayLength();
                return length == schema.Dimension ? null : string.Create(CultureInfo.InvariantCulture, $"must have dimension {schema.Dimension}, not {length}");

            case FeatureValueType.Array:
                if (value.ValueKind != JsonValueKind.Array)
                {
                    return $"must be an array of {schema.ElementType!.Value.ToWireName()}";
                }

                if (schema.MaxLength is { } max && value.GetArrayLength() > max)
                {
                    return string.Create(CultureInfo.InvariantCulture, $"must hold at most {max} elements, not {value.GetArrayLength()}");
                }

                var element = new FeatureValueSchema(schema.ElementType!.Value);
                var index = 0;
                foreach (var item in value.EnumerateArray())
                {
                    var problem = item.ValueKind == JsonValueKind.Null ? "must not be null" : Problem(element, item);
                    if (problem is not null)
                    {
                        return string.Create(CultureInfo.InvariantCulture, $"element {index} {problem}");
                    }

                    index++;
                }

                return null;

            case FeatureValueType.Numeric:
                return value.ValueKind == JsonValueKind.Number ? null : "must be a number";

            case FeatureValueType.Boolean:
                return value.ValueKind is JsonValueKind.True or JsonValueKind.False ? null : "must be true or false";

            case FeatureValueType.Categorical:
                if (value.ValueKind != JsonValueKind.String)
                {
                    return "must be a string (a category)";
                }

                return schema.AllowedValues is { } allowed && !allowed.Contains(value.GetString()!)
                    ? $"'{value.GetString()}' is not one of {string.Join(", ", allowed)}"
                    : null;

            default:
                return schema.JsonSchema is null ? null : JsonSchemaProblem(schema.JsonSchema, value);
        }
    }

    // Schemas are parsed once per distinct text: a feature's schema is checked on every write.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, JsonSchema> Schemas = new(StringComparer.Ordinal);

    private static string? JsonSchemaProblem(string schemaText, JsonElement value)
    {
        var schema = Schemas.GetOrAdd(schemaText, text => JsonSchema.FromText(text));
        var result = schema.Evaluate(value, new EvaluationOptions { OutputFormat = OutputFormat.List });
        if (result.IsValid)
        {
            return null;
        }

        var errors = (result.Details ?? []).Where(d => d.Errors is not null)
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}"))
            .Take(3);
        return "does not match the feature's JSON Schema: " + string.Join("; ", errors);
    }
}
