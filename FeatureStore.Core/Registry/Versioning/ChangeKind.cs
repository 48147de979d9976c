namespace FeatureStore.Core.Registry.Versioning;

/// <summary>What applying a definition does to a feature, as a plan reports it (terraform plan / feast apply).</summary>
public enum ChangeKind
{
    /// <summary>The registry has no feature of that name.</summary>
    New,

    /// <summary>The definition matches the latest version exactly.</summary>
    Unchanged,

    /// <summary>Description, owner or tags changed: nothing a reader could notice.</summary>
    Patch,

    /// <summary>Something was added (allowed values, optional metadata): old readers keep working.</summary>
    Minor,

    /// <summary>Something readers depend on changed (types, dimension, removed values, computation): a new value line.</summary>
    Major,
}
