using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FeatureStore.Postgres.Data;

internal sealed class VectorValueRowConfiguration : IEntityTypeConfiguration<VectorValueRow>
{
    public void Configure(EntityTypeBuilder<VectorValueRow> row)
    {
        row.ToTable("ai_feature_vectors");
        row.HasKey(r => new { r.FeatureId, r.VersionMajor, r.EntityType, r.EntityId });
        row.Property(r => r.FeatureId).HasColumnName("feature_id");
        row.Property(r => r.VersionMajor).HasColumnName("version_major");
        row.Property(r => r.EntityType).HasColumnName("entity_type");
        row.Property(r => r.EntityId).HasColumnName("entity_id").UseCollation(EntityIds.Collation);
        // No dimension on the column: every line has its own, fixed by the partial HNSW index on
        // (embedding::vector(n)) that the registry creates for it.
        row.Property(r => r.Embedding).HasColumnName("embedding").HasColumnType("vector");
        row.Property(r => r.ValidFrom).HasColumnName("valid_from");
        // No foreign key to the registry, as the history (see OfflineFeatureValueRowConfiguration).
    }
}
