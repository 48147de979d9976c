using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FeatureStore.Postgres.Data;

internal sealed class DriftStatisticsRowConfiguration : IEntityTypeConfiguration<DriftStatisticsRow>
{
    public void Configure(EntityTypeBuilder<DriftStatisticsRow> row)
    {
        row.ToTable("ai_drift_statistics");
        row.HasKey(r => r.Id);
        row.Property(r => r.Id).HasColumnName("id").UseIdentityAlwaysColumn();
        row.Property(r => r.Feature).HasColumnName("feature");
        row.Property(r => r.ValueLine).HasColumnName("value_line");
        row.Property(r => r.WindowStart).HasColumnName("window_start");
        row.Property(r => r.WindowEnd).HasColumnName("window_end");
        row.Property(r => r.Statistics).HasColumnName("statistics").HasColumnType("jsonb");
        row.Property(r => r.ComputedAt).HasColumnName("computed_at").HasDefaultValueSql("now()");

        // A window checked again (a requested run) replaces its statistics.
        row.HasIndex(r => new { r.Feature, r.ValueLine, r.WindowStart, r.WindowEnd }).IsUnique().HasDatabaseName("ux_ai_drift_statistics_window");
    }
}
