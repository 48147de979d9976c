using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FeatureStore.Postgres.Data;

internal sealed class FeatureRegistryRowConfiguration : IEntityTypeConfiguration<FeatureRegistryRow>
{
    public void Configure(EntityTypeBuilder<FeatureRegistryRow> row)
    {
        row.ToTable("ai_feature_registry", t =>
        {
            t.HasCheckConstraint("ck_ai_feature_registry_feature_type",
                "feature_type IN ('numeric', 'categorical', 'vector', 'json', 'boolean', 'array')");
            t.HasCheckConstraint("ck_ai_feature_registry_split",
                "(split_version IS NULL) = (split_percent IS NULL) AND (split_percent IS NULL OR (split_percent > 0 AND split_percent < 100))");
        });
        row.HasKey(r => r.Id);
        row.Property(r => r.Id).HasColumnName("id").HasDefaultValueSql("gen_random_uuid()");
        row.Property(r => r.Name).HasColumnName("name");
        row.HasIndex(r => r.Name).IsUnique();
        row.Property(r => r.Description).HasColumnName("description");
        row.Property(r => r.FeatureType).HasColumnName("feature_type");
        row.Property(r => r.EntityType).HasColumnName("entity_type");
        row.Property(r => r.ComputationSql).HasColumnName("computation_sql");
        row.Property(r => r.RefreshSchedule).HasColumnName("refresh_schedule");
        row.Property(r => r.SchemaVersion).HasColumnName("schema_version").HasDefaultValue(1);
        row.Property(r => r.ValueSchema).HasColumnName("value_schema").HasColumnType("jsonb");
        row.Property(r => r.Owner).HasColumnName("owner");
        row.Property(r => r.Tags).HasColumnName("tags").HasDefaultValueSql("'{}'::text[]");
        row.Property(r => r.IsActive).HasColumnName("is_active").HasDefaultValue(true);
        // The registry row mirrors the active version (so a plain SELECT shows it); versions hold the history.
        row.Property(r => r.ActiveVersion).HasColumnName("active_version");
        row.Property(r => r.SplitVersion).HasColumnName("split_version");
        row.Property(r => r.SplitPercent).HasColumnName("split_percent").HasPrecision(5, 2);
        row.Property(r => r.CreatedAt).HasColumnName("created_at").HasDefaultValueSql("now()");
        row.Property(r => r.UpdatedAt).HasColumnName("updated_at").HasDefaultValueSql("now()");
    }
}
