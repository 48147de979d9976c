using System.Globalization;
using System.Text.Json;
using FeatureStore.Core.Registry;
using FeatureStore.Core.Registry.Definitions;
using FeatureStore.Core.Values;

namespace FeatureStore.Drift.Multivariate;

/// <summary>
/// Turns one entity's feature values into the float row the classifier reads. Columns are named
/// <c>feature</c> or <c>feature[part]</c>: numeric and boolean features give one column, arrays their length
/// (<c>[length]</c>), vectors one column per component (<c>[0]</c>, <c>[1]</c>, …), categorical features with declared
/// labels one 0/1 column per label (<c>[=label]</c>). Every feature also gets a <c>[missing]</c> column, 1 when it
/// has no usable value (its other columns are then 0): trees do not train on NaN, and a rising null rate is drift too.
/// Json features and categorical ones without declared labels have no numeric form and are left out.
/// </summary>
public sealed class RowEncoder
{
    private readonly List<(string Feature, FeatureValueSchema Schema, int Width)> _features = [];

    /// <summary>An encoder for <paramref name="features"/> (name → shape), in ordinal order of name.</summary>
    public RowEncoder(IReadOnlyDictionary<string, FeatureValueSchema> features)
    {
        ArgumentNullException.ThrowIfNull(features);
        var columns = new List<string>();
        foreach (var (feature, schema) in features.OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            var parts = Parts(schema);
            if (parts is null)
            {
                continue;
            }

            _features.Add((feature, schema, parts.Count));
            columns.AddRange(parts.Select(p => p.Length == 0 ? feature : $"{feature}[{p}]"));
            columns.Add($"{feature}[missing]");
        }

        Columns = columns;
    }

    /// <summary>The column names, in row order.</summary>
    public IReadOnlyList<string> Columns { get; }

    /// <summary>The feature a column belongs to: its name up to the first '['.</summary>
    public static string FeatureOf(string column)
    {
        ArgumentNullException.ThrowIfNull(column);
        var bracket = column.IndexOf('[', StringComparison.Ordinal);
        return bracket < 0 ? column : column[..bracket];
    }

    /// <summary>The row of one entity; a feature absent from <paramref name="values"/> counts as missing.</summary>
    public float[] Encode(IReadOnlyDictionary<string, JsonElement> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var row = new float[Columns.Count];
        var at = 0;
        foreach (var (feature, schema, width) in _features)
        {
            var present = values.TryGetValue(feature, out var value) && value.ValueKind != JsonValueKind.Null
                && FeatureValueValidator.Problem(schema, value) is null
                && Fill(schema, value, row.AsSpan(at, width));
            row[at + width] = present ? 0 : 1;
            at += width + 1;
        }

        return row;
    }

    // The column parts of a feature ("" for the feature's own single column); null when it has no numeric form.
    private static List<string>? Parts(FeatureValueSchema schema) => schema.Kind switch
    {
        FeatureValueType.Numeric or FeatureValueType.Boolean => [""],
        FeatureValueType.Array => ["length"],
        FeatureValueType.Vector => Enumerable.Range(0, schema.Dimension ?? 0).Select(i => i.ToString(CultureInfo.InvariantCulture)).ToList(),
        FeatureValueType.Categorical when schema.AllowedValues is { Count: > 0 } labels => labels.Select(l => "=" + l).ToList(),
        _ => null,
    };

    private static bool Fill(FeatureValueSchema schema, JsonElement value, Span<float> columns)
    {
        switch (schema.Kind)
        {
            case FeatureValueType.Numeric:
                // A number beyond float's range has no usable float form: it counts as missing.
                var number = (float)value.GetDouble();
                columns[0] = float.IsFinite(number) ? number : 0;
                return float.IsFinite(number);
            case FeatureValueType.Boolean:
                columns[0] = value.GetBoolean() ? 1 : 0;
                return true;
            case FeatureValueType.Array:
                columns[0] = value.GetArrayLength();
                return true;
            case FeatureValueType.Vector:
                var i = 0;
                foreach (var component in value.EnumerateArray())
                {
                    columns[i++] = component.GetSingle();
                }

                return true;
            default:
                // The validator has checked that the label is one of the declared ones.
                var label = value.GetString();
                var labels = schema.AllowedValues!;
                for (var l = 0; l < labels.Count; l++)
                {
                    columns[l] = labels[l] == label ? 1 : 0;
                }

                return true;
        }
    }
}
