using GraphQL.Types;

namespace FeatureStore.Gateway.Types;

internal sealed class FeatureStoreSchema : Schema
{
    public FeatureStoreSchema(IServiceProvider services, QueryType query) : base(services)
    {
        Query = query;
    }
}
