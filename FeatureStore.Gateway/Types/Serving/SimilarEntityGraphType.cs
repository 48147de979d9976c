using FeatureStore.Gateway.Types.Scalars;
using GraphQL.Types;

namespace FeatureStore.Gateway.Types.Serving;

internal sealed class SimilarEntityGraphType : ObjectGraphType<SimilarEntity>
{
    public SimilarEntityGraphType()
    {
        Name = "SimilarEntity";
        Description = "A nearest neighbour: the entity, its cosine distance to the query, and since when it has had the vector compared.";
        Field<NonNullGraphType<EntityGraphType>>("entity").Resolve(ctx => ctx.Source.Entity);
        Field<NonNullGraphType<FloatGraphType>>("distance").Description("Cosine distance: 0 = same direction, 2 = opposite.").Resolve(ctx => ctx.Source.Distance);
        Field<NonNullGraphType<InstantGraphType>>("validFrom").Resolve(ctx => ctx.Source.ValidFrom);
    }
}
