using FeatureStore.Core.Registry.State;

namespace FeatureStore.Gateway.Types.Registry;

/// <summary>A feature as the API shows it: the whole feature, seen at one version (the active one unless asked).</summary>
internal sealed record FeatureView(RegisteredFeature Feature, FeatureVersion Shown);
