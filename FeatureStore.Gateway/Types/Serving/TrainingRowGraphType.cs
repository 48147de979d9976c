using FeatureStore.Core.Serving;
using FeatureStore.Gateway.DataLoaders;
using FeatureStore.Gateway.Types.Scalars;
using GraphQL.Types;

namespace FeatureStore.Gateway.Types.Serving;

internal sealed class TrainingRowGraphType : ObjectGraphType<TrainingRowRef>
{
    public TrainingRowGraphType()
    {
        Name = "TrainingRow";
        Description = "One training example: the features of an entity as they were at its timestamp (point-in-time correct: no value from after it).";
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(ctx => ctx.Source.Id);
        Field<NonNullGraphType<InstantGraphType>>("timestamp").Resolve(ctx => ctx.Source.Timestamp);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<FeatureValueGraphType>>>>("features")
            .Description("The set's features, in the order asked.")
            .Resolve(ctx =>
            {
                var row = ctx.Source;
                return ctx.FeatureLoader().LoadMany([.. row.Features.Select(name => new FeatureRequest(row.Type, row.Id, name, row.Timestamp))]);
            });
    }
}
