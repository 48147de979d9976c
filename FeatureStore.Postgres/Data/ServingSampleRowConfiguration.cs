using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FeatureStore.Postgres.Data;

internal sealed class ServingSampleRowConfiguration : IEntityTypeConfiguration<ServingSampleRow>
{
    public void Configure(EntityTypeBuilder<ServingSampleRow> row)
    {
        row.ToTable("ai_serving_samples");
        row.HasKey(r => r.Id);
        row.Property(r => r.Id).HasColumnName("id").UseIdentityAlwaysColumn();
        row.Property(r => r.Feature).HasColumnName("feature");
        row.Property(r => r.ValueLine).HasColumnName("value_line");
        row.Property(r => r.EntityType).HasColumnName("entity_type");
        row.Property(r => r.EntityId).HasColumnName("entity_id").UseCollation(EntityIds.Collation);
        row.Property(r => r.Value).HasColumnName("value").HasColumnType("jsonb");
        row.Property(r => r.ValidFrom).HasColumnName("valid_from");
        row.Property(r => r.ServedAt).HasColumnName("served_at");

        // The skew check reads a window of each feature's samples; the clean-up deletes by age.
        row.HasIndex(r => new { r.Feature, r.ServedAt }).HasDatabaseName("idx_ai_serving_samples_feature_served");
        row.HasIndex(r => r.ServedAt).HasDatabaseName("idx_ai_serving_samples_served");
    }
}
