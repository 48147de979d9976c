using FeatureStore.Core.Errors;
using FeatureStore.Core.Registry;
using FeatureStore.Core.Registry.State;
using FeatureStore.Core.Registry.Versioning;
using FeatureStore.Core.Values;

namespace FeatureStore.Core.Serving;

/// <summary>
/// "Which entities are most like this one?" over a vector feature's current values: the query is
/// a vector or an entity's own current vector (that entity is left out of the answer). Unpinned
/// references search the active version's line; <c>name@2</c> searches line 2.
/// </summary>
public sealed class SimilaritySearch(RegistryCache registry, IVectorSearch vectors, TimeProvider clock)
{
    /// <summary>The most neighbours one query may ask for.</summary>
    public const int MaxK = 1_000;

    /// <summary>The <paramref name="k"/> nearest entities, nearest first.</summary>
    /// <exception cref="FeatureStoreException">LIMIT_EXCEEDED, INVALID_ARGUMENT, INVALID_VALUE, FEATURE_NOT_FOUND, VERSION_NOT_FOUND or VERSION_SUNSET.</exception>
    public async Task<SimilarityResult> FindAsync(string reference, IReadOnlyList<double>? to, string? toEntity, int k, CancellationToken cancellationToken)
    {
        if (k is < 1 or > MaxK)
        {
            throw new FeatureStoreException(FeatureStoreErrorCodes.LimitExceeded, $"k must be between 1 and {MaxK}, not {k}");
        }

        if ((to is null) == (toEntity is null))
        {
            throw new FeatureStoreException(FeatureStoreErrorCodes.InvalidArgument, "give exactly one of 'to' (a vector) or 'toEntity' (an entity id)");
        }

        var line = await ResolveAsync(reference, cancellationToken);
        var query = to is not null ? Checked(to, line.Line) : await vectors.CurrentAsync(line.Line, toEntity!, cancellationToken)
            ?? throw new FeatureStoreException(FeatureStoreErrorCodes.InvalidArgument, $"{line.Line.EntityType} '{toEntity}' has no current value of {line.Line.Feature}");
        var neighbors = await vectors.NearestAsync(line.Line, query, toEntity, k, cancellationToken);
        return new SimilarityResult(line.Line.EntityType, line.Version, neighbors, line.Warning);
    }

    private async Task<(VectorLine Line, string Version, string? Warning)> ResolveAsync(string reference, CancellationToken cancellationToken)
    {
        var (pin, feature) = FeatureReferences.Find(await registry.GetAsync(cancellationToken), reference);
        // A population search has no entity to bucket: unpinned means the active version, never a split's candidate.
        var resolved = pin.IsUnpinned ? VersionResolver.Resolve(feature, VersionPin.TryParse($"{pin.Name}@{feature.ActiveVersion}")!, "", clock.GetUtcNow())
            : VersionResolver.Resolve(feature, pin, "", clock.GetUtcNow());
        var spec = resolved.Version.Spec;
        if (spec.Value.Kind != FeatureValueType.Vector || spec.Value.Dimension is not { } dimension)
        {
            throw new FeatureStoreException(FeatureStoreErrorCodes.InvalidArgument, $"{pin.Name} holds {spec.Value.Kind.ToWireName()} values, not vectors: only vector features can be searched");
        }

        return (new VectorLine(pin.Name, resolved.ValueLine, spec.EntityType, dimension), resolved.Version.Version.ToString(), resolved.Warning);
    }

    private static float[] Checked(IReadOnlyList<double> to, VectorLine line)
    {
        if (to.Count != line.Dimension)
        {
            throw new FeatureStoreException(FeatureStoreErrorCodes.InvalidValue, $"{line.Feature} vectors have {line.Dimension} components, 'to' has {to.Count}");
        }

        if (to.Any(x => !double.IsFinite(x)) || to.All(x => x == 0))
        {
            throw new FeatureStoreException(FeatureStoreErrorCodes.InvalidValue, "'to' must be finite and not all zeros (cosine distance is undefined for a zero vector)");
        }

        return [.. to.Select(x => (float)x)];
    }
}

/// <summary>What a similarity search found.</summary>
/// <param name="EntityType">The entities' type.</param>
/// <param name="Version">The feature version whose values were searched.</param>
/// <param name="Neighbors">Nearest first.</param>
/// <param name="Warning">A deprecation warning for that version, if any.</param>
public sealed record SimilarityResult(string EntityType, string Version, IReadOnlyList<Neighbor> Neighbors, string? Warning);
