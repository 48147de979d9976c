using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FeatureStore.Postgres.Data;

internal sealed class DriftRequestRowConfiguration : IEntityTypeConfiguration<DriftRequestRow>
{
    public void Configure(EntityTypeBuilder<DriftRequestRow> row)
    {
        row.ToTable("ai_drift_requests", t =>
        {
            t.HasCheckConstraint("ck_ai_drift_requests_kind", "kind IN ('scheduled', 'requested')");
            t.HasCheckConstraint("ck_ai_drift_requests_status", "status IN ('pending', 'running', 'done', 'failed')");
        });
        row.HasKey(r => r.Id);
        row.Property(r => r.Id).HasColumnName("id");
        row.Property(r => r.Kind).HasColumnName("kind");
        row.Property(r => r.Features).HasColumnName("features");
        row.Property(r => r.WindowEnd).HasColumnName("window_end");
        row.Property(r => r.Status).HasColumnName("status");
        row.Property(r => r.RequestedBy).HasColumnName("requested_by");
        row.Property(r => r.RequestedAt).HasColumnName("requested_at").HasDefaultValueSql("now()");
        row.Property(r => r.ClaimedBy).HasColumnName("claimed_by");
        row.Property(r => r.ClaimedUntil).HasColumnName("claimed_until");
        row.Property(r => r.Attempts).HasColumnName("attempts");
        row.Property(r => r.CompletedAt).HasColumnName("completed_at");
        row.Property(r => r.Failure).HasColumnName("failure");

        // One scheduled check per window, however many replicas schedule it.
        row.HasIndex(r => r.WindowEnd).IsUnique().HasFilter("kind = 'scheduled'").HasDatabaseName("ux_ai_drift_requests_scheduled_window");
        // Claims scan only unfinished requests, oldest first.
        row.HasIndex(r => r.RequestedAt).HasFilter("status IN ('pending', 'running')").HasDatabaseName("idx_ai_drift_requests_open");
    }
}
