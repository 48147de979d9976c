namespace FeatureStore.Core.Registry.State;

/// <summary>A feature's standing, for listing and filtering.</summary>
public enum FeatureStatus
{
    /// <summary>Served; its active version is not deprecated.</summary>
    Active,

    /// <summary>Served with a warning: its active version is deprecated.</summary>
    Deprecated,

    /// <summary>Retired: not served.</summary>
    Inactive,
}
