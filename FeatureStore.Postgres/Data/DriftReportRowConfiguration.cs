using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FeatureStore.Postgres.Data;

internal sealed class DriftReportRowConfiguration : IEntityTypeConfiguration<DriftReportRow>
{
    public void Configure(EntityTypeBuilder<DriftReportRow> row)
    {
        row.ToTable("ai_drift_reports", t =>
        {
            t.HasCheckConstraint("ck_ai_drift_reports_check", "check_name IN ('univariate', 'classifier', 'skew')");
            t.HasCheckConstraint("ck_ai_drift_reports_status", "status IN ('OK', 'WARN', 'DRIFT')");
        });
        row.HasKey(r => r.Id);
        row.Property(r => r.Id).HasColumnName("id");
        // A feature name, or "entity:*" for the classifier over an entity type's features (no registry key: not always one feature).
        row.Property(r => r.Feature).HasColumnName("feature");
        row.Property(r => r.Check).HasColumnName("check_name");
        row.Property(r => r.EntityType).HasColumnName("entity_type");
        row.Property(r => r.ValueLine).HasColumnName("value_line");
        row.Property(r => r.Version).HasColumnName("version");
        row.Property(r => r.WindowStart).HasColumnName("window_start");
        row.Property(r => r.WindowEnd).HasColumnName("window_end");
        row.Property(r => r.Status).HasColumnName("status");
        row.Property(r => r.BaselineId).HasColumnName("baseline_id");
        row.Property(r => r.Tests).HasColumnName("tests").HasColumnType("jsonb");
        row.Property(r => r.Contributions).HasColumnName("contributions").HasColumnType("jsonb");
        row.Property(r => r.Statistics).HasColumnName("statistics").HasColumnType("jsonb");
        row.Property(r => r.Details).HasColumnName("details").HasColumnType("jsonb");
        row.Property(r => r.PlotSvg).HasColumnName("plot_svg");
        row.Property(r => r.CreatedAt).HasColumnName("created_at").HasDefaultValueSql("now()");
        row.HasOne<DriftBaselineRow>().WithMany().HasForeignKey(r => r.BaselineId).OnDelete(DeleteBehavior.SetNull);

        // driftReports(feature, from, to) walks a feature's reports newest window first; driftStatus takes each check's newest.
        row.HasIndex(r => new { r.Feature, r.WindowEnd }).HasDatabaseName("idx_ai_drift_reports_feature_window");
        row.HasIndex(r => new { r.Feature, r.Check, r.CreatedAt }).IsDescending(false, false, true).HasDatabaseName("idx_ai_drift_reports_latest");
    }
}
