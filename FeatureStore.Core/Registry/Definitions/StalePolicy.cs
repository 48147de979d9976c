namespace FeatureStore.Core.Registry.Definitions;

/// <summary>What serving does with a value older than the feature's time-to-live. Never silent: both say <c>stale: true</c>.</summary>
public enum StalePolicy
{
    /// <summary>Serve the value, marked stale (the default).</summary>
    Flag,

    /// <summary>Serve no value (null), marked stale: for features where an old value is worse than none.</summary>
    Omit,
}
