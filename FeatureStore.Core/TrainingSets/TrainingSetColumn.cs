using FeatureStore.Core.Registry;
using FeatureStore.Core.Registry.State;
using FeatureStore.Core.Registry.Versioning;

namespace FeatureStore.Core.TrainingSets;

/// <summary>One feature column of an export: the reference as asked, and how each row's version is chosen.</summary>
/// <param name="Reference">The reference as given (the column's name).</param>
/// <param name="Feature">The registered feature.</param>
/// <param name="Pin">The parsed reference.</param>
/// <param name="Resolved">The version served when no A/B split decides per entity.</param>
public sealed record TrainingSetColumn(string Reference, RegisteredFeature Feature, VersionPin Pin, ResolvedVersion Resolved)
{
    /// <summary>The value kind, for typed output formats.</summary>
    public FeatureValueType Kind => Resolved.Version.Spec.Value.Kind;

    /// <summary>True when each entity's version depends on its A/B bucket, as in the gateway's reads.</summary>
    public bool VersionPerEntity => Pin.IsUnpinned && Feature.Split is not null;

    /// <summary>Every value line a row of this column may read.</summary>
    public IEnumerable<int> ValueLines => VersionPerEntity
        ? [Feature.ActiveVersion.Major, Feature.Split!.Candidate.Major]
        : [Resolved.ValueLine];
}
