using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FeatureStore.Postgres.Data;

internal sealed class OnlineFeatureValueRowConfiguration : IEntityTypeConfiguration<OnlineFeatureValueRow>
{
    public void Configure(EntityTypeBuilder<OnlineFeatureValueRow> row)
    {
        row.ToTable("ai_feature_values_online");
        row.HasKey(r => new { r.FeatureId, r.VersionMajor, r.EntityType, r.EntityId });
        row.Property(r => r.FeatureId).HasColumnName("feature_id");
        row.Property(r => r.EntityType).HasColumnName("entity_type");
        row.Property(r => r.VersionMajor).HasColumnName("version_major").HasDefaultValue(1);
        row.Property(r => r.Version).HasColumnName("version").HasDefaultValue("1.0.0");
        row.Property(r => r.EntityId).HasColumnName("entity_id").UseCollation(EntityIds.Collation);
        // lz4, as the history's value column (see there).
        row.Property(r => r.Value).HasColumnName("value").HasColumnType("jsonb").UseCompressionMethod("lz4");
        row.Property(r => r.ComputedAt).HasColumnName("computed_at");
        // Freshness is judged from when the value became true (valid_from), not when it was written.
        row.Property(r => r.ValidFrom).HasColumnName("valid_from");
        row.Property(r => r.ExpiresAt).HasColumnName("expires_at");
        // No foreign key to the registry, as the history (see OfflineFeatureValueRowConfiguration).
        row.HasIndex(r => r.ExpiresAt).HasDatabaseName("idx_feature_values_online_expires");
    }
}
