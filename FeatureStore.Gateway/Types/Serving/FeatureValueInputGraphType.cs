using FeatureStore.Gateway.Types.Scalars;
using GraphQL.Types;

namespace FeatureStore.Gateway.Types.Serving;

internal sealed class FeatureValueInputGraphType : InputObjectGraphType
{
    public FeatureValueInputGraphType()
    {
        Name = "FeatureValueInput";
        Description = "A value to write: the feature (optionally pinned to a version), the entity, the value, and since when it holds.";
        Field<NonNullGraphType<StringGraphType>>("feature");
        Field<NonNullGraphType<IdGraphType>>("entityId");
        Field<JsonGraphType>("value");
        Field<NonNullGraphType<InstantGraphType>>("validFrom");
    }
}
