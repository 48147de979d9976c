using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FeatureStore.Postgres.Data;

internal sealed class SourceMessageRowConfiguration : IEntityTypeConfiguration<SourceMessageRow>
{
    public void Configure(EntityTypeBuilder<SourceMessageRow> row)
    {
        row.ToTable("src_messages", t =>
        {
            t.HasCheckConstraint("ck_src_messages_role", "role IN ('user', 'assistant')");
            // Only an assistant message answers something, so only it has a response time. Intent is
            // not checked: an unknown intent is a data-quality problem for computations to report.
            t.HasCheckConstraint("ck_src_messages_response_time", "response_time_ms IS NULL OR (role = 'assistant' AND response_time_ms >= 0)");
        });
        SourceRowColumns.Configure(row, "src_messages");
        row.Property(r => r.ConversationId).HasColumnName("conversation_id").UseCollation(EntityIds.Collation);
        row.Property(r => r.TenantId).HasColumnName("tenant_id").UseCollation(EntityIds.Collation);
        row.Property(r => r.UserId).HasColumnName("user_id").UseCollation(EntityIds.Collation);
        row.Property(r => r.Role).HasColumnName("role");
        row.Property(r => r.Text).HasColumnName("text");
        row.Property(r => r.SentAt).HasColumnName("sent_at");
        row.Property(r => r.ResponseTimeMs).HasColumnName("response_time_ms");
        row.Property(r => r.Intent).HasColumnName("intent");
        row.Property(r => r.Language).HasColumnName("language");
        // One index per entity the catalog aggregates messages by, each with time for windows and order.
        row.HasIndex(r => new { r.ConversationId, r.SentAt }).HasDatabaseName("idx_src_messages_conversation");
        row.HasIndex(r => new { r.UserId, r.SentAt }).HasDatabaseName("idx_src_messages_user");
        row.HasIndex(r => new { r.TenantId, r.SentAt }).HasDatabaseName("idx_src_messages_tenant");
        // Batch planning finds entities by event time (rows entering or leaving a window).
        row.HasIndex(r => r.SentAt).HasDatabaseName("idx_src_messages_sent_at");
    }
}
