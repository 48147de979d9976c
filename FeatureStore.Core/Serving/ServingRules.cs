using System.Text.Json;
using FeatureStore.Core.Registry.Definitions;

namespace FeatureStore.Core.Serving;

/// <summary>
/// What a read at an instant makes of a stored value (or of none), for every path that serves
/// values: the gateway's reads, trainingSet and the streaming export. One copy of these rules is
/// what keeps training data and served data the same.
/// </summary>
public static class ServingRules
{
    /// <summary>True when the value, true since <paramref name="validFrom"/>, is older than the feature's TTL at <paramref name="readAt"/>.</summary>
    public static bool IsStale(FeatureSpec spec, DateTimeOffset validFrom, DateTimeOffset readAt)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return spec.TimeToLive is { } ttl && readAt - validFrom > ttl;
    }

    /// <summary>True when a stale value is withheld (the feature's stale policy is <c>omit</c>).</summary>
    public static bool Withholds(FeatureSpec spec, bool stale)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return stale && spec.StalePolicy == StalePolicy.Omit;
    }

    /// <summary>With nothing stored: the value computed on request at <paramref name="readAt"/>, when the feature allows it; else null.</summary>
    public static JsonElement? ComputeOnDemand(FeatureSpec spec, DateTimeOffset readAt)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return RequestTimeTransforms.Handles(spec.Computation) ? RequestTimeTransforms.Compute(spec.Computation, readAt) : null;
    }
}
