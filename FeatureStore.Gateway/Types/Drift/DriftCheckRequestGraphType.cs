using FeatureStore.Core.Drift;
using FeatureStore.Gateway.Types.Scalars;
using GraphQL.Types;

namespace FeatureStore.Gateway.Types.Drift;

internal sealed class DriftCheckRequestGraphType : ObjectGraphType<DriftCheckRequest>
{
    public DriftCheckRequestGraphType()
    {
        Name = "DriftCheckRequest";
        Description = "A drift check queued for the drift worker; its reports appear in driftReports once it has run.";
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(ctx => ctx.Source.Id);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("features").Description("The features to check; empty means all.").Resolve(ctx => ctx.Source.Features);
        Field<NonNullGraphType<StringGraphType>>("status").Description("pending, running, done or failed.").Resolve(ctx => ctx.Source.Status);
        Field<NonNullGraphType<StringGraphType>>("requestedBy").Resolve(ctx => ctx.Source.RequestedBy);
        Field<NonNullGraphType<InstantGraphType>>("requestedAt").Resolve(ctx => ctx.Source.RequestedAt);
    }
}
