using GraphQL.Types;

namespace FeatureStore.Gateway.Types.Serving;

internal sealed class EntityEdgeGraphType : ObjectGraphType<EntityRef>
{
    public EntityEdgeGraphType()
    {
        Name = "EntityEdge";
        Field<NonNullGraphType<StringGraphType>>("cursor").Resolve(ctx => EntityPage.Cursor(ctx.Source));
        Field<NonNullGraphType<EntityGraphType>>("node").Resolve(ctx => ctx.Source);
    }
}
