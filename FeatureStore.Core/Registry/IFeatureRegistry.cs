using FeatureStore.Core.Registry.Definitions;
using FeatureStore.Core.Registry.State;
using FeatureStore.Core.Registry.Versioning;

namespace FeatureStore.Core.Registry;

/// <summary>
/// The registry of feature definitions and their versions: the store contract services see.
/// Every change is transactional (all or nothing) and audited; history is never rewritten.
/// </summary>
public interface IFeatureRegistry
{
    /// <summary>What applying <paramref name="definitions"/> would do, without writing anything.</summary>
    Task<RegistryPlan> PlanAsync(IReadOnlyList<FeatureSpec> definitions, CancellationToken cancellationToken);

    /// <summary>
    /// Applies the definitions in one transaction: a new version per changed feature, activated.
    /// Throws <see cref="Errors.InvalidDefinitionException"/> listing every problem, writing nothing, when any is invalid.
    /// </summary>
    Task<RegistryPlan> ApplyAsync(IReadOnlyList<FeatureSpec> definitions, string actor, CancellationToken cancellationToken);

    /// <summary>The feature with its full history; null when unknown.</summary>
    Task<RegisteredFeature?> FindAsync(string name, CancellationToken cancellationToken);

    /// <summary>Features matching <paramref name="query"/>, ordered by name.</summary>
    Task<IReadOnlyList<RegisteredFeature>> ListAsync(FeatureQuery query, CancellationToken cancellationToken);

    /// <summary>Deprecates one version: reads warn until <paramref name="sunsetAt"/>, then fail.</summary>
    Task<RegisteredFeature> DeprecateAsync(string name, SemanticVersion version, string reason, DateTimeOffset sunsetAt, string actor, CancellationToken cancellationToken);

    /// <summary>Makes a previous version active again (and ends any A/B split), atomically.</summary>
    Task<RegisteredFeature> RollbackAsync(string name, SemanticVersion version, string actor, CancellationToken cancellationToken);

    /// <summary>Serves <paramref name="candidate"/> to <paramref name="candidatePercent"/> % of entities, the active version to the rest.</summary>
    Task<RegisteredFeature> SetTrafficSplitAsync(string name, SemanticVersion candidate, decimal candidatePercent, string actor, CancellationToken cancellationToken);

    /// <summary>Ends the A/B split: every entity gets the active version.</summary>
    Task<RegisteredFeature> ClearTrafficSplitAsync(string name, string actor, CancellationToken cancellationToken);

    /// <summary>The newest audit entries, for one feature or all, newest first.</summary>
    Task<IReadOnlyList<AuditEntry>> AuditAsync(string? feature, int limit, CancellationToken cancellationToken);
}
