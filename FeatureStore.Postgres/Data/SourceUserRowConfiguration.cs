using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FeatureStore.Postgres.Data;

internal sealed class SourceUserRowConfiguration : IEntityTypeConfiguration<SourceUserRow>
{
    public void Configure(EntityTypeBuilder<SourceUserRow> row)
    {
        row.ToTable("src_users");
        SourceRowColumns.Configure(row, "src_users");
        row.Property(r => r.TenantId).HasColumnName("tenant_id").UseCollation(EntityIds.Collation);
        row.Property(r => r.PreferredLanguage).HasColumnName("preferred_language");
        row.Property(r => r.Preferences).HasColumnName("preferences").HasColumnType("jsonb");
        row.HasIndex(r => r.TenantId).HasDatabaseName("idx_src_users_tenant");
    }
}
