using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FeatureStore.Postgres.Data;

internal sealed class ComputationLogRowConfiguration : IEntityTypeConfiguration<ComputationLogRow>
{
    public void Configure(EntityTypeBuilder<ComputationLogRow> row)
    {
        row.ToTable("ai_feature_computation_logs", t =>
            t.HasCheckConstraint("ck_ai_feature_computation_logs_type",
                "computation_type IS NULL OR computation_type IN ('batch', 'streaming', 'on-demand')"));
        row.HasKey(r => r.Id);
        row.Property(r => r.Id).HasColumnName("id").HasDefaultValueSql("gen_random_uuid()");
        row.Property(r => r.FeatureId).HasColumnName("feature_id");
        row.Property(r => r.FeatureName).HasColumnName("feature_name").UseCollation("C");
        row.Property(r => r.RunId).HasColumnName("run_id");
        row.Property(r => r.ComputationType).HasColumnName("computation_type");
        row.Property(r => r.EntitiesProcessed).HasColumnName("entities_processed");
        row.Property(r => r.DurationMs).HasColumnName("duration_ms");
        row.Property(r => r.ErrorsCount).HasColumnName("errors_count");
        row.Property(r => r.ErrorDetails).HasColumnName("error_details").HasColumnType("jsonb");
        row.Property(r => r.StartedAt).HasColumnName("started_at");
        row.Property(r => r.CompletedAt).HasColumnName("completed_at");
        row.HasOne<FeatureRegistryRow>().WithMany().HasForeignKey(r => r.FeatureId).OnDelete(DeleteBehavior.Restrict);
        row.HasIndex(r => new { r.FeatureId, r.StartedAt }).HasDatabaseName("idx_feature_computation_logs_feature");
        row.HasIndex(r => r.StartedAt).HasDatabaseName("idx_feature_computation_logs_started");
        row.HasIndex(r => r.RunId).HasDatabaseName("idx_feature_computation_logs_run");
    }
}
