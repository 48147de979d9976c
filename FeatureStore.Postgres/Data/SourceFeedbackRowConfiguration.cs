using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FeatureStore.Postgres.Data;

internal sealed class SourceFeedbackRowConfiguration : IEntityTypeConfiguration<SourceFeedbackRow>
{
    public void Configure(EntityTypeBuilder<SourceFeedbackRow> row)
    {
        row.ToTable("src_feedback", t => t.HasCheckConstraint("ck_src_feedback_satisfaction", "satisfaction BETWEEN 1 AND 5"));
        SourceRowColumns.Configure(row, "src_feedback");
        row.Property(r => r.TenantId).HasColumnName("tenant_id").UseCollation(EntityIds.Collation);
        row.Property(r => r.UserId).HasColumnName("user_id").UseCollation(EntityIds.Collation);
        row.Property(r => r.ConversationId).HasColumnName("conversation_id").UseCollation(EntityIds.Collation);
        row.Property(r => r.MessageId).HasColumnName("message_id").UseCollation(EntityIds.Collation);
        row.Property(r => r.Satisfaction).HasColumnName("satisfaction");
        row.Property(r => r.GivenAt).HasColumnName("given_at");
        // user:satisfaction_history (last 10 per user) and tenant:avg_satisfaction_7d.
        row.HasIndex(r => new { r.UserId, r.GivenAt }).HasDatabaseName("idx_src_feedback_user");
        row.HasIndex(r => new { r.TenantId, r.GivenAt }).HasDatabaseName("idx_src_feedback_tenant");
        row.HasIndex(r => r.ConversationId).HasDatabaseName("idx_src_feedback_conversation");
        row.HasIndex(r => r.GivenAt).HasDatabaseName("idx_src_feedback_given_at");
    }
}
