namespace FeatureStore.Postgres.Data;

/// <summary>A row of <c>src_tenants</c>; see <see cref="FeatureStore.Core.Sources.Tenant"/>.</summary>
public sealed class SourceTenantRow : SourceRow
{
    public required string Name { get; set; }
    public required string TimeZone { get; set; }
    public TimeOnly OpensAt { get; set; }
    public TimeOnly ClosesAt { get; set; }
    public required string Language { get; set; }
}
