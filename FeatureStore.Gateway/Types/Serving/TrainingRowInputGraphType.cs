using FeatureStore.Gateway.Types.Scalars;
using GraphQL.Types;

namespace FeatureStore.Gateway.Types.Serving;

internal sealed class TrainingRowInputGraphType : InputObjectGraphType
{
    public TrainingRowInputGraphType()
    {
        Name = "TrainingRowInput";
        Description = "An entity id and the instant its features are taken at (the label's time).";
        Field<NonNullGraphType<IdGraphType>>("id");
        Field<NonNullGraphType<InstantGraphType>>("timestamp");
    }
}
