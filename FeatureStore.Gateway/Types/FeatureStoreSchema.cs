using FeatureStore.Gateway.Types.Scalars;
using GraphQL.Types;

namespace FeatureStore.Gateway.Types;

internal sealed class FeatureStoreSchema : Schema
{
    public FeatureStoreSchema(IServiceProvider services, QueryType query, MutationType mutation) : base(services)
    {
        Query = query;
        Mutation = mutation;
        // Instants are DateTimeOffset everywhere; the contract calls the scalar DateTime.
        RegisterTypeMapping(typeof(DateTimeOffset), typeof(InstantGraphType));
    }
}
