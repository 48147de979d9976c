using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FeatureStore.Postgres.Data;

internal sealed class LineChangeRowConfiguration : IEntityTypeConfiguration<LineChangeRow>
{
    public void Configure(EntityTypeBuilder<LineChangeRow> row)
    {
        row.ToTable("ai_feature_line_changes");
        row.HasKey(r => new { r.FeatureId, r.VersionMajor, r.EntityType, r.EntityId });
        row.Property(r => r.FeatureId).HasColumnName("feature_id");
        row.Property(r => r.VersionMajor).HasColumnName("version_major");
        row.Property(r => r.EntityType).HasColumnName("entity_type");
        // Code-point order, as the history's: the export merges the patched entities into its kept rows in that order.
        row.Property(r => r.EntityId).HasColumnName("entity_id").UseCollation(EntityIds.Collation);
        row.Property(r => r.WrittenBy).HasColumnName("written_by");
        row.HasOne<FeatureRegistryRow>().WithMany().HasForeignKey(r => r.FeatureId).OnDelete(DeleteBehavior.Cascade);
    }
}
