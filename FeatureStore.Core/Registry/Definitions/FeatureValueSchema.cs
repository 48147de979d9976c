namespace FeatureStore.Core.Registry.Definitions;

/// <summary>
/// The shape of a feature's values: the kind, plus what that kind needs (allowed categories,
/// array element type and length, JSON Schema, vector dimension).
/// </summary>
/// <param name="Kind">numeric, boolean, categorical, array, json or vector.</param>
/// <param name="AllowedValues">Categorical only: the allowed labels; null allows any label.</param>
/// <param name="ElementType">Array only: the kind of each element (not array).</param>
/// <param name="MaxLength">Array only: the most elements a value may hold; null for no limit.</param>
/// <param name="JsonSchema">Json only: a JSON Schema (as JSON text) values must satisfy; null for any JSON.</param>
/// <param name="Dimension">Vector only: the fixed number of components.</param>
public sealed record FeatureValueSchema(
    FeatureValueType Kind,
    IReadOnlyList<string>? AllowedValues = null,
    FeatureValueType? ElementType = null,
    int? MaxLength = null,
    string? JsonSchema = null,
    int? Dimension = null)
{
    /// <summary>Structural equality (records compare lists by reference).</summary>
    public bool SameAs(FeatureValueSchema other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return Kind == other.Kind && ElementType == other.ElementType && MaxLength == other.MaxLength
            && JsonSchema == other.JsonSchema && Dimension == other.Dimension
            && (AllowedValues ?? []).SequenceEqual(other.AllowedValues ?? []) && (AllowedValues is null) == (other.AllowedValues is null);
    }
}
