using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FeatureStore.Postgres.Data;

internal sealed class SourceBookingRowConfiguration : IEntityTypeConfiguration<SourceBookingRow>
{
    public void Configure(EntityTypeBuilder<SourceBookingRow> row)
    {
        row.ToTable("src_bookings");
        SourceRowColumns.Configure(row, "src_bookings");
        row.Property(r => r.TenantId).HasColumnName("tenant_id").UseCollation(EntityIds.Collation);
        row.Property(r => r.UserId).HasColumnName("user_id").UseCollation(EntityIds.Collation);
        row.Property(r => r.ConversationId).HasColumnName("conversation_id").UseCollation(EntityIds.Collation);
        row.Property(r => r.BookedAt).HasColumnName("booked_at");
        row.Property(r => r.ScheduledFor).HasColumnName("scheduled_for");
        row.Property(r => r.Service).HasColumnName("service");
        // user:booking_rate per user; tenant-level booking counts per window.
        row.HasIndex(r => new { r.UserId, r.BookedAt }).HasDatabaseName("idx_src_bookings_user");
        row.HasIndex(r => new { r.TenantId, r.BookedAt }).HasDatabaseName("idx_src_bookings_tenant");
        row.HasIndex(r => r.BookedAt).HasDatabaseName("idx_src_bookings_booked_at");
        row.HasIndex(r => new { r.ConversationId, r.BookedAt }).HasDatabaseName("idx_src_bookings_conversation");
    }
}
