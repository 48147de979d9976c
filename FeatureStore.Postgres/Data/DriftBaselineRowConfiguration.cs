using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FeatureStore.Postgres.Data;

internal sealed class DriftBaselineRowConfiguration : IEntityTypeConfiguration<DriftBaselineRow>
{
    public void Configure(EntityTypeBuilder<DriftBaselineRow> row)
    {
        row.ToTable("ai_drift_baselines", t =>
        {
            t.HasCheckConstraint("ck_ai_drift_baselines_kind", "kind IN ('window', 'training_set')");
            t.HasCheckConstraint("ck_ai_drift_baselines_window", "window_end > window_start");
        });
        row.HasKey(r => r.Id);
        row.Property(r => r.Id).HasColumnName("id");
        row.Property(r => r.Feature).HasColumnName("feature");
        row.Property(r => r.ValueLine).HasColumnName("value_line");
        row.Property(r => r.Version).HasColumnName("version");
        row.Property(r => r.Kind).HasColumnName("kind");
        row.Property(r => r.WindowStart).HasColumnName("window_start");
        row.Property(r => r.WindowEnd).HasColumnName("window_end");
        // A training set's sample ([{"entityId", "value"}]); a window's values stay in the offline history.
        // lz4 rather than pglz: an export records ten samples of 5,000 values (about 2 MB of JSON), and pglz spent
        // about a third of their saving time compressing them.
        row.Property(r => r.Values).HasColumnName("values").HasColumnType("jsonb").UseCompressionMethod("lz4");
        row.Property(r => r.SampleSize).HasColumnName("sample_size");
        row.Property(r => r.CreatedAt).HasColumnName("created_at").HasDefaultValueSql("now()");

        // A reference window is one baseline however many runs use it; the newest baseline of a kind is looked up per line.
        row.HasIndex(r => new { r.Feature, r.ValueLine, r.Kind, r.WindowStart, r.WindowEnd }).IsUnique().HasFilter("kind = 'window'")
            .HasDatabaseName("ux_ai_drift_baselines_window");
        row.HasIndex(r => new { r.Feature, r.ValueLine, r.Kind, r.CreatedAt }).HasDatabaseName("idx_ai_drift_baselines_latest");
    }
}
