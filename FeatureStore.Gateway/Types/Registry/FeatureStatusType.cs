using FeatureStore.Core.Registry.State;
using GraphQL.Types;

namespace FeatureStore.Gateway.Types.Registry;

internal sealed class FeatureStatusType : EnumerationGraphType<FeatureStatus>
{
    public FeatureStatusType()
    {
        Name = "FeatureStatus";
        Description = "ACTIVE, DEPRECATED (its active version is) or INACTIVE (retired).";
    }
}
