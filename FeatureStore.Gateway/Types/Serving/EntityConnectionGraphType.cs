using GraphQL.Types;

namespace FeatureStore.Gateway.Types.Serving;

internal sealed class EntityConnectionGraphType : ObjectGraphType<EntityPage>
{
    public EntityConnectionGraphType()
    {
        Name = "EntityConnection";
        Description = "A page of entities (Relay style).";
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<EntityEdgeGraphType>>>>("edges").Resolve(ctx => ctx.Source.Entities);
        Field<NonNullGraphType<PageInfoGraphType>>("pageInfo").Resolve(ctx => ctx.Source);
    }
}
