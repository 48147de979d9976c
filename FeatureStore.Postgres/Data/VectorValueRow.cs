using Pgvector;

namespace FeatureStore.Postgres.Data;

/// <summary>
/// A row of <c>ai_feature_vectors</c>: the current value of a vector feature for an entity, as a
/// pgvector column, so nearest-neighbour queries run on an HNSW index (one per feature value line,
/// because each line has its own dimension).
/// </summary>
public sealed class VectorValueRow
{
    public Guid FeatureId { get; set; }
    public int VersionMajor { get; set; }
    public required string EntityType { get; set; }
    public required string EntityId { get; set; }
    public required Vector Embedding { get; set; }
    public DateTimeOffset ValidFrom { get; set; }
}
