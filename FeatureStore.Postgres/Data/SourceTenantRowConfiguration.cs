using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FeatureStore.Postgres.Data;

internal sealed class SourceTenantRowConfiguration : IEntityTypeConfiguration<SourceTenantRow>
{
    public void Configure(EntityTypeBuilder<SourceTenantRow> row)
    {
        row.ToTable("src_tenants");
        SourceRowColumns.Configure(row, "src_tenants");
        row.Property(r => r.Name).HasColumnName("name");
        row.Property(r => r.TimeZone).HasColumnName("time_zone");
        row.Property(r => r.OpensAt).HasColumnName("opens_at");
        row.Property(r => r.ClosesAt).HasColumnName("closes_at");
        row.Property(r => r.Language).HasColumnName("language");
    }
}
