using FeatureStore.Core.Serving;
using GraphQL.Types;

namespace FeatureStore.Gateway.Types.Serving;

internal sealed class ValueSourceGraphType : EnumerationGraphType<ValueSource>
{
    public ValueSourceGraphType()
    {
        Name = "ValueSource";
        Description = "Where a value came from: CACHE, ONLINE (Redis or its Postgres copy), OFFLINE (history), ON_DEMAND or MISSING.";
    }
}
