namespace FeatureStore.Core.Registry;

/// <summary>The kind of value a feature holds; decides validation, storage and drift tests.</summary>
public enum FeatureValueType
{
    /// <summary>A number (stored as a JSON number).</summary>
    Numeric,

    /// <summary>true or false.</summary>
    Boolean,

    /// <summary>One label out of a (possibly declared) set.</summary>
    Categorical,

    /// <summary>An ordered list of values of one element type.</summary>
    Array,

    /// <summary>A JSON document, optionally constrained by a JSON Schema.</summary>
    Json,

    /// <summary>A dense float vector of a fixed dimension.</summary>
    Vector,
}
