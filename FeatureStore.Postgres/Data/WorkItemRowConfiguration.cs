using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FeatureStore.Postgres.Data;

internal sealed class WorkItemRowConfiguration : IEntityTypeConfiguration<WorkItemRow>
{
    public void Configure(EntityTypeBuilder<WorkItemRow> row)
    {
        row.ToTable("ai_computation_work_items", t =>
            t.HasCheckConstraint("ck_ai_computation_work_items_status", "status IN ('pending', 'running', 'done', 'failed')"));
        row.HasKey(r => r.Id);
        row.Property(r => r.Id).HasColumnName("id").UseIdentityAlwaysColumn();
        row.Property(r => r.JobId).HasColumnName("job_id");
        row.Property(r => r.EntityType).HasColumnName("entity_type");
        row.Property(r => r.EntityIds).HasColumnName("entity_ids");
        row.Property(r => r.Status).HasColumnName("status");
        row.Property(r => r.ClaimedBy).HasColumnName("claimed_by");
        row.Property(r => r.ClaimedUntil).HasColumnName("claimed_until");
        row.Property(r => r.Attempts).HasColumnName("attempts");
        row.Property(r => r.Entities).HasColumnName("entities");
        row.Property(r => r.Errors).HasColumnName("errors");
        row.Property(r => r.Failure).HasColumnName("failure");
        row.Property(r => r.CompletedAt).HasColumnName("completed_at");
        row.HasOne<ComputationJobRow>().WithMany().HasForeignKey(r => r.JobId).OnDelete(DeleteBehavior.Cascade);

        // Claims scan only unfinished items, oldest first.
        row.HasIndex(r => r.Id).HasFilter("status IN ('pending', 'running')").HasDatabaseName("idx_ai_computation_work_items_open");
        row.HasIndex(r => r.JobId).HasDatabaseName("idx_ai_computation_work_items_job");
    }
}
