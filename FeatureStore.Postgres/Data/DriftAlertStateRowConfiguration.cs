using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FeatureStore.Postgres.Data;

internal sealed class DriftAlertStateRowConfiguration : IEntityTypeConfiguration<DriftAlertStateRow>
{
    public void Configure(EntityTypeBuilder<DriftAlertStateRow> row)
    {
        row.ToTable("ai_drift_alert_state", t =>
            t.HasCheckConstraint("ck_ai_drift_alert_state_status", "status IS NULL OR status IN ('OK', 'WARN', 'DRIFT')"));
        row.HasKey(r => new { r.Subject, r.Check });
        row.Property(r => r.Subject).HasColumnName("subject");
        row.Property(r => r.Check).HasColumnName("check_name");
        row.Property(r => r.Status).HasColumnName("status");
        row.Property(r => r.UpdatedAt).HasColumnName("updated_at").HasDefaultValueSql("now()");
    }
}
