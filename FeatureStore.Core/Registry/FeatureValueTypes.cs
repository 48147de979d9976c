using System.Diagnostics.CodeAnalysis;

namespace FeatureStore.Core.Registry;

/// <summary>
/// The wire names of <see cref="FeatureValueType"/> ("numeric", "vector", ...), used by the
/// registry table, definition files and the API alike, so there is one spelling everywhere.
/// </summary>
public static class FeatureValueTypes
{
    private static readonly Dictionary<string, FeatureValueType> ByName =
        Enum.GetValues<FeatureValueType>().ToDictionary(ToWireName, t => t, StringComparer.Ordinal);

    /// <summary>Every wire name, in declaration order.</summary>
    public static IReadOnlyList<string> WireNames { get; } = Enum.GetValues<FeatureValueType>().Select(ToWireName).ToArray();

    /// <summary>The lower-case wire name of <paramref name="type"/>.</summary>
    public static string ToWireName(this FeatureValueType type) => type switch
    {
        FeatureValueType.Numeric => "numeric",
        FeatureValueType.Boolean => "boolean",
        FeatureValueType.Categorical => "categorical",
        FeatureValueType.Array => "array",
        FeatureValueType.Json => "json",
        FeatureValueType.Vector => "vector",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "unknown feature value type"),
    };

    /// <summary>Parses a wire name; false when it is not one of <see cref="WireNames"/>.</summary>
    public static bool TryParse(string? wireName, [NotNullWhen(true)] out FeatureValueType? type)
    {
        if (wireName is not null && ByName.TryGetValue(wireName, out var found))
        {
            type = found;
            return true;
        }

        type = null;
        return false;
    }
}
