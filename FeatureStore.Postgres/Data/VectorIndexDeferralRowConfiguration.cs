using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FeatureStore.Postgres.Data;

internal sealed class VectorIndexDeferralRowConfiguration : IEntityTypeConfiguration<VectorIndexDeferralRow>
{
    public void Configure(EntityTypeBuilder<VectorIndexDeferralRow> row)
    {
        row.ToTable("ai_vector_index_deferrals");
        row.HasKey(r => new { r.FeatureId, r.VersionMajor });
        row.Property(r => r.FeatureId).HasColumnName("feature_id");
        row.Property(r => r.VersionMajor).HasColumnName("version_major");
        row.Property(r => r.JobId).HasColumnName("job_id");
        row.Property(r => r.DeferredAt).HasColumnName("deferred_at").HasDefaultValueSql("now()");
        row.HasOne<FeatureRegistryRow>().WithMany().HasForeignKey(r => r.FeatureId).OnDelete(DeleteBehavior.Cascade);
        row.HasOne<ComputationJobRow>().WithMany().HasForeignKey(r => r.JobId).OnDelete(DeleteBehavior.Cascade);
    }
}
