namespace FeatureStore.Core.Registry.State;

/// <summary>The version a read is served from, and the warning to pass on when it is deprecated.</summary>
/// <param name="Feature">The feature name.</param>
/// <param name="Version">The version chosen (by pin, A/B split or activation).</param>
/// <param name="Warning">A deprecation warning for the reader, when the version is deprecated but not yet sunset.</param>
public sealed record ResolvedVersion(string Feature, FeatureVersion Version, string? Warning)
{
    /// <summary>The value line: values are kept per major version, since only a MAJOR change alters their meaning.</summary>
    public int ValueLine => Version.Version.Major;
}
