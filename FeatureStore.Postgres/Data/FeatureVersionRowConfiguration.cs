using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FeatureStore.Postgres.Data;

internal sealed class FeatureVersionRowConfiguration : IEntityTypeConfiguration<FeatureVersionRow>
{
    public void Configure(EntityTypeBuilder<FeatureVersionRow> row)
    {
        row.ToTable("ai_feature_versions", t =>
        {
            t.HasCheckConstraint("ck_ai_feature_versions_change_kind", "change_kind IN ('NEW', 'PATCH', 'MINOR', 'MAJOR')");
            t.HasCheckConstraint("ck_ai_feature_versions_deprecation",
                "(deprecated_at IS NULL) = (sunset_at IS NULL) AND (deprecated_at IS NULL) = (deprecation_reason IS NULL)");
        });
        row.HasKey(r => r.Id);
        row.Property(r => r.Id).HasColumnName("id").HasDefaultValueSql("gen_random_uuid()");
        row.Property(r => r.FeatureId).HasColumnName("feature_id");
        row.Property(r => r.Version).HasColumnName("version");
        row.Property(r => r.Major).HasColumnName("major");
        row.Property(r => r.Minor).HasColumnName("minor");
        row.Property(r => r.Patch).HasColumnName("patch");
        row.Property(r => r.Definition).HasColumnName("definition").HasColumnType("jsonb");
        row.Property(r => r.ChangeKind).HasColumnName("change_kind");
        row.Property(r => r.Reasons).HasColumnName("reasons");
        row.Property(r => r.CreatedAt).HasColumnName("created_at").HasDefaultValueSql("now()");
        row.Property(r => r.CreatedBy).HasColumnName("created_by");
        row.Property(r => r.DeprecatedAt).HasColumnName("deprecated_at");
        row.Property(r => r.DeprecatedBy).HasColumnName("deprecated_by");
        row.Property(r => r.DeprecationReason).HasColumnName("deprecation_reason");
        row.Property(r => r.SunsetAt).HasColumnName("sunset_at");
        row.HasOne<FeatureRegistryRow>().WithMany().HasForeignKey(r => r.FeatureId).OnDelete(DeleteBehavior.Restrict);
        row.HasIndex(r => new { r.FeatureId, r.Major, r.Minor, r.Patch }).IsUnique().HasDatabaseName("ux_feature_versions_number");
    }
}
