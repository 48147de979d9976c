namespace FeatureStore.Postgres.Data;

/// <summary>
/// A row of <c>ai_vector_index_deferrals</c>: a vector line whose HNSW index is built after a running bulk job
/// instead of taking every vector of it one insert at a time (<c>VectorIndexes</c>).
/// </summary>
public sealed class VectorIndexDeferralRow
{
    public Guid FeatureId { get; set; }
    public int VersionMajor { get; set; }
    public Guid JobId { get; set; }
    public DateTimeOffset DeferredAt { get; set; }
}
