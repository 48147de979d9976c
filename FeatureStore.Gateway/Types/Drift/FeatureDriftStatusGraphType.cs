using FeatureStore.Gateway.Types.Scalars;
using GraphQL.Types;

namespace FeatureStore.Gateway.Types.Drift;

internal sealed class FeatureDriftStatusGraphType : ObjectGraphType<FeatureDriftStatus>
{
    public FeatureDriftStatusGraphType()
    {
        Name = "FeatureDriftStatus";
        Description = "A feature's (or an entity type's 'entity:*') latest drift status: the worst of the newest report of each check.";
        Field<NonNullGraphType<StringGraphType>>("feature").Resolve(ctx => ctx.Source.Feature);
        Field<NonNullGraphType<DriftStatusGraphType>>("status").Resolve(ctx => ctx.Source.Status);
        Field<NonNullGraphType<InstantGraphType>>("checkedAt").Description("When the newest of those reports was made.").Resolve(ctx => ctx.Source.CheckedAt);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<DriftReportGraphType>>>>("reports").Description("The newest report of each check.").Resolve(ctx => ctx.Source.Reports);
    }
}
