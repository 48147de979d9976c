using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FeatureStore.Postgres.Data;

internal sealed class ComputationJobRowConfiguration : IEntityTypeConfiguration<ComputationJobRow>
{
    public void Configure(EntityTypeBuilder<ComputationJobRow> row)
    {
        row.ToTable("ai_computation_jobs", t =>
        {
            t.HasCheckConstraint("ck_ai_computation_jobs_kind", "kind IN ('scheduled', 'backfill')");
            t.HasCheckConstraint("ck_ai_computation_jobs_status", "status IN ('running', 'done', 'failed')");
        });
        row.HasKey(r => r.Id);
        row.Property(r => r.Id).HasColumnName("id");
        row.Property(r => r.Kind).HasColumnName("kind");
        row.Property(r => r.Schedule).HasColumnName("schedule");
        row.Property(r => r.Features).HasColumnName("features");
        row.Property(r => r.At).HasColumnName("at");
        row.Property(r => r.After).HasColumnName("after");
        row.Property(r => r.MessagesSeq).HasColumnName("messages_seq");
        row.Property(r => r.ConversationsSeq).HasColumnName("conversations_seq");
        row.Property(r => r.FeedbackSeq).HasColumnName("feedback_seq");
        row.Property(r => r.BookingsSeq).HasColumnName("bookings_seq");
        row.Property(r => r.Status).HasColumnName("status");
        row.Property(r => r.ItemsTotal).HasColumnName("items_total");
        row.Property(r => r.ItemsDone).HasColumnName("items_done");
        row.Property(r => r.EntitiesDone).HasColumnName("entities_done");
        row.Property(r => r.Errors).HasColumnName("errors");
        row.Property(r => r.RequestedBy).HasColumnName("requested_by");
        row.Property(r => r.CreatedAt).HasColumnName("created_at").HasDefaultValueSql("now()");
        row.Property(r => r.CompletedAt).HasColumnName("completed_at");

        // One scheduled run per schedule and tick, however many replicas plan it.
        row.HasIndex(r => new { r.Schedule, r.At }).IsUnique().HasFilter("kind = 'scheduled'").HasDatabaseName("ux_ai_computation_jobs_schedule_tick");
        row.HasIndex(r => r.CreatedAt).HasDatabaseName("idx_ai_computation_jobs_created");
    }
}
