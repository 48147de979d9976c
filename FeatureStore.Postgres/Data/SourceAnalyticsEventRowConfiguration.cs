using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FeatureStore.Postgres.Data;

internal sealed class SourceAnalyticsEventRowConfiguration : IEntityTypeConfiguration<SourceAnalyticsEventRow>
{
    public void Configure(EntityTypeBuilder<SourceAnalyticsEventRow> row)
    {
        row.ToTable("src_analytics_events");
        SourceRowColumns.Configure(row, "src_analytics_events");
        row.Property(r => r.TenantId).HasColumnName("tenant_id").UseCollation(EntityIds.Collation);
        row.Property(r => r.UserId).HasColumnName("user_id").UseCollation(EntityIds.Collation);
        row.Property(r => r.Kind).HasColumnName("kind");
        row.Property(r => r.OccurredAt).HasColumnName("occurred_at");
        row.Property(r => r.Properties).HasColumnName("properties").HasColumnType("jsonb");
        row.HasIndex(r => new { r.TenantId, r.OccurredAt }).HasDatabaseName("idx_src_analytics_events_tenant");
        row.HasIndex(r => new { r.UserId, r.OccurredAt }).HasDatabaseName("idx_src_analytics_events_user");
    }
}
