namespace FeatureStore.Core.Registry;

/// <summary>Reads feature definitions from the registry (the store contract the services see).</summary>
public interface IFeatureRegistryReader
{
    /// <summary>Every registered feature, ordered by name.</summary>
    Task<IReadOnlyList<FeatureDefinition>> ListAsync(CancellationToken cancellationToken);
}
