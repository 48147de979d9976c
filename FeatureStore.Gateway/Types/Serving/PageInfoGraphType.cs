using GraphQL.Types;

namespace FeatureStore.Gateway.Types.Serving;

internal sealed class PageInfoGraphType : ObjectGraphType<EntityPage>
{
    public PageInfoGraphType()
    {
        Name = "PageInfo";
        Field<NonNullGraphType<BooleanGraphType>>("hasNextPage").Resolve(ctx => ctx.Source.HasNextPage);
        Field<StringGraphType>("endCursor").Resolve(ctx => ctx.Source.Entities.Count == 0 ? null : EntityPage.Cursor(ctx.Source.Entities[^1]));
    }
}
