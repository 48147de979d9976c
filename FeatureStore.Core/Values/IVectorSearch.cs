namespace FeatureStore.Core.Values;

/// <summary>Nearest-neighbour search over the current values of a vector feature (one value line).</summary>
public interface IVectorSearch
{
    /// <summary>
    /// The <paramref name="k"/> entities whose current vector is nearest (cosine distance) to
    /// <paramref name="query"/>, nearest first, leaving out <paramref name="exclude"/>.
    /// </summary>
    Task<IReadOnlyList<Neighbor>> NearestAsync(VectorLine line, float[] query, string? exclude, int k, CancellationToken cancellationToken);

    /// <summary>The entity's current vector on the line, or null when it has none.</summary>
    Task<float[]?> CurrentAsync(VectorLine line, string entityId, CancellationToken cancellationToken);
}

/// <summary>A vector feature's value line and its fixed dimension.</summary>
/// <param name="Feature">Feature name.</param>
/// <param name="ValueLine">Major version whose values are searched.</param>
/// <param name="EntityType">Entity type of the feature.</param>
/// <param name="Dimension">Number of components.</param>
public sealed record VectorLine(string Feature, int ValueLine, string EntityType, int Dimension);

/// <summary>One search result.</summary>
/// <param name="EntityId">The entity.</param>
/// <param name="Distance">Cosine distance (0 = same direction, 2 = opposite).</param>
/// <param name="ValidFrom">Since when the entity has had this vector.</param>
public sealed record Neighbor(string EntityId, double Distance, DateTimeOffset ValidFrom);
