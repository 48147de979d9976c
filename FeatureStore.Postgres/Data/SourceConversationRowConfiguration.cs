using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FeatureStore.Postgres.Data;

internal sealed class SourceConversationRowConfiguration : IEntityTypeConfiguration<SourceConversationRow>
{
    public void Configure(EntityTypeBuilder<SourceConversationRow> row)
    {
        row.ToTable("src_conversations");
        SourceRowColumns.Configure(row, "src_conversations");
        row.Property(r => r.TenantId).HasColumnName("tenant_id").UseCollation(EntityIds.Collation);
        row.Property(r => r.UserId).HasColumnName("user_id").UseCollation(EntityIds.Collation);
        row.Property(r => r.StartedAt).HasColumnName("started_at");
        row.Property(r => r.Channel).HasColumnName("channel");
        // user:total_conversations and user:booking_rate's denominator count per user in a window.
        row.HasIndex(r => new { r.UserId, r.StartedAt }).HasDatabaseName("idx_src_conversations_user");
        row.HasIndex(r => new { r.TenantId, r.StartedAt }).HasDatabaseName("idx_src_conversations_tenant");
        row.HasIndex(r => r.StartedAt).HasDatabaseName("idx_src_conversations_started_at");
    }
}
