using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FeatureStore.Postgres.Data;

internal sealed class AuditRowConfiguration : IEntityTypeConfiguration<AuditRow>
{
    public void Configure(EntityTypeBuilder<AuditRow> row)
    {
        row.ToTable("ai_feature_audit_log");
        row.HasKey(r => r.Id);
        row.Property(r => r.Id).HasColumnName("id").UseIdentityAlwaysColumn();
        row.Property(r => r.At).HasColumnName("at").HasDefaultValueSql("now()");
        row.Property(r => r.Actor).HasColumnName("actor");
        row.Property(r => r.Action).HasColumnName("action");
        row.Property(r => r.FeatureName).HasColumnName("feature_name");
        row.Property(r => r.Version).HasColumnName("version");
        row.Property(r => r.Details).HasColumnName("details").HasColumnType("jsonb");
        row.HasIndex(r => new { r.FeatureName, r.Id }).HasDatabaseName("idx_feature_audit_log_feature");
    }
}
