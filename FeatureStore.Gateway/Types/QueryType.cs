using FeatureStore.Core.Registry;
using FeatureStore.Gateway.Types.Registry;
using GraphQL.Types;

namespace FeatureStore.Gateway.Types;

internal sealed class QueryType : ObjectGraphType
{
    public QueryType()
    {
        Name = "Query";
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<FeatureDefinitionType>>>>("featureDefinitions")
            .Description("Every registered feature, ordered by name.")
            .ResolveAsync(async ctx => await ctx.RequestServices!.GetRequiredService<IFeatureRegistryReader>().ListAsync(ctx.CancellationToken));
    }
}
