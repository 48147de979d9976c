using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FeatureStore.Postgres.Data;

/// <summary>
/// What every <c>src_*</c> table shares: a text primary key in the entity-id collation, and
/// <c>ingested_at</c> and <c>seq</c>, which let a batch run pick up only rows that arrived since its
/// last high-water mark (by sequence number, which never goes back, unlike clocks).
/// </summary>
internal static class SourceRowColumns
{
    public static void Configure<TRow>(EntityTypeBuilder<TRow> row, string table)
        where TRow : SourceRow
    {
        row.HasKey(r => r.Id);
        row.Property(r => r.Id).HasColumnName("id").UseCollation(EntityIds.Collation);
        row.Property(r => r.IngestedAt).HasColumnName("ingested_at").HasDefaultValueSql("now()");
        row.Property(r => r.Seq).HasColumnName("seq").UseIdentityAlwaysColumn();
        row.HasIndex(r => r.Seq).HasDatabaseName($"idx_{table}_seq");
    }
}
