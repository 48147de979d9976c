using FeatureStore.Core.Drift;
using GraphQL.Types;

namespace FeatureStore.Gateway.Types.Drift;

internal sealed class DriftStatusGraphType : EnumerationGraphType
{
    public DriftStatusGraphType()
    {
        Name = "DriftStatus";
        Description = "OK (no change beyond noise), WARN (a real but moderate change, or a data-quality problem) or DRIFT (a large change: alerts fire on entering it).";
        Add(DriftStatuses.Ok, DriftStatuses.Ok);
        Add(DriftStatuses.Warn, DriftStatuses.Warn);
        Add(DriftStatuses.Drift, DriftStatuses.Drift);
    }
}
