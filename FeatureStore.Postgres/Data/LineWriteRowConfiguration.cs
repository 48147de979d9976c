using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FeatureStore.Postgres.Data;

internal sealed class LineWriteRowConfiguration : IEntityTypeConfiguration<LineWriteRow>
{
    public void Configure(EntityTypeBuilder<LineWriteRow> row)
    {
        row.ToTable("ai_feature_line_writes");
        // One row per (line, stripe), not per line: a writer already holds its stripes' locks, so updating these
        // rows makes no writer wait for another that it did not wait for before (replicas write disjoint stripes).
        row.HasKey(r => new { r.FeatureId, r.VersionMajor, r.EntityType, r.Stripe });
        row.Property(r => r.FeatureId).HasColumnName("feature_id");
        row.Property(r => r.VersionMajor).HasColumnName("version_major");
        row.Property(r => r.EntityType).HasColumnName("entity_type");
        row.Property(r => r.Stripe).HasColumnName("stripe");
        row.Property(r => r.WrittenBy).HasColumnName("written_by");
        row.Property(r => r.UnloggedBy).HasColumnName("unlogged_by").HasDefaultValue(0L);
        row.Property(r => r.UnloggedWrites).HasColumnName("unlogged_writes").HasDefaultValue(0L);
        row.Property(r => r.RangeAfter).HasColumnName("range_after").HasDefaultValue(0L);
        row.Property(r => r.UnloggedLow).HasColumnName("unlogged_low").UseCollation(EntityIds.Collation);
        row.Property(r => r.UnloggedHigh).HasColumnName("unlogged_high").UseCollation(EntityIds.Collation);
        row.Property(r => r.WrittenAt).HasColumnName("written_at").HasDefaultValueSql("now()");
        row.HasOne<FeatureRegistryRow>().WithMany().HasForeignKey(r => r.FeatureId).OnDelete(DeleteBehavior.Cascade);
    }
}
