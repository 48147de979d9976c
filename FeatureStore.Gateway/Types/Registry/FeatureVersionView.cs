using FeatureStore.Core.Registry.State;

namespace FeatureStore.Gateway.Types.Registry;

/// <summary>One version, with what only the feature knows about it (whether it is the active one).</summary>
internal sealed record FeatureVersionView(RegisteredFeature Feature, FeatureVersion Version)
{
    public bool IsActive => Version.Version == Feature.ActiveVersion;
}
