using GraphQL.Types;

namespace FeatureStore.Gateway.Types.Scalars;

/// <summary>Any JSON value, passed through as is (objects, arrays, numbers, strings, booleans).</summary>
internal sealed class JsonGraphType : ComplexScalarGraphType
{
    public JsonGraphType()
    {
        Name = "JSON";
        Description = "Any JSON value.";
    }
}
